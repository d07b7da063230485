package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.CommunService;
import fr.communs.contribution.ContributionService;
import fr.communs.commun.DemandeGroupement;
import fr.communs.commun.GroupementService;
import fr.communs.commun.JalonService;
import fr.communs.commun.MembreGroupement;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.LiveUpdates;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.task.TaskService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The answers a structure owes sit at the top of the commun's page: the invited structure accepts or declines there,
 * the porteur answers the join requests there; the page follows live when a request is withdrawn.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReponsesAttenduesIT {
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired ContributionService contributions;
    @Autowired StructureService structures;
    @Autowired CampagneService campagnes;
    @Autowired TaskService tasks;
    @Autowired CurrentUser currentUser;
    @Autowired JalonService jalons;
    @Autowired LiveUpdates live;
    @Autowired org.springframework.beans.factory.ObjectProvider<fr.communs.layout.CommunPageSection> sections;
    @Autowired Fixtures fx;

    long porteur;
    String porteurEmail;
    long communId;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    private CommunDetailView page(TestUi ui) {
        CommunDetailView view = new CommunDetailView(communs, groupements, contributions, structures, campagnes, tasks,
                currentUser, jalons, sections, live);
        ui.add(view);
        view.show(communId);
        return view;
    }

    private static Component answers(CommunDetailView view) {
        return view.getChildren().filter(c -> c.hasClassName("reponses-attendues")).findFirst().orElseThrow();
    }

    private static int indexOf(CommunDetailView view, Component child) {
        return view.getChildren().toList().indexOf(child);
    }

    private static int dossierHeading(CommunDetailView view) {
        List<Component> children = view.getChildren().toList();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof H2 h2 && h2.getText().equals("Le dossier")) {
                return i;
            }
        }
        throw new AssertionError("no « Le dossier » heading");
    }

    private static Button button(Component root, String text) {
        return TestUi.descendants(root).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    @Test
    void the_invited_structure_answers_at_the_top_of_the_page_and_the_groupement_below_follows() {
        long invited = fx.structure(true, "30");
        String invitedEmail = fx.account(Roles.STRUCTURE, invited);
        fx.as(porteurEmail);
        groupements.invite(communId, invited, RoleGroupement.MEMBRE, "Rejoignez-nous !");

        fx.as(invitedEmail);
        TestUi ui = TestUi.open();
        CommunDetailView view = page(ui);
        Component block = answers(view);
        assertThat(block.isVisible()).isTrue();
        assertThat(indexOf(view, block)).as("before the file and the groupement").isLessThan(dossierHeading(view))
                .isLessThanOrEqualTo(4);
        assertThat(block.getElement().getTextRecursively()).contains("Votre réponse est attendue", "Invitation pour",
                "« Rejoignez-nous ! »");

        TestUi.descendants(block).filter(TextArea.class::isInstance).map(TextArea.class::cast).findFirst().orElseThrow()
                .setValue("Avec plaisir.");
        button(block, "Accepter l'invitation").click();

        assertThat(block.isVisible()).as("nothing left to answer").isFalse();
        assertThat(communs.membres(communId)).extracting(m -> m.structure().id()).contains(invited);
        GroupementPanel panel = view.getChildren().filter(GroupementPanel.class::isInstance)
                .map(GroupementPanel.class::cast).findFirst().orElseThrow();
        assertThat(membres(panel)).extracting(m -> m.structure().id()).contains(invited);
    }

    @Test
    void the_porteur_answers_the_join_requests_at_the_top_and_others_see_no_answer_block() {
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.as(candidateEmail);
        groupements.requestToJoin(communId, candidate, RoleGroupement.CONTRIBUTEUR, "Nous apportons un local.");

        fx.as(porteurEmail);
        CommunDetailView porteurView = page(TestUi.open());
        Component block = answers(porteurView);
        assertThat(block.isVisible()).isTrue();
        assertThat(indexOf(porteurView, block)).isLessThan(dossierHeading(porteurView));
        assertThat(block.getElement().getTextRecursively()).contains("demande à rejoindre le groupement en tant que contributeur",
                "« Nous apportons un local. »");

        fx.as(candidateEmail);
        CommunDetailView candidateView = page(TestUi.open());
        assertThat(answers(candidateView).isVisible()).as("its own request waits for the porteur: nothing to answer").isFalse();
        assertThat(candidateView.getElement().getTextRecursively()).contains("attend la réponse du porteur");
        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
        assertThat(answers(page(TestUi.open())).isVisible()).isFalse();

        fx.as(porteurEmail);
        button(block, "Refuser").click();
        assertThat(block.isVisible()).isFalse();
        assertThat(groupements.pending(communId)).isEmpty();
    }

    @Test
    void a_request_withdrawn_while_the_porteur_looks_at_the_page_disappears_from_it_live() throws Exception {
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.as(candidateEmail);
        long request = groupements.requestToJoin(communId, candidate, RoleGroupement.MEMBRE, null);

        fx.as(porteurEmail);
        TestUi ui = TestUi.open();
        CommunDetailView view = page(ui);
        Component block = answers(view);
        TextArea typing = TestUi.descendants(block).filter(TextArea.class::isInstance).map(TextArea.class::cast)
                .findFirst().orElseThrow();
        typing.setValue("Nous en parlons jeudi.");
        assertThat(block.isVisible()).isTrue();

        fx.as(candidateEmail);
        groupements.cancel(request);                       // in the candidate's own browser

        assertThat(ui.awaitAccess()).as("the porteur's page is told").isTrue();
        assertThat(block.isVisible()).isFalse();
        assertThat(groupements.pending(communId)).extracting(DemandeGroupement::id).doesNotContain(request);
    }

    @Test
    void an_answer_refused_because_it_was_given_meanwhile_elsewhere_shows_why_and_the_groupement_as_it_is() {
        long invited = fx.structure(true, "30");
        String invitedEmail = fx.account(Roles.STRUCTURE, invited);
        fx.as(porteurEmail);
        long invitation = groupements.invite(communId, invited, RoleGroupement.MEMBRE, null);

        fx.as(invitedEmail);
        CommunDetailView view = page(TestUi.open());
        Component block = answers(view);
        fx.as(porteurEmail);
        groupements.cancel(invitation);                   // the porteur cancels while the page is open
        fx.as(invitedEmail);

        button(block, "Accepter l'invitation").click();

        assertThat(block.isVisible()).as("still shown, with the reason").isTrue();
        assertThat(block.getElement().getTextRecursively()).contains("Cette demande a déjà été traitée.")
                .doesNotContain("Invitation pour");
        assertThat(communs.membres(communId)).extracting(m -> m.structure().id()).doesNotContain(invited);
    }

    @SuppressWarnings("unchecked")
    private static List<MembreGroupement> membres(GroupementPanel panel) {
        return TestUi.descendants(panel).filter(com.vaadin.flow.component.grid.Grid.class::isInstance)
                .map(g -> (com.vaadin.flow.component.grid.Grid<MembreGroupement>) g).findFirst().orElseThrow()
                .getListDataView().getItems().toList();
    }
}
