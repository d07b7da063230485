package fr.communs.structure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.commune.CommuneService;
import fr.communs.security.Roles;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The structure form marks the identifier fields themselves, not only the error panel (no browser). */
@SpringBootTest
@ActiveProfiles("test")
class StructureFormIT {
    @Autowired StructureService structures;
    @Autowired CommuneService communes;
    @Autowired Fixtures fx;

    /** Held here: Vaadin keeps the current UI through a weak reference only. */
    UI ui;
    InscrireStructureView view;
    StructureForm form;

    @BeforeEach
    void setUp() {
        ui = new UI();
        UI.setCurrent(ui);
        fx.as(fx.account(Roles.STRUCTURE));
        view = new InscrireStructureView(structures, communes);
        form = descendants(view).filter(StructureForm.class::isInstance).map(StructureForm.class::cast).findFirst().orElseThrow();
        form.nom.setValue("Atelier du lien " + System.nanoTime());
        form.forme.setValue(FormeJuridique.ASSOCIATION);
        form.commune.setValue(communes.find("30189").orElseThrow());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void a_la_poste_siret_failing_la_postes_rule_is_refused_and_the_siret_field_says_why() {
        form.siret.setValue("35600000000014");   // passes Luhn, digits add up to 19

        save().click();

        assertThat(form.siret.isInvalid()).isTrue();
        assertThat(form.siret.getErrorMessage()).contains("SIRET");
        assertThat(errorPanel().shown()).singleElement().asString().contains("SIRET");
        assertThat(form.rna.isInvalid()).isFalse();
        assertThat(form.nom.isInvalid()).isFalse();
    }

    @Test
    void a_wrong_siret_is_marked_as_soon_as_it_is_typed_and_cleared_once_corrected() {
        form.siret.setValue("73282932000075");
        assertThat(form.siret.isInvalid()).isTrue();
        assertThat(form.siret.getErrorMessage()).contains("14 chiffres");

        form.siret.setValue("732 829 320 00074");
        assertThat(form.siret.isInvalid()).isFalse();
    }

    @Test
    void a_malformed_rna_marks_the_rna_field_and_leaves_the_valid_siret_alone() {
        form.siret.setValue("35600000009075");   // a La Poste establishment: digits add up to 35
        form.rna.setValue("W30200012");

        save().click();

        assertThat(form.rna.isInvalid()).isTrue();
        assertThat(form.rna.getErrorMessage()).contains("RNA");
        assertThat(form.siret.isInvalid()).isFalse();
    }

    @Test
    void a_missing_name_marks_the_name_field_and_a_corrected_record_is_registered() {
        form.nom.clear();
        form.siret.setValue("35600000000048");   // La Poste's head office keeps the Luhn key

        save().click();
        assertThat(form.nom.isInvalid()).isTrue();
        assertThat(form.siret.isInvalid()).isFalse();

        form.nom.setValue("Atelier du lien " + System.nanoTime());
        save().click();
        assertThat(errorPanel().isVisible()).isFalse();
        assertThat(structures.myStructures()).anySatisfy(m -> assertThat(m.structure().siret()).isEqualTo("35600000000048"));
    }

    private Button save() {
        return descendants(view).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.getText().equals("Inscrire la structure")).findFirst().orElseThrow();
    }

    private ErrorPanel errorPanel() {
        return descendants(view).filter(ErrorPanel.class::isInstance).map(ErrorPanel.class::cast).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component root) {
        return root.getChildren().flatMap(c -> Stream.concat(Stream.of(c), descendants(c)));
    }
}
