package fr.communs.avis;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.AVIS_REFERENT;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.notification.NotificationType;
import fr.communs.processes.AvisReferentActions;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskNotAvailableException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The avis of référents thématiques through the real service, on embedded PostgreSQL and the real Camunda engine. */
@SpringBootTest
@ActiveProfiles("test")
class AvisServiceIT {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Fixtures fx;
    @Autowired AvisService avis;
    @Autowired AvisReferentActions actions;
    @Autowired fr.communs.task.TaskService userTasks;
    @Autowired TaskService engineTasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired DSLContext dsl;
    @Autowired fr.communs.instruction.InstructionService instructions;

    Fixtures.Transmis dossier;
    long communId;
    String instructeur;
    long instructeurId;
    String culture;
    long cultureId;
    String environnement;
    long environnementId;
    LocalDate dans10Jours;

    @BeforeEach
    void setUp() {
        fx.campagne();
        dossier = fx.transmis();
        communId = dossier.communId();
        instructeur = fx.account(Roles.AGENT);
        instructeurId = id(instructeur);
        culture = fx.account(Roles.AGENT);
        cultureId = id(culture);
        environnement = fx.account(Roles.AGENT);
        environnementId = id(environnement);
        direction(instructeurId, "Innovation sociale et solidaire");
        direction(cultureId, "Culture");
        direction(environnementId, "Environnement");
        dans10Jours = Dates.today().plusDays(10);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    // ------------------------------------------------------------------ request

    @Test
    void asking_two_referents_creates_two_pending_avis_two_tasks_assigned_to_them_due_on_the_date_and_two_notifications() {
        fx.as(instructeur);
        List<Long> ids = avis.request(communId, List.of(cultureId, environnementId), "Le volet culturel est-il solide ?",
                dans10Jours);

        assertThat(ids).hasSize(2);
        List<AvisReferent> all = avis.ofCommun(communId);
        assertThat(all).extracting(AvisReferent::id).containsExactlyElementsOf(ids);
        assertThat(all).extracting(AvisReferent::referentId).containsExactly(cultureId, environnementId);
        assertThat(all).extracting(AvisReferent::direction).containsExactly("Culture", "Environnement");
        assertThat(all).allSatisfy(a -> {
            assertThat(a.statut()).isEqualTo(StatutAvis.EN_ATTENTE);
            assertThat(a.demandeurNom()).isEqualTo("Personne " + instructeur);
            assertThat(a.question()).isEqualTo("Le volet culturel est-il solide ?");
            assertThat(a.dateLimite()).isEqualTo(dans10Jours);
            assertThat(a.avis()).isNull();
            assertThat(a.relances()).isZero();
            assertThat(a.enRetard(Dates.today())).isFalse();
            assertThat(a.enRetard(dans10Jours.plusDays(1))).as("late the day after the due date").isTrue();
        });

        List<Task> tasks = avisTasks();
        assertThat(tasks).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(String.valueOf(cultureId), String.valueOf(environnementId));
        assertThat(tasks).allSatisfy(t -> assertThat(LocalDate.ofInstant(t.getDueDate().toInstant(), Dates.ZONE))
                .isEqualTo(dans10Jours));
        assertThat(notifications(NotificationType.AVIS_DEMANDE, cultureId)).singleElement()
                .satisfies(lien -> assertThat(lien).isEqualTo("taches/avis/" + taskOf(cultureId).getId()));
        assertThat(notifications(NotificationType.AVIS_DEMANDE, environnementId)).singleElement()
                .satisfies(lien -> assertThat(lien).isEqualTo("taches/avis/" + taskOf(environnementId).getId()));
        assertThat(notifications(NotificationType.AVIS_DEMANDE, instructeurId)).as("the actor is not notified").isEmpty();

        fx.as(culture);
        List<OpenTask> mesTaches = userTasks.myTasks();
        assertThat(mesTaches).filteredOn(t -> t.definitionKey().equals(AvisReferentProcess.TASK_DONNER_AVIS))
                .singleElement().satisfies(t -> assertThat(t.communId()).isEqualTo(communId));
        assertThat(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE)).as("the cycle goes on").isNotNull();
    }

