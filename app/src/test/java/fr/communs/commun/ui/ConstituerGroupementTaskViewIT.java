package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.GroupementService;
import fr.communs.commun.MembreGroupement;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.LiveUpdates;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Constituer le groupement": after a refused transmission, and live, the page shows the groupement as it is. */
@SpringBootTest
@ActiveProfiles("test")
class ConstituerGroupementTaskViewIT {
    @Autowired TaskService tasks;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired StructureService structures;
    @Autowired CampagneService campagnes;
    @Autowired CurrentUser currentUser;
    @Autowired LiveUpdates live;
    @Autowired Fixtures fx;

    String porteurEmail;
    long communId;
    long membre;
    String membreEmail;
    TestUi ui;
    ConstituerGroupementTaskView view;
    String taskId;

    /** An eligible groupement of three structures; the porteur's task screen is open, transmission enabled. */
    @BeforeEach
    void setUp() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
        membre = fx.structure(true, "30");
        membreEmail = fx.join(communId, membre, RoleGroupement.MEMBRE);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);

        fx.as(porteurEmail);
        taskId = fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        OpenTask task = tasks.findOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).orElseThrow();
        ui = TestUi.open();
        view = new ConstituerGroupementTaskView(tasks, communs, groupements, structures, campagnes, currentUser, live);
        ui.add(view);
        view.build(task);
        assertThat(view.transmettre.isEnabled()).isTrue();
        assertThat(eligibilityText()).contains("le groupement remplit les règles de l'appel");
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void a_transmission_refused_because_a_member_left_meanwhile_shows_the_groupement_as_it_is_now_and_a_red_panel() {
        fx.as(membreEmail);
        groupements.leave(communId, membre);              // in the member's browser, just before the porteur clicks
        fx.as(porteurEmail);

        view.transmit(taskId);                            // what "Transmettre" in the confirmation does

        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(view.getElement().getTextRecursively()).contains("Au moins 3 structures");
        assertThat(membres()).extracting(m -> m.structure().id()).doesNotContain(membre).hasSize(2);
        assertThat(eligibilityText()).contains("ne remplit pas encore les règles");
        assertThat(view.transmettre.isEnabled()).isFalse();
    }

    @Test
    void a_member_leaving_while_the_porteur_looks_at_the_task_updates_it_live() throws Exception {
        fx.as(membreEmail);
        groupements.leave(communId, membre);
        fx.as(porteurEmail);

        assertThat(ui.awaitAccess()).as("the porteur's page is told").isTrue();
        while (ui.pendingAccesses() > 0) {
            ui.awaitAccess();                             // the bell's notification comes too when a layout is open
        }

        assertThat(membres()).extracting(m -> m.structure().id()).doesNotContain(membre);
        assertThat(eligibilityText()).contains("ne remplit pas encore les règles");
        assertThat(view.transmettre.isEnabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private List<MembreGroupement> membres() {
        return TestUi.descendants(view.panel).filter(Grid.class::isInstance).map(g -> (Grid<MembreGroupement>) g)
                .findFirst().orElseThrow().getListDataView().getItems().toList();
    }

    private String eligibilityText() {
        return TestUi.descendants(view.panel).filter(c -> c.getElement().getAttribute("aria-live") != null
                && c.hasClassName("card")).findFirst().orElseThrow().getElement().getTextRecursively();
    }
}
