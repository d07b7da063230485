package fr.communs.processes;

import static fr.communs.processes.CycleCommunProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files started on the definition deployed before the comité's due dates followed the comité date (fixed durations
 * "P14D" and "P7D", kept as {@value #ANCIENNE}) keep that definition when the new one is deployed, and still reach
 * their end through the current delegates.
 */
class CycleCommunAncienneDefinitionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final String ANCIENNE = "bpmn/anciennes/cycle-commun-echeances-fixes.bpmn";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date DATE_LIMITE_DEPOT = Date.from(NOW.plus(Duration.ofDays(30)));
    private static final Date DATE_COMITE = Date.from(Instant.parse("2026-04-16T21:59:59Z"));
    private static final long ONE_HOUR_MS = Duration.ofHours(1).toMillis();

    private final RecordingActions actions = new RecordingActions();
    private final List<String> deployments = new ArrayList<>();

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
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void files_running_on_the_old_definition_keep_their_fixed_due_dates_and_reach_their_end() {
        ProcessDefinition ancienne = deploy(ANCIENNE);
        ProcessInstance enInstruction = start(ancienne, 1L);
        complete(task(TASK_CONSTITUER_GROUPEMENT, enInstruction));
        ProcessInstance auComite = start(ancienne, 2L);
        complete(task(TASK_CONSTITUER_GROUPEMENT, auComite));
        complete(task(TASK_INSTRUIRE, auComite), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, auComite));

        ProcessDefinition nouvelle = deploy(RESOURCE);
        Assertions.assertThat(nouvelle.getVersion()).isGreaterThan(ancienne.getVersion());

        // Convoked after the new deployment, on the old definition: the variables the new delegate sets are ignored.
        complete(task(TASK_INSTRUIRE, enInstruction), decision(DecisionInstruction.RECEVABLE));
        execute(job(TASK_CONVOQUER_COMITE, enInstruction));
        for (ProcessInstance pi : List.of(enInstruction, auComite)) {
            List<Task> auditions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_NOTER_AUDITION).list();
            Assertions.assertThat(auditions).hasSize(2).allSatisfy(t -> assertDueInDays(t, 14));
            auditions.forEach(BpmnAwareTests::complete);
            assertDueInDays(task(TASK_AVIS_COMITE, pi), 7);
            complete(task(TASK_AVIS_COMITE, pi));
            complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
            complete(task(TASK_DEPOSER_LIVRABLE, pi));
            assertThat(pi).isEnded().hasPassed(END_LAUREAT);
            Assertions.assertThat(pi.getProcessDefinitionId()).isEqualTo(ancienne.getId());
        }

        // A file published now runs on the current definition: its comité tasks follow the date of its séance.
        ProcessInstance nouveau = runtimeService().startProcessInstanceByKey(KEY, businessKey(3L),
                startVariables(3L, 7L, DATE_LIMITE_DEPOT));
        Assertions.assertThat(nouveau.getProcessDefinitionId()).isEqualTo(nouvelle.getId());
        complete(task(TASK_CONSTITUER_GROUPEMENT, nouveau));
        complete(task(TASK_INSTRUIRE, nouveau), decision(DecisionInstruction.RECEVABLE));
        runtimeService().createMessageCorrelation(MSG_CONVOQUE).processInstanceBusinessKey(businessKey(3L))
                .setVariables(convocation(5L, DATE_COMITE)).correlate();
        runtimeService().createMessageCorrelation(MSG_AUDITION_OUVERTE).processInstanceBusinessKey(businessKey(3L))
                .setVariables(auditionOuverte(List.of("alice", "bob"))).correlate();
        Assertions.assertThat(taskQuery().processInstanceId(nouveau.getId()).taskDefinitionKey(TASK_NOTER_SEANCE).list())
                .hasSize(2).extracting(Task::getDueDate).containsOnly(DATE_COMITE);
    }

    private ProcessDefinition deploy(String resource) {
        String id = repositoryService().createDeployment().addClasspathResource(resource).deploy().getId();
        deployments.add(id);
        return repositoryService().createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    private static ProcessInstance start(ProcessDefinition definition, long communId) {
        return runtimeService().startProcessInstanceById(definition.getId(), businessKey(communId),
                startVariables(communId, 7L, DATE_LIMITE_DEPOT));
    }

    private static void assertDueInDays(Task task, int days) {
        Assertions.assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
                .isCloseTo(Date.from(NOW.plus(Duration.ofDays(days))), ONE_HOUR_MS);
    }
}
