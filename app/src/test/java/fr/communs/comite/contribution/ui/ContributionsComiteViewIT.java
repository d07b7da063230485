package fr.communs.comite.contribution.ui;

import static fr.communs.db.Tables.CONTRIBUTION_COMITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterObserver;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.contribution.ContributeurComite;
import fr.communs.comite.contribution.ContributionComiteData;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.comite.contribution.StatutContributionComite;
import fr.communs.comite.contribution.TypeContributionComite;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.support.Views;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's contributions on screen, with the real Vaadin components built by Spring as the router does (no
 * browser): the agents' form records one; the commun's page shows it beside the contributions with "Accepter" for the
 * groupement; a second, stale page gets a message instead of a second effect; the structure's page shows it to its
 * people with "Marquer comme réalisée".
 */
@SpringBootTest
@ActiveProfiles("test")
class ContributionsComiteViewIT {
    @Autowired Fixtures fx;
    @Autowired ApplicationContext context;
    @Autowired ContributionComiteService contributions;
    @Autowired DSLContext dsl;

    Fixtures.Transmis t;
    String agent;
    long exterieure;
    String exterieureEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.recevable(t);
        exterieure = fx.structure(true, "30");
        exterieureEmail = fx.account(Roles.STRUCTURE, exterieure);
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    private int rows() {
        return dsl.fetchCount(CONTRIBUTION_COMITE, CONTRIBUTION_COMITE.COMMUN_ID.eq(t.communId()));
    }

    private static Button button(Component root, String text) {
        return buttons(root, text).stream().findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    private static List<Button> buttons(Component root, String text) {
        return TestUi.descendants(root).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> text.equals(b.getText()) && isShown(b)).toList();
    }

