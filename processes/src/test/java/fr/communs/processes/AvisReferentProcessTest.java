package fr.communs.processes;

import static fr.communs.processes.AvisReferentProcess.*;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
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
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = AvisReferentProcess.RESOURCE)
class AvisReferentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long AVIS_ID = 314L;
    private static final long COMMUN_ID = 42L;
    private static final String REFERENT = "agent-27";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    /** Due date chosen by the instructeur: 10 days later, at 17:00 UTC. */
    private static final Instant DATE_LIMITE = Instant.parse("2026-03-12T17:00:00Z");
    /** The job executor runs a due job a little after its due date. */
    private static final Duration JOB_EXECUTOR_DELAY = Duration.ofSeconds(30);

    private final RecordingActions actions = new RecordingActions();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("relanceAvisDelegate", new RelanceAvisDelegate(actions));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------- paths

    @Test
    void the_referent_gets_the_task_due_at_the_chosen_date() {
        ProcessInstance pi = start();

        assertThat(pi).isStarted().isWaitingAtExactly(TASK_DONNER_AVIS)
                .variables().containsEntry(VAR_AVIS_ID, AVIS_ID).containsEntry(VAR_COMMUN_ID, COMMUN_ID)
                .containsEntry(VAR_REFERENT, REFERENT);
        Assertions.assertThat(pi.getBusinessKey()).as("the commun's, so the task shows with its title")
                .isEqualTo("commun-42");
        Task avis = task(TASK_DONNER_AVIS, pi);
        assertThat(avis).isAssignedTo(REFERENT).hasName("Donner un avis sur le dossier");
        Assertions.assertThat(avis.getDueDate()).isEqualTo(Date.from(DATE_LIMITE));
        Assertions.assertThat(taskQuery().taskAssignee(REFERENT).list()).extracting(Task::getId)
                .containsExactly(avis.getId());
    }

    @Test
    void no_reminder_before_the_due_date() {
        ProcessInstance pi = start();

        assertThat(relanceTimer(pi)).hasDueDate(Date.from(DATE_LIMITE));
        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.minusSeconds(1)));
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due a second before the due date").isZero();
        Assertions.assertThat(actions.referentReminders).isEmpty();
        assertThat(pi).hasNotPassed(TIMER_RELANCE_AVIS);
    }

    @Test
    void reminders_come_at_the_due_date_then_every_48_hours_three_at_most() {
        ProcessInstance pi = start();
        String avisTask = task(TASK_DONNER_AVIS, pi).getId();
        List<Date> dueDates = new ArrayList<>();

        for (int relance = 1; relance <= RELANCES_MAX; relance++) {
            Job timer = relanceTimer(pi);
            dueDates.add(timer.getDuedate());
            ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(JOB_EXECUTOR_DELAY)));
            execute(timer);
            Assertions.assertThat(actions.referentReminders).as("sent by a job, not by the timer itself")
                    .hasSize(relance - 1);
            execute(job(TASK_RELANCER_REFERENT, pi));
            Assertions.assertThat(actions.referentReminders).hasSize(relance);
        }

        Assertions.assertThat(dueDates).containsExactly(Date.from(DATE_LIMITE),
                Date.from(DATE_LIMITE.plus(Duration.ofHours(48))), Date.from(DATE_LIMITE.plus(Duration.ofHours(96))));
        Assertions.assertThat(actions.referentReminders).containsExactly(AVIS_ID, AVIS_ID, AVIS_ID);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("no fourth reminder").isZero();
        assertThat(pi).isWaitingAtExactly(TASK_DONNER_AVIS);
        Assertions.assertThat(task(TASK_DONNER_AVIS, pi).getId()).as("the same task, not interrupted")
                .isEqualTo(avisTask);
        Assertions.assertThat(passages(pi, END_RELANCE_ENVOYEE)).isEqualTo(RELANCES_MAX);

        complete(task(TASK_DONNER_AVIS, pi));
        assertThat(pi).isEnded().hasPassed(END_AVIS_RENDU);
    }

    @Test
    void reminders_missed_while_the_engine_was_stopped_are_not_all_sent_at_once() {
        ProcessInstance pi = start();

        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.plus(Duration.ofHours(60))));
        execute(relanceTimer(pi));
        execute(job(TASK_RELANCER_REFERENT, pi));

        Assertions.assertThat(actions.referentReminders).containsExactly(AVIS_ID);
        assertThat(relanceTimer(pi)).as("the next one keeps to the 48-hour rhythm")
                .hasDueDate(Date.from(DATE_LIMITE.plus(Duration.ofHours(96))));
    }

    @Test
    void answering_ends_the_instance_with_no_job_left() {
        ProcessInstance pi = start();

        complete(task(TASK_DONNER_AVIS, pi));

        assertThat(pi).isEnded().hasPassedInOrder(START_AVIS_DEMANDE, TASK_DONNER_AVIS, END_AVIS_RENDU)
                .hasNotPassed(TIMER_RELANCE_AVIS, TASK_RELANCER_REFERENT);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.plus(Duration.ofDays(30))));
        Assertions.assertThat(jobQuery().executable().count()).isZero();
        Assertions.assertThat(actions.referentReminders).isEmpty();
    }

    @Test
    void answering_while_a_reminder_waits_for_its_job_drops_the_reminder() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.plus(JOB_EXECUTOR_DELAY)));
        execute(relanceTimer(pi));
        Job pendingReminder = job(TASK_RELANCER_REFERENT, pi);

        complete(task(TASK_DONNER_AVIS, pi));

        assertThat(pi).isEnded().hasPassed(END_AVIS_RENDU).hasNotPassed(END_RELANCE_ENVOYEE);
        Assertions.assertThat(jobQuery().jobId(pendingReminder.getId()).count()).isZero();
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.referentReminders).isEmpty();
    }

    @Test
    void cancelling_the_request_deletes_the_instance_and_leaves_nothing() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.plus(JOB_EXECUTOR_DELAY)));
        execute(relanceTimer(pi));
        execute(job(TASK_RELANCER_REFERENT, pi));
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("the next reminder").isOne();

        runtimeService().deleteProcessInstance(pi.getId(), "Demande d'avis annulée");

        assertThat(pi).isEnded();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
                .isZero();
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(taskQuery().taskAssignee(REFERENT).count()).isZero();
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getDeleteReason()).isEqualTo("Demande d'avis annulée");
        Assertions.assertThat(actions.referentReminders).containsExactly(AVIS_ID);
    }

    @Test
    void two_referents_asked_on_the_same_file_each_get_their_own_task_and_reminders() {
        ProcessInstance first = start();
        ProcessInstance second = runtimeService().startProcessInstanceByKey(KEY,
                CycleCommunProcess.businessKey(COMMUN_ID),
                startVariables(AVIS_ID + 1, COMMUN_ID, "agent-28", Date.from(DATE_LIMITE.plus(Duration.ofDays(2)))));

        assertThat(task(TASK_DONNER_AVIS, first)).isAssignedTo(REFERENT);
        assertThat(task(TASK_DONNER_AVIS, second)).isAssignedTo("agent-28");
        complete(task(TASK_DONNER_AVIS, first));

        assertThat(first).isEnded();
        assertThat(second).isWaitingAtExactly(TASK_DONNER_AVIS);
        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE.plus(Duration.ofDays(2)).plus(JOB_EXECUTOR_DELAY)));
        execute(relanceTimer(second));
        execute(job(TASK_RELANCER_REFERENT, second));
        Assertions.assertThat(actions.referentReminders).containsExactly(AVIS_ID + 1);
    }

    // ---------------------------------------------------------------- helpers of AvisReferentProcess

    @Test
    void reminder_cycle_starts_at_the_due_date_and_repeats_twice_every_48_hours() {
        Assertions.assertThat(relanceCycle(Date.from(DATE_LIMITE))).isEqualTo("R2/2026-03-12T17:00:00Z/PT48H");
        Assertions.assertThat(relanceCycle(Date.from(DATE_LIMITE.plusMillis(250))))
                .isEqualTo("R2/2026-03-12T17:00:00.250Z/PT48H");
    }

    @Test
    void start_variables_hold_typed_ids_the_referent_the_due_date_and_the_cycle() {
        Date dateLimite = Date.from(DATE_LIMITE);

        var variables = startVariables(AVIS_ID, COMMUN_ID, REFERENT, dateLimite);

        Assertions.assertThat(variables).containsOnly(
                java.util.Map.entry(VAR_AVIS_ID, AVIS_ID),
                java.util.Map.entry(VAR_COMMUN_ID, COMMUN_ID),
                java.util.Map.entry(VAR_REFERENT, REFERENT),
                java.util.Map.entry(VAR_DATE_LIMITE_AVIS, dateLimite),
                java.util.Map.entry(VAR_CYCLE_RELANCE, relanceCycle(dateLimite)));
        Assertions.assertThat(variables.get(VAR_AVIS_ID)).isInstanceOf(Long.class);
        Assertions.assertThatThrownBy(() -> startVariables(AVIS_ID, COMMUN_ID, null, dateLimite))
                .isInstanceOf(NullPointerException.class);
        Assertions.assertThatThrownBy(() -> startVariables(AVIS_ID, COMMUN_ID, REFERENT, null))
                .isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- model

    @Test
    void every_constant_names_an_element_of_the_deployed_model_with_a_french_name() {
        var definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(definition.getName()).isEqualTo("Avis d'un référent thématique");
        Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());

        List<String> ids = List.of(START_AVIS_DEMANDE, TASK_DONNER_AVIS, END_AVIS_RENDU, TIMER_RELANCE_AVIS,
                TASK_RELANCER_REFERENT, END_RELANCE_ENVOYEE);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class))
                .extracting(FlowElement::getId).containsExactlyInAnyOrderElementsOf(ids);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> Assertions.assertThat(node.getName()).isNotBlank());
        Assertions.assertThat(model.getModelElementsByType(SequenceFlow.class))
                .extracting(FlowElement::getId).allMatch(id -> id.matches("Flow_[A-Z][A-Za-z0-9]+"));

        UserTask donnerAvis = model.getModelElementById(TASK_DONNER_AVIS);
        Assertions.assertThat(donnerAvis.getName()).isEqualTo("Donner un avis sur le dossier");
        Assertions.assertThat(donnerAvis.getCamundaAssignee()).isEqualTo("${" + VAR_REFERENT + "}");
        Assertions.assertThat(donnerAvis.getCamundaDueDate()).isEqualTo("${" + VAR_DATE_LIMITE_AVIS + "}");
        BoundaryEvent relance = model.getModelElementById(TIMER_RELANCE_AVIS);
        Assertions.assertThat(relance.cancelActivity()).isFalse();
        Assertions.assertThat(relance.getAttachedTo().getId()).isEqualTo(TASK_DONNER_AVIS);
        Assertions.assertThat(relance.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(TimerEventDefinition.class, timer -> Assertions.assertThat(
                        timer.getTimeCycle().getTextContent()).isEqualTo("${" + VAR_CYCLE_RELANCE + "}"));
        Assertions.assertThat(relance.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(TASK_RELANCER_REFERENT));
        ServiceTask relancer = model.getModelElementById(TASK_RELANCER_REFERENT);
        Assertions.assertThat(relancer.isCamundaAsyncBefore()).isTrue();
        Assertions.assertThat(relancer.getCamundaDelegateExpression()).isEqualTo("${relanceAvisDelegate}");
        Assertions.assertThat(relancer.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(END_RELANCE_ENVOYEE));
        EndEvent rendu = model.getModelElementById(END_AVIS_RENDU);
        Assertions.assertThat(rendu.getEventDefinitions()).singleElement()
                .isInstanceOf(TerminateEventDefinition.class);

        Assertions.assertThat(model.getModelElementsByType(BpmnShape.class))
                .as("every flow node is drawn").extracting(shape -> shape.getBpmnElement().getId())
                .containsExactlyInAnyOrderElementsOf(ids);
        Assertions.assertThat(model.getModelElementsByType(BpmnEdge.class))
                .as("every sequence flow is drawn").extracting(edge -> edge.getBpmnElement().getId())
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(FlowElement::getId).toList());
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, CycleCommunProcess.businessKey(COMMUN_ID),
                startVariables(AVIS_ID, COMMUN_ID, REFERENT, Date.from(DATE_LIMITE)));
    }

    private static Job relanceTimer(ProcessInstance pi) {
        Job timer = jobQuery().processInstanceId(pi.getId()).timers().activityId(TIMER_RELANCE_AVIS).singleResult();
        Assertions.assertThat(timer).as("the %s timer job", TIMER_RELANCE_AVIS).isNotNull();
        return timer;
    }

    private static long passages(ProcessInstance pi, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId(activityId).count();
    }
}