    @Test
    void referents_are_the_other_active_agents_ordered_by_direction_then_name() {
        String retire = fx.account(Roles.AGENT);
        dsl.update(APP_USER).set(APP_USER.ACTIF, false).where(APP_USER.APP_USER_ID.eq(id(retire))).execute();
        long structureUser = id(dossier.porteurEmail());

        fx.as(instructeur);
        List<Referent> referents = avis.referents();

        assertThat(referents).extracting(Referent::id).contains(cultureId, environnementId)
                .doesNotContain(instructeurId, id(retire), structureUser);
        assertThat(referents).filteredOn(r -> r.id() == cultureId).singleElement()
                .satisfies(r -> assertThat(r.direction()).isEqualTo("Culture"));
        assertThat(referents).isSortedAccordingTo(Comparator.comparing(Referent::direction,
                Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(Referent::nom));
    }

    @Test
    void structures_and_the_comite_can_neither_ask_nor_see_avis() {
        String comite = fx.account(Roles.COMITE);
        for (String email : List.of(dossier.porteurEmail(), comite)) {
            fx.as(email);
            assertThatThrownBy(() -> avis.request(communId, List.of(cultureId), "Question ?", dans10Jours))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> avis.ofCommun(communId)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> avis.referents()).isInstanceOf(NotAllowedException.class);
        }
        fx.logout();
        assertThatThrownBy(() -> avis.ofCommun(communId)).isInstanceOf(NotAllowedException.class);
        assertThat(rows()).isZero();
        assertThat(avisInstances()).isZero();
    }

    @Test
    void a_pending_request_to_the_same_referent_is_refused_by_name_and_nothing_of_the_request_is_stored() {
        fx.as(instructeur);
        avis.request(communId, List.of(cultureId), "Première question", dans10Jours);

        assertThatThrownBy(() -> avis.request(communId, List.of(environnementId, cultureId), "Deuxième question",
                dans10Jours))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement().asString()
                        .contains("déjà en attente").contains("« Personne " + culture + " »"));

        assertThat(rows()).isEqualTo(1);
        assertThat(avisInstances()).isEqualTo(1);
        assertThat(avisTasks()).extracting(Task::getAssignee).containsExactly(String.valueOf(cultureId));
        assertThat(notifications(NotificationType.AVIS_DEMANDE, environnementId)).isEmpty();

