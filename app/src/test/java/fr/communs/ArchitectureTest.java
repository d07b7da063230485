package fr.communs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of style.md: views call services; jOOQ only in internal packages; no cycles between features. */
@AnalyzeClasses(packages = "fr.communs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule jooq_and_generated_classes_only_in_internal_packages = noClasses()
            .that().resideOutsideOfPackages("..internal..", "fr.communs.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "fr.communs.db..");

    @ArchTest
    static final ArchRule services_never_depend_on_ui = noClasses()
            .that().resideOutsideOfPackages("..ui..", "fr.communs.layout..").and().haveSimpleNameNotEndingWith("Config")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "fr.communs.layout..");

    @ArchTest
    static final ArchRule views_do_not_use_internal_packages = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule repositories_live_in_internal_packages = classes()
            .that().haveSimpleNameStartingWith("Jooq")
            .should().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("fr.communs.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_processes_module_does_not_depend_on_the_app = noClasses()
            .that().resideInAPackage("fr.communs.processes..")
            .should().dependOnClassesThat().resideOutsideOfPackages("fr.communs.processes..", "java..",
                    "org.camunda..", "org.springframework..", "org.slf4j..");
}
