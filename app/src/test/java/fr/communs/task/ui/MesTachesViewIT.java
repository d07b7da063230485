package fr.communs.task.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.LiveUpdates;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.task.PendingAnswers;
import fr.communs.task.TaskService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** "Mes tâches" lists the invitations and join requests to answer, each with a link to the page where to answer. */
@SpringBootTest
@ActiveProfiles("test")
class MesTachesViewIT {
    @Autowired TaskService tasks;
    @Autowired GroupementService groupements;
    @Autowired LiveUpdates live;
    @Autowired ApplicationContext context;
    @Autowired Fixtures fx;

    long communId;
    String porteurEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    private MesTachesView open() {
        MesTachesView view = new MesTachesView(tasks, context.getBeanProvider(PendingAnswers.class), live);
        TestUi.open().add(view);
        return view;
    }

    private static List<PendingAnswers.Answer> answers(MesTachesView view) {
        return view.answers.getListDataView().getItems().toList();
    }

    @Test
    void an_invitation_received_is_in_mes_taches_with_a_link_to_the_commun_until_it_is_answered() {
        long invited = fx.structure(true, "30");
        String invitedEmail = fx.account(Roles.STRUCTURE, invited);
        fx.as(porteurEmail);
        long invitation = groupements.invite(communId, invited, RoleGroupement.CONTRIBUTEUR, null);

        fx.as(invitedEmail);
        MesTachesView view = open();
        assertThat(answers(view)).singleElement().satisfies(a -> {
            assertThat(a.communId()).isEqualTo(communId);
            assertThat(a.quoi()).isEqualTo("Invitation à rejoindre le groupement (contributeur) : accepter ou décliner");
            assertThat(a.lien()).isEqualTo("communs/" + communId);
            assertThat(a.depuis()).isNotNull();
        });
        assertThat(view.answers.isVisible()).isTrue();
        assertThat(TestUi.visibleText(view)).contains("1 tâche en cours")
                .doesNotContain("Vous n'avez aucune tâche en cours");

        groupements.answerInvitation(invitation, false, null);
        view.refresh();
        assertThat(answers(view)).isEmpty();
        assertThat(view.answers.isVisible()).isFalse();
    }

    @Test
    void the_porteur_sees_the_join_requests_to_answer_and_the_candidate_nothing_to_answer() {
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.as(candidateEmail);
        groupements.requestToJoin(communId, candidate, RoleGroupement.MEMBRE, "Bonjour");
        assertThat(answers(open())).as("its request waits for the porteur").isEmpty();

        fx.as(porteurEmail);
        MesTachesView view = open();
        assertThat(answers(view)).singleElement().satisfies(a -> {
            assertThat(a.quoi()).startsWith("Demande de « ").endsWith(" » pour rejoindre votre groupement (membre) : accepter ou refuser");
            assertThat(a.lien()).isEqualTo("communs/" + communId);
        });
        assertThat(view.grid.getListDataView().getItems().toList()).as("the porteur's process task is still listed")
                .extracting(t -> t.communId()).contains(communId);
    }

    @Test
    void a_new_invitation_appears_in_an_open_mes_taches_live() throws Exception {
        long invited = fx.structure(true, "30");
        String invitedEmail = fx.account(Roles.STRUCTURE, invited);
        fx.as(invitedEmail);
        MesTachesView view = open();
        TestUi ui = (TestUi) view.getUI().orElseThrow();
        assertThat(answers(view)).isEmpty();

        fx.as(porteurEmail);
        groupements.invite(communId, invited, RoleGroupement.MEMBRE, null);

        assertThat(ui.awaitAccess()).isTrue();
        assertThat(answers(view)).hasSize(1);
    }
}
