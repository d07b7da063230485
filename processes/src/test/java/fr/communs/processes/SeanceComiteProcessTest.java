package fr.communs.processes;

import static fr.communs.processes.SeanceComiteProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Séance du comité d'accompagnement" ({@value SeanceComiteProcess#RESOURCE}) on H2, the application faked. */
@Deployment(resources = SeanceComiteProcess.RESOURCE)
class SeanceComiteProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long SEANCE_ID = 7L;
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final Date DEBUT = Date.from(Instant.parse("2026-04-16T14:00:00Z"));
    private static final Date VEILLE = Date.from(Instant.parse("2026-04-15T14:00:00Z"));

    private final RecordingActions actions = new RecordingActions();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("ouvrirAuditionsDelegate", new OuvrirAuditionsDelegate(actions));
        Mocks.register("cloreAuditionsDelegate", new CloreAuditionsDelegate(actions));
        Mocks.register("rappelVeilleDelegate", new RappelVeilleDelegate(actions));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------- creation

    @Test
    void a_created_seance_waits_for_the_agents_to_open_it_on_its_day() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);

        Assertions.assertThat(pi.getBusinessKey()).isEqualTo("seance-7");
        assertThat(pi).isStarted().isWaitingAtExactly(TASK_OUVRIR_SEANCE).hasPassed(START_SEANCE_CREEE)
                .variables().containsEntry(VAR_SEANCE_ID, SEANCE_ID).containsEntry(VAR_DEBUT_SEANCE, DEBUT)
                .containsEntry(VAR_DATE_RAPPEL_VEILLE, VEILLE);
        Task ouvrir = task(TASK_OUVRIR_SEANCE, pi);
        assertThat(ouvrir).hasCandidateGroup(CycleCommunProcess.GROUP_AGENTS).isNotAssigned().hasName("Ouvrir la séance");
        Assertions.assertThat(ouvrir.getDueDate()).isEqualTo(DEBUT);
        assertThat(timer(pi)).hasDueDate(VEILLE);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("only the reminder").isEqualTo(1);
        assertNothingCalled();
    }

    // ---------------------------------------------------------------- reminder the day before

    @Test
    void the_day_before_everyone_convoked_is_reminded_once_and_the_seance_still_waits_to_be_opened() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        String ouvrir = task(TASK_OUVRIR_SEANCE, pi).getId();

        ClockUtil.setCurrentTime(Date.from(VEILLE.toInstant().minusSeconds(1)));
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due a second before the day before").isZero();
        ClockUtil.setCurrentTime(VEILLE);
        execute(timer(pi));
        Assertions.assertThat(actions.dayBeforeReminders).as("sent by a job, not by the timer itself").isEmpty();
        execute(job(TASK_RAPPELER_VEILLE, pi));

        Assertions.assertThat(actions.dayBeforeReminders).containsExactly(SEANCE_ID);
        assertThat(pi).isWaitingAtExactly(TASK_OUVRIR_SEANCE)
                .hasPassedInOrder(TIMER_RAPPEL_VEILLE, TASK_RAPPELER_VEILLE, END_RAPPEL_VEILLE);
        Assertions.assertThat(task(TASK_OUVRIR_SEANCE, pi).getId()).as("the same task, not interrupted")
                .isEqualTo(ouvrir);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("a single reminder").isZero();

        complete(task(TASK_OUVRIR_SEANCE, pi));
        Assertions.assertThat(actions.dayBeforeReminders).hasSize(1);
        Assertions.assertThat(actions.openedAuditions).containsExactly(SEANCE_ID);
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void a_cancelled_seance_ends_cancelled_without_opening_any_audition_nor_reminding() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);

        cancel(SEANCE_ID);

        assertThat(pi).isEnded().hasPassed(EVENT_SEANCE_ANNULEE, END_SEANCE_ANNULEE)
                .hasNotPassed(TASK_OUVRIR_AUDITIONS, TASK_CLORE_SEANCE, END_SEANCE_CLOSE, TASK_RAPPELER_VEILLE);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_OUVRIR_SEANCE).singleResult().isCanceled()).isTrue();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getEndActivityId()).isEqualTo(END_SEANCE_ANNULEE);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("the reminder went").isZero();
        assertNothingCalled();
    }

    @Test
    void cancelling_a_seance_leaves_the_other_seances_alone() {
        ProcessInstance annulee = start(SEANCE_ID, DEBUT);
        ProcessInstance autre = start(8L, DEBUT);

        cancel(SEANCE_ID);

        assertThat(annulee).isEnded().hasPassed(END_SEANCE_ANNULEE);
        assertThat(autre).isWaitingAtExactly(TASK_OUVRIR_SEANCE);
        complete(task(TASK_OUVRIR_SEANCE, autre));
        Assertions.assertThat(actions.openedAuditions).containsExactly(8L);
    }

    @Test
    void a_seance_cancelled_after_the_reminder_timer_fired_ends_once_the_reminder_job_ran() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        ClockUtil.setCurrentTime(VEILLE);
        execute(timer(pi));

        cancel(SEANCE_ID);

        // The reminder branch does not belong to "Ouvrir la séance": the cancellation does not take it away, and the
        // application is asked anyway (it sends nothing for a séance that no longer takes place).
        assertThat(pi).isNotEnded().isWaitingAtExactly(TASK_RAPPELER_VEILLE).hasPassed(END_SEANCE_ANNULEE);
        execute(job(TASK_RAPPELER_VEILLE, pi));
        assertThat(pi).isEnded().hasPassed(END_SEANCE_ANNULEE, END_RAPPEL_VEILLE).hasNotPassed(TASK_OUVRIR_AUDITIONS);
        Assertions.assertThat(actions.dayBeforeReminders).containsExactly(SEANCE_ID);
        Assertions.assertThat(actions.openedAuditions).isEmpty();
    }

    @Test
    void an_opened_seance_can_no_longer_be_cancelled() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        complete(task(TASK_OUVRIR_SEANCE, pi));

        assertThatThrownBy(() -> cancel(SEANCE_ID)).isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(pi).isWaitingAtExactly(TASK_CLORE_SEANCE).hasNotPassed(END_SEANCE_ANNULEE);
    }

    // ---------------------------------------------------------------- opening and closing

    @Test
    void opening_the_seance_opens_its_auditions_then_closing_it_closes_them_and_ends_the_seance() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        ClockUtil.setCurrentTime(DEBUT);

        complete(task(TASK_OUVRIR_SEANCE, pi));

        Assertions.assertThat(actions.openedAuditions).as("in the agent's transaction").containsExactly(SEANCE_ID);
        Assertions.assertThat(actions.closedAuditions).isEmpty();
        assertThat(pi).isWaitingAtExactly(TASK_CLORE_SEANCE).hasPassed(TASK_OUVRIR_AUDITIONS);
        Task clore = task(TASK_CLORE_SEANCE, pi);
        assertThat(clore).hasCandidateGroup(CycleCommunProcess.GROUP_AGENTS).isNotAssigned().hasName("Clore la séance");
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count())
                .as("the reminder not yet fired went with the opening task").isZero();

        complete(clore);

        Assertions.assertThat(actions.closedAuditions).containsExactly(SEANCE_ID);
        Assertions.assertThat(actions.openedAuditions).hasSize(1);
        assertThat(pi).isEnded().hasPassedInOrder(START_SEANCE_CREEE, TASK_OUVRIR_SEANCE, TASK_OUVRIR_AUDITIONS,
                TASK_CLORE_SEANCE, TASK_CLORE_AUDITIONS, END_SEANCE_CLOSE)
                .hasNotPassed(END_SEANCE_ANNULEE, TASK_RAPPELER_VEILLE);
        Assertions.assertThat(actions.dayBeforeReminders).isEmpty();
    }

    @Test
    void an_opening_the_application_refuses_leaves_the_seance_to_open() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        String ouvrir = task(TASK_OUVRIR_SEANCE, pi).getId();
        actions.seanceFailure = new IllegalStateException("Le quorum n'est atteint pour aucun dossier");

        assertThatThrownBy(() -> complete(task(TASK_OUVRIR_SEANCE, pi))).hasStackTraceContaining("quorum");

        assertThat(pi).isWaitingAtExactly(TASK_OUVRIR_SEANCE).hasNotPassed(TASK_OUVRIR_AUDITIONS);
        Assertions.assertThat(task(TASK_OUVRIR_SEANCE, pi).getId()).isEqualTo(ouvrir);
        assertThat(timer(pi)).hasDueDate(VEILLE);

        actions.seanceFailure = null;
        complete(task(TASK_OUVRIR_SEANCE, pi));
        Assertions.assertThat(actions.openedAuditions).containsExactly(SEANCE_ID);
    }

    @Test
    void a_closing_the_application_refuses_leaves_the_seance_open() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        complete(task(TASK_OUVRIR_SEANCE, pi));
        actions.seanceFailure = new IllegalStateException("Un avis manque");

        assertThatThrownBy(() -> complete(task(TASK_CLORE_SEANCE, pi))).hasStackTraceContaining("Un avis manque");

        assertThat(pi).isWaitingAtExactly(TASK_CLORE_SEANCE).hasNotPassed(TASK_CLORE_AUDITIONS);
        Assertions.assertThat(actions.closedAuditions).isEmpty();
    }

    // ---------------------------------------------------------------- moving the séance

    @Test
    void setting_the_dates_again_alone_moves_neither_the_reminder_nor_the_opening_due_date() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        Date later = Date.from(DEBUT.toInstant().plus(Duration.ofDays(7)));

        runtimeService().setVariables(pi.getId(), dates(SEANCE_ID, later));

        Assertions.assertThat(task(TASK_OUVRIR_SEANCE, pi).getDueDate()).isEqualTo(DEBUT);
        assertThat(timer(pi)).hasDueDate(VEILLE);
    }

    @Test
    void a_seance_moved_before_it_opened_is_due_and_reminded_at_its_new_date() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        Date later = Date.from(DEBUT.toInstant().plus(Duration.ofDays(7)));
        Date veilleLater = Date.from(VEILLE.toInstant().plus(Duration.ofDays(7)));

        Assertions.assertThat(deplacer(engine.getProcessEngine(), SEANCE_ID, later)).isTrue();

        Assertions.assertThat(task(TASK_OUVRIR_SEANCE, pi).getDueDate()).isEqualTo(later);
        assertThat(timer(pi)).hasDueDate(veilleLater);
        assertThat(pi).variables().containsEntry(VAR_DEBUT_SEANCE, later).containsEntry(VAR_DATE_RAPPEL_VEILLE, veilleLater);
        ClockUtil.setCurrentTime(VEILLE);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).executable().count())
                .as("no reminder at the old date").isZero();
        ClockUtil.setCurrentTime(veilleLater);
        execute(timer(pi));
        execute(job(TASK_RAPPELER_VEILLE, pi));
        Assertions.assertThat(actions.dayBeforeReminders).containsExactly(SEANCE_ID);
    }

    @Test
    void a_seance_moved_after_its_reminder_is_not_reminded_twice() {
        ProcessInstance pi = start(SEANCE_ID, DEBUT);
        ClockUtil.setCurrentTime(VEILLE);
        execute(timer(pi));
        execute(job(TASK_RAPPELER_VEILLE, pi));
        Date later = Date.from(DEBUT.toInstant().plus(Duration.ofDays(7)));

        Assertions.assertThat(deplacer(engine.getProcessEngine(), SEANCE_ID, later)).isTrue();

        Assertions.assertThat(task(TASK_OUVRIR_SEANCE, pi).getDueDate()).isEqualTo(later);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.dayBeforeReminders).hasSize(1);
    }

    @Test
    void an_opened_cancelled_or_unknown_seance_is_not_moved() {
        ProcessInstance ouverte = start(SEANCE_ID, DEBUT);
        complete(task(TASK_OUVRIR_SEANCE, ouverte));
        start(8L, DEBUT);
        cancel(8L);
        Date later = Date.from(DEBUT.toInstant().plus(Duration.ofDays(7)));

        Assertions.assertThat(deplacer(engine.getProcessEngine(), SEANCE_ID, later)).isFalse();
        Assertions.assertThat(deplacer(engine.getProcessEngine(), 8L, later)).isFalse();
        Assertions.assertThat(deplacer(engine.getProcessEngine(), 9L, later)).isFalse();

        assertThat(ouverte).variables().containsEntry(VAR_DEBUT_SEANCE, DEBUT);
    }

    // ---------------------------------------------------------------- helpers and model

    @Test
    void business_key_is_seance_dash_id_and_round_trips() {
        Assertions.assertThat(businessKey(SEANCE_ID)).isEqualTo("seance-7");
        Assertions.assertThat(seanceIdFromBusinessKey(businessKey(9_876_543_210L))).isEqualTo(9_876_543_210L);
        for (String foreign : new String[] {"commun-7", null}) {
            assertThatThrownBy(() -> seanceIdFromBusinessKey(foreign)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void dates_hold_the_typed_seance_id_its_start_and_the_reminder_a_day_before() {
        Map<String, Object> variables = dates(SEANCE_ID, DEBUT);

        Assertions.assertThat(variables).containsOnly(Map.entry(VAR_SEANCE_ID, SEANCE_ID),
                Map.entry(VAR_DEBUT_SEANCE, DEBUT), Map.entry(VAR_DATE_RAPPEL_VEILLE, VEILLE));
        Assertions.assertThat(variables.get(VAR_SEANCE_ID)).isInstanceOf(Long.class);
        Assertions.assertThat(RAPPEL_AVANT).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> dates(SEANCE_ID, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void every_constant_names_an_element_of_the_deployed_model_with_a_french_name() {
        var definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(definition.getName()).isEqualTo("Séance du comité d'accompagnement");
        Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());

        List<String> ids = List.of(START_SEANCE_CREEE, TASK_OUVRIR_SEANCE, TIMER_RAPPEL_VEILLE, TASK_RAPPELER_VEILLE,
                END_RAPPEL_VEILLE, EVENT_SEANCE_ANNULEE, END_SEANCE_ANNULEE, TASK_OUVRIR_AUDITIONS, TASK_CLORE_SEANCE,
                TASK_CLORE_AUDITIONS, END_SEANCE_CLOSE);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowElement::getId)
                .containsExactlyInAnyOrderElementsOf(ids);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> Assertions.assertThat(node.getName()).isNotBlank());
        Assertions.assertThat(model.getModelElementsByType(SequenceFlow.class)).extracting(FlowElement::getId)
                .allMatch(id -> id.matches("Flow_[A-Z][A-Za-z0-9]+"));
        Assertions.assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MSG_SEANCE_ANNULEE);

        UserTask ouvrir = model.getModelElementById(TASK_OUVRIR_SEANCE);
        Assertions.assertThat(ouvrir.getCamundaCandidateGroups()).isEqualTo(CycleCommunProcess.GROUP_AGENTS);
        Assertions.assertThat(ouvrir.getCamundaDueDate()).isEqualTo("${" + VAR_DEBUT_SEANCE + "}");
        UserTask clore = model.getModelElementById(TASK_CLORE_SEANCE);
        Assertions.assertThat(clore.getCamundaCandidateGroups()).isEqualTo(CycleCommunProcess.GROUP_AGENTS);

        BoundaryEvent rappel = model.getModelElementById(TIMER_RAPPEL_VEILLE);
        Assertions.assertThat(rappel.cancelActivity()).as("%s does not interrupt", TIMER_RAPPEL_VEILLE).isFalse();
        Assertions.assertThat(rappel.getAttachedTo().getId()).isEqualTo(TASK_OUVRIR_SEANCE);
        Assertions.assertThat(rappel.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(TimerEventDefinition.class, timer -> Assertions.assertThat(
                        timer.getTimeDate().getTextContent()).isEqualTo("${" + VAR_DATE_RAPPEL_VEILLE + "}"));
        Assertions.assertThat(rappel.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(TASK_RAPPELER_VEILLE));
        BoundaryEvent annulee = model.getModelElementById(EVENT_SEANCE_ANNULEE);
        Assertions.assertThat(annulee.cancelActivity()).as("%s interrupts", EVENT_SEANCE_ANNULEE).isTrue();
        Assertions.assertThat(annulee.getAttachedTo().getId()).isEqualTo(TASK_OUVRIR_SEANCE);
        Assertions.assertThat(annulee.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(MessageEventDefinition.class, message -> Assertions.assertThat(
                        message.getMessage().getName()).isEqualTo(MSG_SEANCE_ANNULEE));
        Assertions.assertThat(annulee.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(END_SEANCE_ANNULEE));

        Map<String, String> delegates = Map.of(TASK_RAPPELER_VEILLE, "${rappelVeilleDelegate}",
                TASK_OUVRIR_AUDITIONS, "${ouvrirAuditionsDelegate}", TASK_CLORE_AUDITIONS, "${cloreAuditionsDelegate}");
        Assertions.assertThat(model.getModelElementsByType(ServiceTask.class))
                .extracting(FlowElement::getId, ServiceTask::getCamundaDelegateExpression)
                .containsExactlyInAnyOrderElementsOf(delegates.entrySet().stream()
                        .map(e -> Assertions.tuple(e.getKey(), e.getValue())).toList());
        Assertions.assertThat(((ServiceTask) model.getModelElementById(TASK_RAPPELER_VEILLE)).isCamundaAsyncBefore())
                .as("the reminder is sent by a job").isTrue();
        for (String id : List.of(TASK_OUVRIR_AUDITIONS, TASK_CLORE_AUDITIONS)) {
            Assertions.assertThat(((ServiceTask) model.getModelElementById(id)).isCamundaAsyncBefore())
                    .as("%s runs in the agent's transaction", id).isFalse();
        }

        Assertions.assertThat(model.getModelElementsByType(BpmnShape.class)).as("every flow node is drawn")
                .extracting(shape -> shape.getBpmnElement().getId()).containsAll(ids);
        Assertions.assertThat(model.getModelElementsByType(BpmnEdge.class)).as("every sequence flow is drawn")
                .extracting(edge -> edge.getBpmnElement().getId())
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(FlowElement::getId).toList());
    }

    // ---------------------------------------------------------------- helpers

    private static ProcessInstance start(long seanceId, Date debut) {
        return runtimeService().startProcessInstanceByKey(KEY, businessKey(seanceId), dates(seanceId, debut));
    }

    /** What the application does when a séance is cancelled. */
    private static void cancel(long seanceId) {
        runtimeService().createMessageCorrelation(MSG_SEANCE_ANNULEE).processInstanceBusinessKey(businessKey(seanceId))
                .correlate();
    }

    private static Job timer(ProcessInstance pi) {
        Job timer = jobQuery().processInstanceId(pi.getId()).timers().activityId(TIMER_RAPPEL_VEILLE).singleResult();
        Assertions.assertThat(timer).as("the %s timer job", TIMER_RAPPEL_VEILLE).isNotNull();
        return timer;
    }

    private void assertNothingCalled() {
        Assertions.assertThat(actions.openedAuditions).isEmpty();
        Assertions.assertThat(actions.closedAuditions).isEmpty();
        Assertions.assertThat(actions.dayBeforeReminders).isEmpty();
    }
}
