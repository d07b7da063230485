package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import fr.communs.base.CommunStatut;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.CommunService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.LiveUpdates;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.task.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Transmettre au Département" clicked twice, or in two tabs: one confirmation, and no button left enabled. */
@SpringBootTest
@ActiveProfiles("test")
class TransmettreConcurrenceIT {
    @Autowired TaskService tasks;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired StructureService structures;
    @Autowired CampagneService campagnes;
    @Autowired CurrentUser currentUser;
    @Autowired LiveUpdates live;
    @Autowired Fixtures fx;

    long communId;
    String taskId;
    TestUi ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        fx.as(porteurEmail);
        taskId = fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        ui = TestUi.open();
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    private ConstituerGroupementTaskView tab() {
        ConstituerGroupementTaskView view = new ConstituerGroupementTaskView(tasks, communs, groupements, structures,
                campagnes, currentUser, live);
        ui.add(view);
        view.build(tasks.findOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).orElseThrow());
        return view;
    }

    @Test
    void a_double_click_on_transmettre_opens_one_confirmation_and_the_button_waits_for_it_to_close() {
        ConstituerGroupementTaskView view = tab();

        view.transmettre.click();
        Dialog first = view.confirmation;
        view.transmettre.click();

        assertThat(first).isNotNull();
        assertThat(view.confirmation).as("no second confirmation stacked on the first").isSameAs(first);
        assertThat(first.isOpened()).isTrue();
        assertThat(view.transmettre.isDisableOnClick()).as("the browser disables it at the first click").isTrue();
        assertThat(view.transmettre.isEnabled()).as("disabled while the confirmation is open").isFalse();

        first.close();                                   // "Annuler"
        assertThat(view.transmettre.isEnabled()).as("usable again after Annuler").isTrue();
        view.transmettre.click();
        assertThat(view.confirmation).as("a new confirmation once the first is closed").isNotSameAs(first);
        assertThat(view.confirmation.isOpened()).isTrue();
    }

    @Test
    void the_losing_tab_is_told_the_file_was_transmitted_and_keeps_no_enabled_button() {
        ConstituerGroupementTaskView first = tab();
        ConstituerGroupementTaskView second = tab();
        assertThat(second.transmettre.isEnabled()).isTrue();

        first.transmit(taskId);
        assertThat(communs.get(communId).statut()).isNotEqualTo(CommunStatut.EN_CONSTITUTION);

        second.transmit(taskId);

        assertThat(second.gone()).isTrue();
        assertThat(second.transmettre.isEnabled()).isFalse();
        assertThat(TestUi.descendants(second).filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                .map(c -> (com.vaadin.flow.component.button.Button) c).filter(b -> b.isEnabled()).toList())
                .as("enabled buttons left on the losing tab").isEmpty();
        assertThat(second.getElement().getTextRecursively()).contains("déjà été traitée")
                .contains("Votre action n'a rien modifié");
    }
}
