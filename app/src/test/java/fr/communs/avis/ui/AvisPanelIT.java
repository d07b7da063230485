package fr.communs.avis.ui;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.AVIS_REFERENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import fr.communs.avis.AvisReferent;
import fr.communs.avis.AvisService;
import fr.communs.avis.Referent;
import fr.communs.avis.SensAvis;
import fr.communs.avis.StatutAvis;
import fr.communs.base.Dates;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The back office's avis panel, its request dialog and the référent's task screen, on the real service (no browser). */
@SpringBootTest
@ActiveProfiles("test")
class AvisPanelIT {
    @Autowired AvisService service;
    @Autowired TaskService tasks;
    @Autowired CommunFiles files;
    @Autowired org.camunda.bpm.engine.TaskService engineTasks;
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;

    long communId;
    String instructeur;
    String culture;
    long cultureId;
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        communId = fx.transmis().communId();
        instructeur = fx.account(Roles.AGENT);
        culture = fx.account(Roles.AGENT);
        cultureId = dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(culture)).fetchOne().value1();
        dsl.update(APP_USER).set(APP_USER.DIRECTION, "Culture").where(APP_USER.APP_USER_ID.eq(cultureId)).execute();
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void a_file_without_request_says_so_and_the_dialog_proposes_the_referents_and_a_due_date_in_ten_days() {
        fx.as(instructeur);
        AvisPanel panel = new AvisPanel(service, communId);

        assertThat(text(panel.list)).isEqualTo("Aucun avis demandé.");
        assertThat(panel.demander.getText()).isEqualTo("Demander un avis à un référent");
        AvisRequestDialog dialog = panel.openRequestDialog();
        assertThat(dialog.isOpened()).isTrue();
        LocalDate today = Dates.today();
        assertThat(dialog.dateLimite.getValue()).isEqualTo(today.plusDays(10));
        assertThat(dialog.dateLimite.getMin()).isEqualTo(today.plusDays(1));
        assertThat(dialog.dateLimite.getI18n().getMonthNames()).contains("janvier");
        Referent referent = dialog.referents.getListDataView().getItems().filter(r -> r.id() == cultureId)
                .findFirst().orElseThrow();
        assertThat(dialog.referents.getItemLabelGenerator().apply(referent)).isEqualTo("Personne " + culture + " — Culture");
        assertThat(dialog.referents.getListDataView().getItems().map(Referent::nom))
                .doesNotContain("Personne " + instructeur);
    }

    @Test
    void an_incomplete_request_shows_its_errors_in_the_dialog_and_a_complete_one_appears_in_the_list() {
        fx.as(instructeur);
        AvisPanel panel = new AvisPanel(service, communId);
        AvisRequestDialog dialog = panel.openRequestDialog();

        dialog.envoyer.click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.errors.isVisible()).isTrue();
        assertThat(dialog.errors.shown()).contains("Choisissez au moins un référent à qui demander un avis.",
                "Le champ « Question posée au référent » est obligatoire.");

        dialog.referents.select(dialog.referents.getListDataView().getItems().filter(r -> r.id() == cultureId)
                .findFirst().orElseThrow());
        dialog.question.setValue("Le volet culturel tient-il la route ?");
        dialog.envoyer.click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(text(panel.list)).contains("Personne " + culture, "Culture", "En attente",
                "Le volet culturel tient-il la route ?", "Demandé par Personne " + instructeur)
                .doesNotContain("Aucun avis demandé.", "en retard");
        assertThat(buttons(panel.list)).extracting(Button::getText).containsExactly("Annuler la demande");
    }

    @Test
    void a_late_request_is_marked_and_a_given_avis_shows_its_sense_and_text() {
        fx.as(instructeur);
        long late = service.request(communId, List.of(cultureId), "Votre lecture ?",
                Dates.today().plusDays(5)).get(0);
        dsl.update(AVIS_REFERENT).set(AVIS_REFERENT.DATE_LIMITE, Dates.today().minusDays(2))
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(late)).execute();

        assertThat(text(new AvisPanel(service, communId).list)).contains("en retard");

        fx.as(culture);
        service.answer(taskId(), SensAvis.DEFAVORABLE, "Le volet culturel manque de partenaires.");
        fx.as(instructeur);
        AvisPanel panel = new AvisPanel(service, communId);
        assertThat(text(panel.list)).contains("Rendu", "Défavorable", "Le volet culturel manque de partenaires.")
                .doesNotContain("en retard");
        assertThat(buttons(panel.list)).isEmpty();
    }

    @Test
    void cancelling_asks_for_confirmation_then_shows_the_request_as_cancelled() {
        fx.as(instructeur);
        service.request(communId, List.of(cultureId), "Votre lecture ?", Dates.today().plusDays(5));
        AvisPanel panel = new AvisPanel(service, communId);

        assertThat(buttons(panel.list)).extracting(Button::getText).containsExactly("Annuler la demande");
        AvisReferent pending = service.ofCommun(communId).get(0);
        Dialog confirmation = panel.confirmCancel(pending);
        assertThat(confirmation.isOpened()).isTrue();
        assertThat(confirmation.getHeaderTitle()).isEqualTo("Annuler la demande d'avis ?");
        assertThat(service.ofCommun(communId)).as("nothing before confirmation").extracting(AvisReferent::statut)
                .containsExactly(StatutAvis.EN_ATTENTE);
        panel.cancel(pending);                                   // what "Annuler la demande" in the dialog does

        assertThat(service.ofCommun(communId)).extracting(AvisReferent::statut).containsExactly(StatutAvis.ANNULE);
        assertThat(text(panel.list)).contains("Annulé");
        assertThat(buttons(panel.list)).isEmpty();

        panel.cancel(pending);                                   // twice (another tab): a message, nothing breaks
        assertThat(text(panel.list)).contains("Annulé");
    }

    @Test
    void the_task_screen_shows_the_question_and_the_file_and_refuses_an_empty_avis() {
        fx.as(instructeur);
        service.request(communId, List.of(cultureId), "Le volet culturel tient-il la route ?",
                Dates.today().plusDays(5));
        fx.as(culture);
        OpenTask task = tasks.findOpen(taskId(), AvisReferentProcess.TASK_DONNER_AVIS).orElseThrow();
        AvisReferentTaskView view = new AvisReferentTaskView(tasks, service, files);

        view.build(task);

        assertThat(text(view)).contains("Personne " + instructeur + " vous demande votre avis",
                "Le volet culturel tient-il la route ?", "Dossier transmis");
        assertThat(view.sens.getListDataView().getItems()).containsExactly(SensAvis.values());
        view.rendre.click();
        assertThat(view.errorsShown()).containsExactly("Le champ « Sens de votre avis » est obligatoire.",
                "Le champ « Votre avis » est obligatoire.");
        assertThat(service.ofTask(task.taskId())).hasValueSatisfying(a -> assertThat(a.statut()).isEqualTo(StatutAvis.EN_ATTENTE));
    }

    private String taskId() {
        return engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskAssignee(String.valueOf(cultureId)).singleResult().getId();
    }

    private static List<Button> buttons(Component root) {
        return descendants(root).filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    private static Stream<Component> descendants(Component root) {
        return root.getChildren().flatMap(c -> Stream.concat(Stream.of(c), descendants(c)));
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }
}
