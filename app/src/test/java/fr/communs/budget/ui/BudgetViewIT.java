package fr.communs.budget.ui;

import static fr.communs.db.Tables.BUDGET;
import static fr.communs.db.Tables.BUDGET_LIGNE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.RoleGroupement;
import fr.communs.commun.ui.CommunFileView;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The « Budget prévisionnel » screen driven as a person would (no browser): amounts typed as people write them are
 * saved to the cent, an unbalanced budget or a non-amount is refused on screen and nothing is saved, members read it,
 * other structures are refused; a frozen version shows its budget, or says it has none.
 */
@SpringBootTest
@ActiveProfiles("test")
class BudgetViewIT {
    @Autowired Fixtures fx;
    @Autowired BudgetService budgets;
    @Autowired DSLContext dsl;

    String porteurEmail;
    String membreEmail;
    long communId;

    @BeforeEach
    void setUp() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
        membreEmail = fx.join(communId, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.logout();
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private BudgetView open(String email) {
        fx.as(email);
        BudgetView view = new BudgetView(budgets);
        view.show(communId);
        return view;
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively().replaceAll("[\\u00a0\\u202f]", " ");
    }

    private List<Record2<String, BigDecimal>> lignes(String sens) {
        return dsl.select(BUDGET_LIGNE.LIBELLE, BUDGET_LIGNE.MONTANT).from(BUDGET_LIGNE)
                .where(BUDGET_LIGNE.COMMUN_ID.eq(communId).and(BUDGET_LIGNE.SENS.eq(sens))).orderBy(BUDGET_LIGNE.RANG).fetch();
    }

    @Test
    void amounts_typed_as_people_write_them_are_saved_to_the_cent_with_live_totals() {
        BudgetEditor editor = open(porteurEmail).editor;
        assertThat(editor.depenses).hasSize(1);
        editor.montantDemande.setValue("7 000,50");
        editor.depenses.get(0).libelle.setValue("Coordination");
        editor.depenses.get(0).montant.setValue("9000");
        findButton(editor, "Ajouter une dépense").click();
        editor.depenses.get(1).libelle.setValue("Ateliers");
        editor.depenses.get(1).montant.setValue("3000.50");
        findButton(editor, "Ajouter une ressource").click();
        editor.ressources.get(0).libelle.setValue("Autofinancement");
        editor.ressources.get(0).montant.setValue("5 000 €");
        assertThat(editor.totaux.getText().replaceAll("[\\u00a0\\u202f]", " "))
                .contains("Total des dépenses : 12 000,50 €").contains("le budget est équilibré");
        // A row added by mistake and left empty is dropped, not refused.
        findButton(editor, "Ajouter une dépense").click();
        assertThat(editor.depenses.get(2).libelle.getLabel()).isEqualTo("Libellé de la dépense 3");

        editor.enregistrer.click();

        assertThat(editor.errors.shown()).isEmpty();
        assertThat(dsl.select(BUDGET.MONTANT_DEMANDE).from(BUDGET).where(BUDGET.COMMUN_ID.eq(communId)).fetchOne().value1())
                .isEqualByComparingTo("7000.50");
        assertThat(lignes("DEPENSE")).extracting(r -> r.value1()).containsExactly("Coordination", "Ateliers");
        assertThat(lignes("DEPENSE").get(1).value2()).isEqualByComparingTo("3000.50");
        assertThat(lignes("RESSOURCE").get(0).value2()).isEqualByComparingTo("5000");
        // The form is read again: the saved budget, its date, and two rows.
        assertThat(editor.depenses).hasSize(2);
        assertThat(editor.montantDemande.getValue()).isEqualTo("7 000,50");
        assertThat(text(editor)).contains("Enregistré le");
        assertThat(editor.dirty()).isFalse();
    }

    @Test
    void an_unbalanced_budget_is_refused_on_screen_with_its_totals_and_nothing_is_saved() {
        BudgetEditor editor = open(porteurEmail).editor;
        editor.montantDemande.setValue("5000");
        editor.depenses.get(0).libelle.setValue("Coordination");
        editor.depenses.get(0).montant.setValue("12 000");
        assertThat(editor.totaux.getText().replaceAll("[\\u00a0\\u202f]", " ")).contains("il manque 7 000,00 € de ressources");
        assertThat(editor.dirty()).isTrue();
        editor.enregistrer.click();
        assertThat(editor.errors.shown()).singleElement().asString().contains("n'est pas équilibré");
        assertThat(dsl.fetchCount(BUDGET, BUDGET.COMMUN_ID.eq(communId))).isZero();
    }

    @Test
    void a_non_amount_is_marked_on_its_field_and_nothing_is_saved() {
        BudgetEditor editor = open(porteurEmail).editor;
        editor.montantDemande.setValue("1e3");
        editor.depenses.get(0).libelle.setValue("Coordination");
        editor.depenses.get(0).montant.setValue("1000");
        assertThat(editor.montantDemande.isInvalid()).isTrue();
        assertThat(editor.totaux.getText()).contains("corrigez les montants");
        editor.enregistrer.click();
        assertThat(editor.errors.shown()).singleElement().asString()
                .contains("« Montant demandé au Département » : « 1e3 » n'est pas un montant en euros");
        assertThat(dsl.fetchCount(BUDGET, BUDGET.COMMUN_ID.eq(communId))).isZero();
    }

    @Test
    void members_read_the_budget_and_other_structures_are_politely_refused() {
        fx.as(porteurEmail);
        budgets.save(communId, 0, new Budget(new BigDecimal("4000"),
                List.of(new LigneBudget("Animation", new BigDecimal("10000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("6000")))));

        BudgetView membre = open(membreEmail);
        assertThat(membre.editor.enregistrer.getParent()).isEmpty();
        assertThat(text(membre)).contains("Montant demandé au Département : 4 000,00 €, soit 40 % des dépenses prévues")
                .contains("Animation").contains("Subvention demandée au Département").contains("Total des ressources")
                .contains("Seul le porteur administratif");

        BudgetView autre = open(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
        assertThat(autre.editor).isNull();
        assertThat(text(autre)).contains("réservé aux structures de son groupement et au Département")
                .doesNotContain("Animation");
    }

    @Test
    void a_frozen_version_shows_its_budget_and_an_older_one_says_it_has_none() {
        Budget budget = new Budget(new BigDecimal("4000"), List.of(new LigneBudget("Animation", new BigDecimal("10000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("6000"))));
        DossierVersion avec = version(DossierVersion.BudgetFige.of(budget));
        assertThat(text(new CommunFileView(avec))).contains("Montant demandé et budget prévisionnel")
                .contains("Montant demandé au Département : 4 000,00 €").contains("Total des dépenses10 000,00 €");
        assertThat(text(new CommunFileView(version(null))))
                .contains("Aucun budget prévisionnel n'a été saisi dans cette version du dossier.");
    }

    private static DossierVersion version(DossierVersion.BudgetFige budget) {
        return new DossierVersion(1, DossierVersion.Motif.TRANSMISSION, OffsetDateTime.now(), new DossierVersion.Contenu(
                "Titre", "Résumé", "Besoin", "Intérêt", "Gouvernance", List.of("Défi 1 — Un"), List.of(), null, false,
                false, List.of(), "Productions", "30", List.of(), List.of(), List.of(), null, budget));
    }

    private static com.vaadin.flow.component.button.Button findButton(Component root, String text) {
        return descendants(root).filter(c -> c instanceof com.vaadin.flow.component.button.Button b
                        && text.equals(b.getText()))
                .map(c -> (com.vaadin.flow.component.button.Button) c).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de bouton « " + text + " »"));
    }

    private static java.util.stream.Stream<Component> descendants(Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(BudgetViewIT::descendants));
    }
}
