package fr.communs.budget;

import fr.communs.base.Dates;
import static fr.communs.db.Tables.BUDGET;
import static fr.communs.db.Tables.BUDGET_LIGNE;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunService;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.DossierVersionService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The budget prévisionnel through the real services: saved exactly by the porteur, refused when unbalanced or from
 * anyone else or once transmitted (nothing changed), frozen with the transmitted version, reopened by compléments.
 */
@SpringBootTest
@ActiveProfiles("test")
class BudgetServiceIT {
    @Autowired Fixtures fx;
    @Autowired BudgetService budgets;
    @Autowired GroupementService groupements;
    @Autowired CommunService communs;
    @Autowired DossierVersionService versions;
    @Autowired InstructionService instructions;
    @Autowired DSLContext dsl;

    long porteur;
    String porteurEmail;
    long communId;
    String membreEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
        membreEmail = fx.join(communId, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static LigneBudget l(String libelle, String montant) {
        return new LigneBudget(libelle, montant == null ? null : new BigDecimal(montant));
    }

    /** 12 000,50 € of expenses: 7 000,50 € requested, 5 000 € of own funds. */
    private static Budget equilibre() {
        return new Budget(new BigDecimal("7000.50"),
                List.of(l("  Coordination  ", "9000"), l("Ateliers", "3000.50")),
                List.of(l("Autofinancement", "5000")));
    }

    /** The message with the no-break spaces of French number formatting as plain spaces. */
    private static String plain(String s) {
        return s.replaceAll("[\u00a0\u202f]", " ");
    }

    private int lignes() {
        return dsl.fetchCount(BUDGET_LIGNE, BUDGET_LIGNE.COMMUN_ID.eq(communId));
    }

    @Test
    void the_porteur_saves_a_balanced_budget_and_reads_it_back_to_the_cent() {
        fx.as(porteurEmail);
        BudgetDuCommun vide = budgets.get(communId);
        assertThat(vide.budget()).isNull();
        assertThat(vide.version()).isZero();
        assertThat(vide.modifiable()).isTrue();

        assertThat(budgets.save(communId, 0, equilibre())).isEqualTo(1);
        BudgetDuCommun lu = budgets.get(communId);
        assertThat(lu.version()).isEqualTo(1);
        assertThat(lu.budget().montantDemande()).isEqualByComparingTo("7000.50");
        assertThat(lu.budget().depenses()).extracting(LigneBudget::libelle).containsExactly("Coordination", "Ateliers");
        assertThat(lu.budget().depenses().get(1).montant()).isEqualByComparingTo("3000.50");
        assertThat(lu.budget().totalDepenses()).isEqualByComparingTo("12000.50");
        assertThat(lu.budget().totalRessources()).isEqualByComparingTo("12000.50");
        assertThat(lu.modifieParNom()).isNotBlank();

        // A second save replaces every line.
        assertThat(budgets.save(communId, 1, new Budget(new BigDecimal("100"), List.of(l("Affiches", "100")), List.of())))
                .isEqualTo(2);
        assertThat(budgets.get(communId).budget().depenses()).singleElement().satisfies(d -> {
            assertThat(d.libelle()).isEqualTo("Affiches");
            assertThat(d.montant()).isEqualByComparingTo("100");
        });
        assertThat(lignes()).isEqualTo(1);

        // Members of the groupement read it, without being able to change it.
        fx.as(membreEmail);
        BudgetDuCommun membre = budgets.get(communId);
        assertThat(membre.budget().montantDemande()).isEqualByComparingTo("100");
        assertThat(membre.modifiable()).isFalse();
        assertThat(membre.raisonNonModifiable()).contains("Seul le porteur administratif");
    }

    @Test
    void an_unbalanced_budget_is_refused_with_both_totals_and_the_difference_and_nothing_is_saved() {
        fx.as(porteurEmail);
        Budget manque = new Budget(new BigDecimal("5000"), List.of(l("Coordination", "12000")),
                List.of(l("Autofinancement", "5000")));
        assertThatThrownBy(() -> budgets.save(communId, 0, manque)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(plain(e.getMessage())).contains("n'est pas équilibré")
                        .contains("total des dépenses est de 12 000,00 €")
                        .contains("total des ressources de 10 000,00 €")
                        .contains("dont 5 000,00 € demandés au Département")
                        .contains("soit 2 000,00 € de ressources en moins que les dépenses"));
        Budget trop = new Budget(new BigDecimal("8000"), List.of(l("Coordination", "12000")),
                List.of(l("Autofinancement", "5000")));
        assertThatThrownBy(() -> budgets.save(communId, 0, trop)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(plain(e.getMessage())).contains("1 000,00 € de ressources en plus"));
        assertThat(dsl.fetchCount(BUDGET, BUDGET.COMMUN_ID.eq(communId))).isZero();
        assertThat(lignes()).isZero();
    }

    @Test
    void bad_lines_are_all_refused_at_once_in_french_and_nothing_is_saved() {
        fx.as(porteurEmail);
        budgets.save(communId, 0, equilibre());
        Budget mauvais = new Budget(null, List.of(l("", "100"), l("Matériel", "0"), l("Salle", "10.505"),
                l("Énorme", "10000000.01")), Arrays.asList(l("Autofinancement", null), null));
        assertThatThrownBy(() -> budgets.save(communId, 1, mauvais)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).containsExactly(
                        "Le champ « Montant demandé au Département » est obligatoire.",
                        "Le champ « Libellé de la dépense 1 » est obligatoire.",
                        "« Montant de la dépense 2 » : le montant doit être supérieur à 0 €.",
                        "« Montant de la dépense 3 » : un montant a au plus deux décimales (les centimes).",
                        "« Montant de la dépense 4 » : le montant dépasse le plafond de 10 000 000 €.",
                        "Le champ « Montant de la ressource 1 » est obligatoire.",
                        "La ligne de la ressource 2 est vide."));
        assertThatThrownBy(() -> budgets.save(communId, 1, new Budget(new BigDecimal("10"), List.of(), List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("au moins une ligne de dépense");
        assertThat(budgets.get(communId).budget().depenses()).extracting(LigneBudget::libelle)
                .containsExactly("Coordination", "Ateliers");
        assertThat(budgets.get(communId).version()).isEqualTo(1);
    }

    @Test
    void only_the_porteur_changes_the_budget_and_other_structures_do_not_even_read_it() {
        fx.as(membreEmail);
        assertThatThrownBy(() -> budgets.save(communId, 0, equilibre())).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("Seul le porteur administratif");
        long autre = fx.structure(true, "30");
        fx.as(fx.account(Roles.STRUCTURE, autre));
        assertThatThrownBy(() -> budgets.get(communId)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("réservé aux structures de son groupement et au Département");
        assertThatThrownBy(() -> budgets.save(communId, 0, equilibre())).isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.AGENT));
        assertThat(budgets.get(communId).modifiable()).isFalse();
        assertThatThrownBy(() -> budgets.save(communId, 0, equilibre())).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> budgets.get(communId)).isInstanceOf(NotAllowedException.class);
        assertThat(dsl.fetchCount(BUDGET, BUDGET.COMMUN_ID.eq(communId))).isZero();
    }

    @Test
    void a_budget_saved_meanwhile_in_another_tab_is_not_overwritten() {
        fx.as(porteurEmail);
        budgets.save(communId, 0, equilibre());
        assertThatThrownBy(() -> budgets.save(communId, 0, new Budget(new BigDecimal("1"), List.of(l("Autre", "1")), List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("modifié entre-temps");
        assertThat(budgets.get(communId).budget().montantDemande()).isEqualByComparingTo("7000.50");
    }

    @Test
    void the_transmitted_version_freezes_the_budget_with_its_totals_and_it_can_no_longer_change() {
        fx.as(porteurEmail);
        budgets.save(communId, 0, equilibre());
        groupements.transmit(fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());

        DossierVersion.BudgetFige fige = versions.latest(communId).orElseThrow().contenu().budget();
        assertThat(fige.montantDemande()).isEqualByComparingTo("7000.50");
        assertThat(fige.totalDepenses()).isEqualByComparingTo("12000.50");
        assertThat(fige.totalRessources()).isEqualByComparingTo("12000.50");
        assertThat(fige.depenses()).extracting(LigneBudget::libelle).containsExactly("Coordination", "Ateliers");
        String json = dsl.select(COMMUN_VERSION.CONTENU).from(COMMUN_VERSION).where(COMMUN_VERSION.COMMUN_ID.eq(communId))
                .fetchOne().value1().data();
        assertThat(json).contains("\"montantDemande\": 7000.50").contains("\"libelle\": \"Coordination\"")
                .contains("\"totalDepenses\": 12000.50");

        BudgetDuCommun apres = budgets.get(communId);
        assertThat(apres.modifiable()).isFalse();
        assertThat(apres.raisonNonModifiable()).contains("transmis au Département");
        assertThatThrownBy(() -> budgets.save(communId, 1, new Budget(new BigDecimal("1"), List.of(l("Autre", "1")), List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a été transmis au Département");
        assertThat(budgets.get(communId).budget().montantDemande()).isEqualByComparingTo("7000.50");
    }

    @Test
    void a_version_frozen_before_budgets_existed_still_reads_without_a_budget() {
        fx.as(porteurEmail);
        groupements.transmit(fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        assertThat(versions.latest(communId).orElseThrow().contenu().budget()).isNull();
        // The JSON written by the previous release had no "budget" key at all.
        JSON ancien = dsl.select(COMMUN_VERSION.CONTENU).from(COMMUN_VERSION).where(COMMUN_VERSION.COMMUN_ID.eq(communId))
                .fetchOne().value1();
        String sansBudget = ancien.data().replaceAll(",\\s*\"budget\":\\s*null", "");
        assertThat(sansBudget).doesNotContain("\"budget\"");
        dsl.update(COMMUN_VERSION).set(COMMUN_VERSION.CONTENU, JSON.valueOf(sansBudget))
                .where(COMMUN_VERSION.COMMUN_ID.eq(communId)).execute();
        DossierVersion.Contenu contenu = versions.latest(communId).orElseThrow().contenu();
        assertThat(contenu.budget()).isNull();
        assertThat(contenu.titre()).isNotBlank();
    }

    @Test
    void complements_asking_for_the_budget_reopen_it_until_the_porteur_sends_the_file_back() {
        fx.as(porteurEmail);
        budgets.save(communId, 0, equilibre());
        groupements.transmit(fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        String agent = fx.account(Roles.AGENT);
        fx.as(agent);
        instructions.take(communId);
        List<AppreciationCritere> criteres = Arrays.stream(Critere.values())
                .map(c -> new AppreciationCritere(c, Appreciation.RESERVE, null)).toList();
        instructions.decide(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId(), InstructionDecision.complements(
                criteres, "Le montant demandé semble élevé : détaillez les dépenses.", EnumSet.of(PartieDossier.BUDGET),
                Dates.today().plusDays(10)));

        fx.as(porteurEmail);
        assertThat(budgets.get(communId).modifiable()).isTrue();
        String completer = fx.task(communId, CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId();
        assertThatThrownBy(() -> instructions.completeFile(completer, new ComplementData(Map.of(), "Voici")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("budget prévisionnel");
        budgets.save(communId, 1, new Budget(new BigDecimal("6000"),
                List.of(l("Coordination", "8000"), l("Ateliers", "3000")), List.of(l("Autofinancement", "5000"))));
        instructions.completeFile(completer, new ComplementData(Map.of(), "Dépenses détaillées, montant réduit."));

        assertThat(versions.versions(communId)).hasSize(2);
        assertThat(versions.latest(communId).orElseThrow().contenu().budget().montantDemande()).isEqualByComparingTo("6000");
        assertThat(versions.versions(communId).get(1).contenu().budget().montantDemande()).isEqualByComparingTo("7000.50");
        assertThatThrownBy(() -> budgets.save(communId, 2, equilibre())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("transmis au Département");
    }

    @Test
    void complements_about_something_else_keep_the_budget_closed() {
        fx.as(porteurEmail);
        groupements.transmit(fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.as(fx.account(Roles.AGENT));
        instructions.take(communId);
        instructions.decide(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId(), InstructionDecision.complements(
                Arrays.stream(Critere.values()).map(c -> new AppreciationCritere(c, Appreciation.RESERVE, null)).toList(),
                "Précisez la gouvernance.", EnumSet.of(PartieDossier.GOUVERNANCE), Dates.today().plusDays(10)));
        fx.as(porteurEmail);
        assertThat(budgets.get(communId).raisonNonModifiable()).contains("ne porte pas sur le budget");
        assertThatThrownBy(() -> budgets.save(communId, 0, equilibre())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ne porte pas sur le budget");
    }
}
