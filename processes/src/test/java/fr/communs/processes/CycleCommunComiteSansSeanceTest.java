package fr.communs.processes;

import static fr.communs.processes.CycleCommunProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files started on the definition deployed before the comité séances ({@value #ANCIENNE}: "Convoquer le comité" job,
 * one "Noter l'audition" task per comité member, "Enregistrer l'avis du comité", due on the campagne's comité date)
 * keep that definition when the séances are deployed, and still reach their end through
 * {@link ConvoquerComiteDelegate}. The old comité's own behaviour is tested here, on that definition.
 */
class CycleCommunComiteSansSeanceTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final String ANCIENNE = "bpmn/anciennes/cycle-commun-comite-sans-seance.bpmn";
    private static final long COMMUN_ID = 42L;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date DATE_LIMITE_DEPOT = Date.from(NOW.plus(Duration.ofDays(30)));
    /** The comité meets 45 days after {@link #NOW} (the end of its day, as the application computes it). */
    private static final Date DATE_COMITE = Date.from(Instant.parse("2026-04-16T21:59:59Z"));
    /** Calendar days may be 23 or 25 hours long around a DST change in the JVM's time zone. */
    private static final long ONE_HOUR_MS = Duration.ofHours(1).toMillis();

    private final RecordingActions actions = new RecordingActions();
    private final List<String> deployments = new ArrayList<>();
    private ProcessDefinition ancienne;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        actions.comite = List.of("alice", "bob");
        actions.comiteDate = DATE_COMITE;
        Mocks.register("cloreDepotDelegate", new CloreDepotDelegate(actions));
        Mocks.register("convoquerComiteDelegate", new ConvoquerComiteDelegate(actions));
        Mocks.register("rappelDepotDelegate", new RappelDepotDelegate(actions));
        Mocks.register("rappelComplementsDelegate", new RappelComplementsDelegate(actions));
        ancienne = deploy(ANCIENNE);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------- files in progress when the séances arrive

    @Test
    void files_on_the_definition_without_seances_reach_their_end_once_the_seances_are_deployed() {
        ProcessInstance enInstruction = transmitted(1L);
        ProcessInstance convocationEnAttente = transmitted(2L);
        complete(task(TASK_INSTRUIRE, convocationEnAttente), decision(DecisionInstruction.RECEVABLE));
        ProcessInstance enNotation = transmitted(3L);
        complete(task(TASK_INSTRUIRE, enNotation), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, enNotation));
        complete(auditionTask(enNotation, "alice"));
        ProcessInstance aLAvis = transmitted(4L);
        complete(task(TASK_INSTRUIRE, aLAvis), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, aLAvis));
        auditionTasks(aLAvis).forEach(BpmnAwareTests::complete);

        ProcessDefinition nouvelle = deploy(RESOURCE);
        Assertions.assertThat(nouvelle.getVersion()).isGreaterThan(ancienne.getVersion());

        // Found recevable after the deployment, still on the old definition: convoked by the job, no séance.
        complete(task(TASK_INSTRUIRE, enInstruction), decision(DecisionInstruction.RECEVABLE));
        assertThat(enInstruction).isWaitingAtExactly(TASK_CONVOQUER_COMITE);
        execute(job(TASK_CONVOQUER_COMITE, enInstruction));
        execute(job(TASK_CONVOQUER_COMITE, convocationEnAttente));
        for (ProcessInstance pi : List.of(enInstruction, convocationEnAttente)) {
            assertThat(pi).isWaitingAt(TASK_NOTER_AUDITION);
            Assertions.assertThat(auditionTasks(pi)).extracting(Task::getAssignee)
                    .containsExactlyInAnyOrder("alice", "bob");
        }
        Assertions.assertThat(auditionTasks(enNotation)).extracting(Task::getAssignee).containsExactly("bob");
        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MSG_CONVOQUE)
                .processInstanceBusinessKey(businessKey(2L)).setVariables(convocation(5L, DATE_COMITE)).correlate())
                .as("a séance cannot take a file of the old comité")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        for (ProcessInstance pi : List.of(enInstruction, convocationEnAttente, enNotation, aLAvis)) {
            auditionTasks(pi).forEach(BpmnAwareTests::complete);
            assertThat(task(TASK_AVIS_COMITE, pi)).hasCandidateGroup(GROUP_AGENTS);
            complete(task(TASK_AVIS_COMITE, pi));
            complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
            complete(task(TASK_DEPOSER_LIVRABLE, pi));
            assertThat(pi).isEnded().hasPassed(END_LAUREAT)
                    .hasPassedInOrder(TASK_CONVOQUER_COMITE, TASK_NOTER_AUDITION, TASK_AVIS_COMITE, TASK_VOTE_ASSEMBLEE)
                    .hasNotPassed(TASK_ATTENDRE_SEANCE, TASK_NOTER_SEANCE, TASK_AVIS_SEANCE);
            Assertions.assertThat(pi.getProcessDefinitionId()).isEqualTo(ancienne.getId());
        }
        Assertions.assertThat(actions.comiteRequests).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);

        // A file published now runs on the new definition: it waits for a séance, no convocation job.
        ProcessInstance nouveau = runtimeService().startProcessInstanceByKey(KEY, businessKey(5L),
                startVariables(5L, 7L, DATE_LIMITE_DEPOT));
        Assertions.assertThat(nouveau.getProcessDefinitionId()).isEqualTo(nouvelle.getId());
        complete(task(TASK_CONSTITUER_GROUPEMENT, nouveau));
        complete(task(TASK_INSTRUIRE, nouveau), decision(DecisionInstruction.RECEVABLE));
        assertThat(nouveau).isWaitingAtExactly(TASK_ATTENDRE_SEANCE);
        Assertions.assertThat(actions.comiteRequests).hasSize(4);
    }

    @Test
    void the_old_comite_steps_of_a_laureate_stand_for_every_milestone_of_the_current_definition() {
        ProcessInstance pi = transmitted(COMMUN_ID);
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, pi));
        auditionTasks(pi).forEach(BpmnAwareTests::complete);
        complete(task(TASK_AVIS_COMITE, pi));
        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
        complete(task(TASK_DEPOSER_LIVRABLE, pi));

        // What the progress view does (CommunService): group the history by the current step each activity stands for.
        Set<String> steps = historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()
                .stream().map(a -> ANCIENNES_ETAPES.getOrDefault(a.getActivityId(), a.getActivityId()))
                .collect(Collectors.toSet());
        Assertions.assertThat(steps).containsAll(MILESTONES);
    }

    // ---------------------------------------------------------------- the old comité

    @Test
    void comite_without_members_fails_the_convocation_job_and_keeps_the_commun_before_the_comite() {
        actions.comite = List.of();
        ProcessInstance pi = transmitted(COMMUN_ID);
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        Job convocation = job(TASK_CONVOQUER_COMITE, pi);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> execute(convocation))
                    .hasStackTraceContaining("Aucun membre du comité n'est enregistré");
        }

        assertThat(pi).isNotEnded().isWaitingAt(TASK_CONVOQUER_COMITE).hasNotPassed(TASK_NOTER_AUDITION);
        assertThat(job(TASK_CONVOQUER_COMITE, pi)).hasRetries(0).hasExceptionMessage();
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(incident).isNotNull();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_CONVOQUER_COMITE);
        Assertions.assertThat(incident.getIncidentMessage()).contains("Aucun membre du comité n'est enregistré");
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), VAR_MEMBRES_COMITE)).isNull();

        // once the comité is known, retrying the job resumes the cycle
        actions.comite = List.of("carole");
        managementService().setJobRetries(convocation.getId(), 1);
        execute(job(TASK_CONVOQUER_COMITE, pi));
        assertThat(pi).isWaitingAt(TASK_NOTER_AUDITION).hasNotPassed(TASK_AVIS_COMITE);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(auditionTasks(pi)).extracting(Task::getAssignee).containsExactly("carole");
    }

    @Test
    void the_notes_are_due_on_the_comite_day_and_the_avis_a_week_later() {
        ProcessInstance pi = transmitted(COMMUN_ID);
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count())
                .as("the comité is convoked by a job, after the agent's transaction").isZero();

        execute(job(TASK_CONVOQUER_COMITE, pi));

        Assertions.assertThat(auditionTasks(pi)).hasSize(2).extracting(Task::getDueDate).containsOnly(DATE_COMITE);
        auditionTasks(pi).forEach(BpmnAwareTests::complete);
        Assertions.assertThat(task(TASK_AVIS_COMITE, pi).getDueDate())
                .isEqualTo(Date.from(DATE_COMITE.toInstant().plus(AVIS_APRES_COMITE)));
        complete(task(TASK_AVIS_COMITE, pi));
        assertDueInDays(task(TASK_VOTE_ASSEMBLEE, pi), 90);
    }

    @Test
    void without_a_comite_date_to_come_the_audition_is_due_in_fourteen_days_and_the_avis_a_week_later() {
        long communId = 100L;
        for (Date dateComite : new Date[] {null, Date.from(NOW.minus(Duration.ofDays(1)))}) {
            actions.comiteDate = dateComite;
            ProcessInstance pi = transmitted(communId++);
            complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
            execute(job(TASK_CONVOQUER_COMITE, pi));
            auditionTasks(pi).forEach(t -> assertDueInDays(t, 14));
            auditionTasks(pi).forEach(BpmnAwareTests::complete);
            assertDueInDays(task(TASK_AVIS_COMITE, pi), 21);
        }
    }

    @Test
    void the_comite_dates_are_process_variables_so_the_application_can_move_them() {
        ProcessInstance pi = transmitted(COMMUN_ID);
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, pi));
        assertThat(pi).variables().containsEntry(VAR_DATE_AUDITION, DATE_COMITE)
                .containsEntry(VAR_DATE_AVIS_COMITE, avisComiteDate(DATE_COMITE));

        // What the application does when the comité date moves before the notes are all in: the variable follows,
        // so the avis task created afterwards is due a week after the new date.
        Date later = Date.from(DATE_COMITE.toInstant().plus(Duration.ofDays(5)));
        runtimeService().setVariables(pi.getId(), comiteDates(ClockUtil.getCurrentTime(), later));
        auditionTasks(pi).forEach(BpmnAwareTests::complete);
        Assertions.assertThat(task(TASK_AVIS_COMITE, pi).getDueDate()).isEqualTo(avisComiteDate(later));
    }

    // ---------------------------------------------------------------- model

    @Test
    void every_old_comite_constant_names_an_element_of_the_old_definition_and_no_seance_element_is_there() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(ancienne.getId());
        Assertions.assertThat(ancienne.getKey()).isEqualTo(KEY);

        ServiceTask convoquer = model.getModelElementById(TASK_CONVOQUER_COMITE);
        Assertions.assertThat(convoquer.getName()).isEqualTo("Convoquer le comité");
        Assertions.assertThat(convoquer.isCamundaAsyncBefore()).isTrue();
        Assertions.assertThat(convoquer.getCamundaDelegateExpression()).isEqualTo("${convoquerComiteDelegate}");
        UserTask noter = model.getModelElementById(TASK_NOTER_AUDITION);
        Assertions.assertThat(noter.getName()).isEqualTo("Noter l'audition");
        Assertions.assertThat(noter.getCamundaAssignee()).isEqualTo("${" + VAR_MEMBRE_COMITE + "}");
        Assertions.assertThat(noter.getCamundaDueDate()).isEqualTo("${" + VAR_DATE_AUDITION + "}");
        Assertions.assertThat(noter.getLoopCharacteristics()).isInstanceOfSatisfying(
                MultiInstanceLoopCharacteristics.class, loop -> Assertions.assertThat(loop.getCamundaCollection())
                        .isEqualTo("${" + VAR_MEMBRES_COMITE + "}"));
        UserTask avis = model.getModelElementById(TASK_AVIS_COMITE);
        Assertions.assertThat(avis.getName()).isEqualTo("Enregistrer l'avis du comité");
        Assertions.assertThat(avis.getCamundaCandidateGroups()).isEqualTo(GROUP_AGENTS);
        Assertions.assertThat(avis.getCamundaDueDate()).isEqualTo("${" + VAR_DATE_AVIS_COMITE + "}");
        Assertions.assertThat(avis.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(TASK_VOTE_ASSEMBLEE));

        Assertions.assertThat(ANCIENNES_ETAPES.keySet()).as("every old step mapped is in the old definition")
                .allSatisfy(id -> Assertions.assertThat((Object) model.getModelElementById(id)).isNotNull());
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowElement::getId)
                .doesNotContain(TASK_ATTENDRE_SEANCE, TASK_ATTENDRE_AUDITION, EVENT_RETIRE_DE_SEANCE, TASK_NOTER_SEANCE,
                        TASK_AVIS_SEANCE, GATEWAY_AVIS_COMITE, TASK_ATTENDRE_CLOTURE);
        Assertions.assertThat(model.getModelElementsByType(Message.class)).as("it waits for no message").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private ProcessDefinition deploy(String resource) {
        String id = repositoryService().createDeployment().addClasspathResource(resource).deploy().getId();
        deployments.add(id);
        return repositoryService().createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    /** A file started on the old definition, transmitted: at "Instruire le dossier". */
    private ProcessInstance transmitted(long communId) {
        ProcessInstance pi = runtimeService().startProcessInstanceById(ancienne.getId(), businessKey(communId),
                startVariables(communId, 7L, DATE_LIMITE_DEPOT));
        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        return pi;
    }

    private static List<Task> auditionTasks(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_NOTER_AUDITION).list();
    }

    private static Task auditionTask(ProcessInstance pi, String membre) {
        Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_NOTER_AUDITION)
                .taskAssignee(membre).singleResult();
        Assertions.assertThat(task).as("%s's audition task", membre).isNotNull();
        return task;
    }

    private static void assertDueInDays(Task task, int days) {
        Assertions.assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
                .isCloseTo(Date.from(NOW.plus(Duration.ofDays(days))), ONE_HOUR_MS);
    }
}