        fx.as(culture);
        avis.answer(taskOf(cultureId).getId(), SensAvis.FAVORABLE, "Très bon projet culturel.");
        fx.as(instructeur);
        assertThat(avis.request(communId, List.of(cultureId), "Une nouvelle question", dans10Jours))
                .as("once answered, the same référent may be asked again").hasSize(1);
    }

    @Test
    void a_past_or_far_date_an_empty_question_or_wrong_referents_are_refused_with_french_messages() {
        fx.as(instructeur);
        LocalDate today = Dates.today();
        assertRefused(List.of(cultureId), "Question ?", today, "postérieure à aujourd'hui");
        assertRefused(List.of(cultureId), "Question ?", today.minusDays(3), "postérieure à aujourd'hui");
        assertRefused(List.of(cultureId), "Question ?", today.plusDays(91), "90 jours");
        assertRefused(List.of(cultureId), "Question ?", null, "« Date limite de l'avis » est obligatoire");
        assertRefused(List.of(cultureId), "   ", dans10Jours, "« Question posée au référent » est obligatoire");
        assertRefused(List.of(cultureId), "x".repeat(2001), dans10Jours, "2000 caractères");
        assertRefused(List.of(), "Question ?", dans10Jours, "au moins un référent");
        assertRefused(List.of(instructeurId), "Question ?", dans10Jours, "à vous-même");
        assertRefused(List.of(id(dossier.porteurEmail())), "Question ?", dans10Jours, "n'est pas un agent actif");
        List<Long> onze = new ArrayList<>();
        for (long i = 0; i < 11; i++) {
            onze.add(cultureId + 100_000 + i);
        }
        assertRefused(onze, "Question ?", dans10Jours, "10 référents au plus");

        long enConstitution = fx.deposit(dossier.porteurEmail(), dossier.porteurStructureId());
        fx.as(instructeur);
        assertThatThrownBy(() -> avis.request(enConstitution, List.of(cultureId), "Question ?", dans10Jours))
                .isInstanceOf(ValidationException.class).hasMessageContaining("dossier transmis");

        assertThat(rows()).isZero();
        assertThat(avisInstances()).isZero();
    }

    // ------------------------------------------------------------------ answer

    @Test
    void the_referent_answers_in_their_task_the_avis_is_recorded_the_demandeur_notified_and_the_process_ended() {
        fx.as(instructeur);
        long avisId = avis.request(communId, List.of(cultureId), "Le volet culturel est-il solide ?", dans10Jours).get(0);
        String taskId = taskOf(cultureId).getId();

        fx.as(culture);
        assertThat(avis.ofTask(taskId)).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(avisId);
            assertThat(a.question()).isEqualTo("Le volet culturel est-il solide ?");
        });
        assertThatThrownBy(() -> avis.answer(taskId, null, "  "))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
        avis.answer(taskId, SensAvis.RESERVE, "  Intéressant, mais la médiation culturelle est à préciser.  ");

        fx.as(instructeur);
        assertThat(avis.ofCommun(communId)).singleElement().satisfies(a -> {
            assertThat(a.statut()).isEqualTo(StatutAvis.RENDU);
            assertThat(a.avis()).isEqualTo(SensAvis.RESERVE);
            assertThat(a.reponse()).isEqualTo("Intéressant, mais la médiation culturelle est à préciser.");
            assertThat(a.renduLe()).isNotNull();
            assertThat(a.enRetard(dans10Jours.plusDays(5))).as("a given avis is never late").isFalse();
        });
        assertThat(notifications(NotificationType.AVIS_RENDU, instructeurId)).singleElement()
                .isEqualTo("dossiers/" + communId);
        assertThat(avisInstances()).as("the avis process has ended").isZero();
        assertThat(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE)).as("the cycle goes on").isNotNull();

        fx.as(culture);
        assertThatThrownBy(() -> avis.answer(taskId, SensAvis.FAVORABLE, "Encore"))
                .isInstanceOf(TaskNotAvailableException.class);
        assertThat(avis.ofTask(taskId)).isEmpty();
    }

    @Test
    void a_referent_cannot_answer_nor_read_someone_elses_task() {
        fx.as(instructeur);
        avis.request(communId, List.of(cultureId, environnementId), "Votre lecture ?", dans10Jours);
        String cultureTask = taskOf(cultureId).getId();

        for (String other : List.of(environnement, instructeur)) {
            fx.as(other);
            assertThatThrownBy(() -> avis.answer(cultureTask, SensAvis.DEFAVORABLE, "Je réponds à sa place"))
                    .isInstanceOf(TaskNotAvailableException.class)
                    .hasMessageContaining("ne vous est pas destinée");
            assertThat(avis.ofTask(cultureTask)).isEmpty();
        }
        fx.as(dossier.porteurEmail());
        assertThatThrownBy(() -> avis.answer(cultureTask, SensAvis.FAVORABLE, "Je suis le porteur"))
                .isInstanceOf(NotAllowedException.class);

        fx.as(instructeur);
        assertThat(avis.ofCommun(communId)).allSatisfy(a -> assertThat(a.statut()).isEqualTo(StatutAvis.EN_ATTENTE));
        assertThat(taskOf(cultureId)).isNotNull();
    }

    @Test
    void two_simultaneous_answers_on_one_task_one_wins_and_the_other_gets_a_clear_message() throws Exception {
        fx.as(instructeur);
        avis.request(communId, List.of(cultureId), "Votre lecture ?", dans10Jours);
        String taskId = taskOf(cultureId).getId();
        fx.logout();

        List<Object> outcomes = Fixtures.race(
                () -> {
                    fx.as(culture);
                    avis.answer(taskId, SensAvis.FAVORABLE, "Premier onglet");
                    return "ok";
                },
                () -> {
                    fx.as(culture);
                    avis.answer(taskId, SensAvis.DEFAVORABLE, "Second onglet");
                    return "ok";
                });

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof NotAllowedException).singleElement()
                .satisfies(e -> assertThat(((Exception) e).getMessage()).matches(m ->
                        m.contains("n'est plus attendu") || m.contains("n'est plus disponible"), "a French message"));
        fx.as(instructeur);
        AvisReferent rendu = avis.ofCommun(communId).get(0);
        assertThat(rendu.statut()).isEqualTo(StatutAvis.RENDU);
        assertThat(rendu.reponse()).isIn("Premier onglet", "Second onglet");
        assertThat(rendu.avis()).isEqualTo(rendu.reponse().equals("Premier onglet") ? SensAvis.FAVORABLE : SensAvis.DEFAVORABLE);
        assertThat(notifications(NotificationType.AVIS_RENDU, instructeurId)).as("notified once").hasSize(1);
        assertThat(avisInstances()).isZero();
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void pending_requests_are_closed_when_the_file_ends_and_a_referent_cannot_release_the_task() {
        fx.as(instructeur);
        avis.request(communId, List.of(cultureId), "Votre lecture ?", dans10Jours);
        fx.as(culture);
        String task = taskOf(cultureId).getId();
        assertThatThrownBy(() -> userTasks.unclaim(task)).isInstanceOf(TaskNotAvailableException.class)
                .hasMessageContaining("personnellement attribuée");

        fx.as(instructeur);
        instructions.take(communId);
        instructions.decide(engineTasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY)
                        .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                        .taskDefinitionKey(CycleCommunProcess.TASK_INSTRUIRE).singleResult().getId(),
                fr.communs.instruction.InstructionDecision.of(CycleCommunProcess.DecisionInstruction.NON_RECEVABLE,
                        java.util.Arrays.stream(fr.communs.instruction.Critere.values())
                                .map(c -> new fr.communs.instruction.AppreciationCritere(c,
                                        fr.communs.instruction.Appreciation.DEFAVORABLE, null)).toList(),
                        "Hors du champ de l'appel."));
        assertThat(avis.ofCommun(communId)).extracting(AvisReferent::statut).containsExactly(StatutAvis.ANNULE);
        assertThat(avisInstances()).isZero();
        assertThat(notifications(NotificationType.AVIS_ANNULE, cultureId)).hasSize(1);
    }

    @Test
    void the_agent_who_asked_cancels_a_pending_request_which_deletes_its_process_instance_and_tells_the_referent() {
        fx.as(instructeur);
        long avisId = avis.request(communId, List.of(cultureId, environnementId), "Votre lecture ?", dans10Jours).get(0);
        String cultureTask = taskOf(cultureId).getId();

        fx.as(dossier.porteurEmail());
        assertThatThrownBy(() -> avis.cancel(avisId)).isInstanceOf(NotAllowedException.class);

        fx.as(environnement);                                     // an agent who neither asked nor instructs
        assertThatThrownBy(() -> avis.cancel(avisId)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("Seuls l'agent qui a demandé l'avis");

        fx.as(instructeur);
        avis.cancel(avisId);
        assertThat(notifications(NotificationType.AVIS_ANNULE, cultureId)).hasSize(1);
        assertThat(avis.ofCommun(communId)).extracting(AvisReferent::statut)
                .containsExactly(StatutAvis.ANNULE, StatutAvis.EN_ATTENTE);
        assertThat(avisInstances()).as("only the other référent's instance remains").isEqualTo(1);
        assertThat(avisTasks()).extracting(Task::getAssignee).containsExactly(String.valueOf(environnementId));
        assertThatThrownBy(() -> avis.cancel(avisId)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("n'est plus en attente");

        fx.as(culture);
        assertThatThrownBy(() -> avis.answer(cultureTask, SensAvis.FAVORABLE, "Trop tard"))
                .isInstanceOf(TaskNotAvailableException.class);
        fx.as(instructeur);
        assertThat(avis.request(communId, List.of(cultureId), "Nouvelle question", dans10Jours))
                .as("a cancelled request no longer blocks a new one").hasSize(1);
    }

    // ------------------------------------------------------------------ reminders

    @Test
    void a_reminder_reaches_the_referent_only_while_the_avis_is_pending() {
        fx.as(instructeur);
        List<Long> ids = avis.request(communId, List.of(cultureId, environnementId), "Votre lecture ?", dans10Jours);
        fx.as(environnement);
        avis.answer(taskOf(environnementId).getId(), SensAvis.FAVORABLE, "Rien à redire.");
        fx.logout();

        actions.remindReferent(ids.get(0));
        actions.remindReferent(ids.get(1));

        assertThat(notifications(NotificationType.RAPPEL_AVIS, cultureId)).singleElement()
                .isEqualTo("taches/avis/" + taskOf(cultureId).getId());
        assertThat(titles(NotificationType.RAPPEL_AVIS, cultureId)).singleElement().asString()
                .startsWith("Avis attendu depuis le " + DATE.format(dans10Jours) + " sur « ");
        assertThat(notifications(NotificationType.RAPPEL_AVIS, environnementId)).as("answered: no reminder").isEmpty();
        assertThat(relances(ids.get(0))).isEqualTo(1);
        assertThat(relances(ids.get(1))).isZero();

        fx.as(instructeur);
        avis.cancel(ids.get(0));
        fx.logout();
        actions.remindReferent(ids.get(0));
        assertThat(notifications(NotificationType.RAPPEL_AVIS, cultureId)).as("cancelled: no reminder").hasSize(1);
        assertThat(relances(ids.get(0))).isEqualTo(1);
    }

    @Test
    void no_reminder_once_the_file_has_reached_the_end_of_its_cycle() {
        fx.as(instructeur);
        long avisId = avis.request(communId, List.of(cultureId), "Votre lecture ?", dans10Jours).get(0);
        fx.logout();
        dsl.update(COMMUN).set(COMMUN.STATUT, "NON_RECEVABLE").where(COMMUN.COMMUN_ID.eq(communId)).execute();

        actions.remindReferent(avisId);

        assertThat(notifications(NotificationType.RAPPEL_AVIS, cultureId)).isEmpty();
        assertThat(relances(avisId)).isZero();
    }

    @Test
    void the_process_timer_reminds_the_referent_through_the_application() {
        fx.as(instructeur);
        long avisId = avis.request(communId, List.of(cultureId), "Votre lecture ?", dans10Jours).get(0);
        fx.logout();
        String pid = taskOf(cultureId).getProcessInstanceId();
        Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), Dates.ZONE))
                .as("the first reminder the morning after the due date").isEqualTo(dans10Jours.plusDays(1).atTime(9, 0));

        management.executeJob(timer.getId());
        for (Job job : management.createJobQuery().processInstanceId(pid).messages().list()) {
            management.executeJob(job.getId());
        }

        assertThat(notifications(NotificationType.RAPPEL_AVIS, cultureId)).hasSize(1);
        assertThat(relances(avisId)).isEqualTo(1);
        assertThat(taskOf(cultureId)).as("the task stays open").isNotNull();
    }

    // ------------------------------------------------------------------ helpers

    private void assertRefused(List<Long> referents, String question, LocalDate date, String message) {
        assertThatThrownBy(() -> avis.request(communId, referents, question, date))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).anySatisfy(m -> assertThat(m).contains(message)));
    }

    private long id(String email) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    private void direction(long userId, String direction) {
        dsl.update(APP_USER).set(APP_USER.DIRECTION, direction).where(APP_USER.APP_USER_ID.eq(userId)).execute();
    }

    private List<Task> avisTasks() {
        return engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskDefinitionKey(AvisReferentProcess.TASK_DONNER_AVIS).list();
    }

    private Task taskOf(long referentId) {
        return engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskAssignee(String.valueOf(referentId)).singleResult();
    }

    private long avisInstances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId)).count();
    }

    private int rows() {
        return dsl.fetchCount(AVIS_REFERENT, AVIS_REFERENT.COMMUN_ID.eq(communId));
    }

    private int relances(long avisId) {
        return dsl.select(AVIS_REFERENT.RELANCES).from(AVIS_REFERENT)
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId)).fetchOne().value1();
    }

    /** Links of the notifications of this type the person received. */
    private List<String> notifications(NotificationType type, long userId) {
        return dsl.select(NOTIFICATION.LIEN).from(NOTIFICATION)
                .where(NOTIFICATION.APP_USER_ID.eq(userId).and(NOTIFICATION.TYPE.eq(type.name())))
                .fetch(NOTIFICATION.LIEN);
    }

    private List<String> titles(NotificationType type, long userId) {
        return dsl.select(NOTIFICATION.TITRE).from(NOTIFICATION)
                .where(NOTIFICATION.APP_USER_ID.eq(userId).and(NOTIFICATION.TYPE.eq(type.name())))
                .fetch(NOTIFICATION.TITRE);
    }
}