    private static boolean isShown(Component c) {
        for (Component p = c; p != null; p = p.getParent().orElse(null)) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(Component root, String label) {
        return (RadioButtonGroup<T>) TestUi.descendants(root).filter(RadioButtonGroup.class::isInstance)
                .map(RadioButtonGroup.class::cast).filter(r -> label.equals(r.getLabel())).findFirst().orElseThrow();
    }

    private ContributionsComiteView agentScreen() {
        fx.as(agent);
        TestUi ui = TestUi.open();
        String id = String.valueOf(t.communId());
        ContributionsComiteView view = Views.enter(context, ui, ContributionsComiteView.class,
                "dossiers/" + id + "/contributions-comite", "communId", id);
        ui.add(view);
        return view;
    }

    /** The commun's public page (package-private in its feature), as the router builds it; {@code null}: a visitor. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Component communPage(String email) throws ClassNotFoundException {
        if (email == null) {
            fx.logout();
        } else {
            fx.as(email);
        }
        TestUi ui = TestUi.open();
        String id = String.valueOf(t.communId());
        Class type = Class.forName("fr.communs.commun.ui.CommunDetailView");
        Component page = (Component) Views.enter(context, ui, type, "communs/" + id, "communId", id);
        ui.add(page);
        return page;
    }

    @Test
    void the_agent_records_a_contribution_with_the_form_and_a_bad_input_is_told_in_french() {
        ContributionsComiteView view = agentScreen();
        assertThat(Views.text(view)).contains("Contributions du comité", "Aucune contribution proposée par le comité");
        RadioButtonGroup<ContributeurComite> qui = radio(view, "Qui contribue ?");
        RadioButtonGroup<TypeContributionComite> type = radio(view, "Type de contribution");
        assertThat(qui.getListDataView().getItems().map(ContributeurComite::libelle))
                .containsExactly("L'organisation d'un membre du comité", "Le Département", "Une structure de l'annuaire");
        assertThat(type.getListDataView().getItems().map(TypeContributionComite::libelle))
                .containsExactly("Humaine", "Technique", "Matérielle", "Mise en relation", "Autre");
        DatePicker date = TestUi.descendants(view).filter(DatePicker.class::isInstance).map(DatePicker.class::cast)
                .findFirst().orElseThrow();
        assertThat(date.getLocale()).isEqualTo(java.util.Locale.FRANCE);
        assertThat(date.getI18n().getMonthNames()).startsWith("janvier");
        assertThat(date.getMin()).isEqualTo(Dates.today());

        qui.setValue(ContributeurComite.DEPARTEMENT);
        type.setValue(TypeContributionComite.MISE_EN_RELATION);
        button(view, "Enregistrer la contribution").click();
        ErrorPanel errors = TestUi.descendants(view).filter(ErrorPanel.class::isInstance).map(ErrorPanel.class::cast)
                .findFirst().orElseThrow();
        assertThat(errors.shown()).containsExactly("Le champ « Description » est obligatoire.");
        assertThat(rows()).isZero();

        TextArea description = TestUi.descendants(view).filter(TextArea.class::isInstance).map(TextArea.class::cast)
                .filter(a -> "Description".equals(a.getLabel())).findFirst().orElseThrow();
        description.setValue("Mise en relation avec le service des bâtiments");
        date.setValue(Dates.today().plusDays(10));
        button(view, "Enregistrer la contribution").click();

        assertThat(errors.isVisible()).isFalse();
        assertThat(rows()).isEqualTo(1);
        assertThat(Views.text(view)).contains("Le Département", "Mise en relation avec le service des bâtiments",
                "Date prévue : " + Dates.today().plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(description.getValue()).as("the form is emptied for the next one").isEmpty();
    }

    @Test
    void the_commun_page_shows_the_proposal_to_the_groupement_beside_the_contributions_and_a_stale_click_has_no_second_effect()
            throws Exception {
        fx.as(agent);
        long id = contributions.record(t.communId(), new ContributionComiteData(ContributeurComite.STRUCTURE, null, exterieure,
                TypeContributionComite.HUMAINE, "Deux jours d'accompagnement", null, null));
        fx.logout();

        Component anonyme = communPage(null);
        assertThat(Views.text(anonyme)).doesNotContain("Contributions proposées par le comité", "Deux jours d'accompagnement");

        Component porteurPage = communPage(t.porteurEmail());
        Component membrePage = communPage(t.membreEmail());
        List<Component> children = porteurPage.getChildren().toList();
        int contributionsHeading = indexOf(children, c -> c instanceof H2 h && h.getText().equals("Contributions"));
        int section = indexOf(children, c -> TestUi.descendants(c).anyMatch(d -> d instanceof H3 h
                && h.getText().equals("Contributions proposées par le comité")));
        assertThat(section).as("after the contributions of the groupement phase").isGreaterThan(contributionsHeading);
        assertThat(Views.text(porteurPage)).contains("Deux jours d'accompagnement", "Proposée — en attente de la réponse du groupement");

        fx.as(t.porteurEmail());
        button(porteurPage, "Accepter").click();
        assertThat(buttons(porteurPage, "Accepter")).as("answered: no more button").isEmpty();
        assertThat(Views.text(porteurPage)).contains("Acceptée — à réaliser");

        fx.as(t.membreEmail());
        button(membrePage, "Accepter").click();     // the page was read before the porteur's answer
        fx.as(agent);
        assertThat(contributions.ofCommun(t.communId())).singleElement().satisfies(c -> {
            assertThat(c.statut()).isEqualTo(StatutContributionComite.ACCEPTEE);
            assertThat(c.version()).as("one effect").isEqualTo(1);
        });
        assertThat(Views.text(membrePage)).as("the list is read again").contains("Acceptée — à réaliser");

        Component publique = communPage(null);
        assertThat(Views.text(publique)).as("accepted: public").contains("Contributions proposées par le comité",
                "Deux jours d'accompagnement");
        assertThat(id).isPositive();
    }

    @Test
    void the_structure_page_shows_its_people_the_commitment_with_mark_as_done() throws Exception {
        fx.as(agent);
        long id = contributions.record(t.communId(), new ContributionComiteData(ContributeurComite.STRUCTURE, null, exterieure,
                TypeContributionComite.MATERIELLE, "Prêt d'un véhicule utilitaire", null, null));
        fx.as(t.porteurEmail());
        contributions.accept(id, 0);

        fx.as(exterieureEmail);
        TestUi ui = TestUi.open();
        String sid = String.valueOf(exterieure);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Component page = (Component) Views.enter(context, ui, (Class) Class.forName("fr.communs.structure.ui.StructureDetailView"),
                "structures/" + sid, "structureId", sid);
        ui.add(page);
        assertThat(Views.text(page)).contains("Contributions proposées par le comité", "Prêt d'un véhicule utilitaire",
                "Acceptée — à réaliser");
        button(page, "Marquer comme réalisée").click();
        assertThat(Views.text(page)).contains("Réalisée");
        assertThat(buttons(page, "Marquer comme réalisée")).isEmpty();
        assertThat(dsl.select(CONTRIBUTION_COMITE.STATUT).from(CONTRIBUTION_COMITE)
                .where(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.eq(id)).fetchOne().value1()).isEqualTo("REALISEE");
    }

    private static int indexOf(List<Component> children, java.util.function.Predicate<Component> test) {
        for (int i = 0; i < children.size(); i++) {
            if (test.test(children.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
