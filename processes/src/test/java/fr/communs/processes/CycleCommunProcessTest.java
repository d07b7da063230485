package fr.communs.processes;

import static fr.communs.processes.CycleCommunProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.Rappel;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Deployment(resources = CycleCommunProcess.RESOURCE)
class CycleCommunProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long COMMUN_ID = 42L;
    private static final long STRUCTURE_ID = 7L;
    private static final String PORTEUR_GROUP = "structure-7";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date DATE_LIMITE_DEPOT = Date.from(NOW.plus(Duration.ofDays(30)));
    /** Due date of the compléments chosen by the instructeur: 10 days after the request, at 17:00 UTC. */
    private static final Date DATE_LIMITE_COMPLEMENTS = Date.from(Instant.parse("2026-03-12T17:00:00Z"));
    /** 3 days before {@link #DATE_LIMITE_COMPLEMENTS}. */
    private static final Date DATE_RAPPEL_COMPLEMENTS = Date.from(Instant.parse("2026-03-09T17:00:00Z"));
    private static final String INSTRUCTEUR = "agent-12";
    /** The séance the file is put on, 45 days after {@link #NOW}. */
    private static final long SEANCE_ID = 5L;
    private static final Date DEBUT_SEANCE = Date.from(Instant.parse("2026-04-16T14:00:00Z"));
    /** The séance after it, a month later. */
    private static final long SEANCE_SUIVANTE_ID = 6L;
    private static final Date DEBUT_SEANCE_SUIVANTE = Date.from(Instant.parse("2026-05-21T09:30:00Z"));
    private static final List<String> MEMBRES = List.of("alice", "bob");
    /** Where a file waits for its notes: the multi-instance body and its "Noter l'audition" tasks. */
    private static final String[] NOTER_SEANCE = {TASK_NOTER_SEANCE + "#multiInstanceBody", TASK_NOTER_SEANCE};
    /** Calendar days may be 23 or 25 hours long around a DST change in the JVM's time zone. */
    private static final long ONE_HOUR_MS = Duration.ofHours(1).toMillis();

    private final RecordingActions actions = new RecordingActions();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("cloreDepotDelegate", new CloreDepotDelegate(actions));
        Mocks.register("rappelDepotDelegate", new RappelDepotDelegate(actions));
        Mocks.register("rappelComplementsDelegate", new RappelComplementsDelegate(actions));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------- paths

    @Test
    void idea_transmitted_then_receivable_then_adopted_reaches_laureate() {
        ProcessInstance pi = start();
        assertThat(pi).isStarted().isWaitingAt(TASK_CONSTITUER_GROUPEMENT);
        assertThat(task(TASK_CONSTITUER_GROUPEMENT, pi)).hasCandidateGroup(PORTEUR_GROUP).isNotAssigned();
        Assertions.assertThat(pi.getBusinessKey()).isEqualTo("commun-42");

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        assertThat(pi).isWaitingAt(TASK_INSTRUIRE);
        assertThat(task(TASK_INSTRUIRE, pi)).hasCandidateGroup(GROUP_AGENTS);

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE);

        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_AUDITION);
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));
        List<Task> auditions = auditionTasks(pi);
        Assertions.assertThat(auditions).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(MEMBRES);
        auditions.forEach(CycleCommunProcessTest::noter);
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        correlate(MSG_SEANCE_CLOSE, Map.of());
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE);
        assertThat(task(TASK_VOTE_ASSEMBLEE, pi)).hasCandidateGroup(GROUP_AGENTS);

        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
        assertThat(pi).isWaitingAt(TASK_DEPOSER_LIVRABLE);
        assertThat(task(TASK_DEPOSER_LIVRABLE, pi)).hasCandidateGroup(PORTEUR_GROUP);

        complete(task(TASK_DEPOSER_LIVRABLE, pi));
        assertThat(pi).isEnded()
                .hasPassedInOrder(MILESTONES.toArray(String[]::new))
                .hasPassedInOrder(TASK_ATTENDRE_SEANCE, TASK_ATTENDRE_AUDITION, TASK_NOTER_SEANCE, TASK_AVIS_SEANCE,
                        GATEWAY_AVIS_COMITE, TASK_ATTENDRE_CLOTURE, TASK_VOTE_ASSEMBLEE)
                .hasPassed(GATEWAY_RECEVABLE, GATEWAY_VOTE)
                .hasNotPassed(TIMER_FIN_DEPOT, TASK_CLORE_DEPOT, TASK_COMPLETER_DOSSIER, EVENT_RETIRE_DE_SEANCE,
                        TASK_RAPPELER_MEMBRES_7_JOURS, TASK_RAPPELER_MEMBRES_2_JOURS);
        Assertions.assertThat(noterPassages(pi)).isEqualTo(2);
        Assertions.assertThat(actions.closedDeposits).isEmpty();
        Assertions.assertThat(actions.comiteRequests).as("the séance says who scores, not a delegate").isEmpty();
    }

    // ---------------------------------------------------------------- comité séances

    @Test
    void a_recevable_file_waits_for_a_seance_with_nothing_to_do_for_anyone() {
        ProcessInstance pi = startAndTransmit();

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));

        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE).hasPassed(GATEWAY_RECEVABLE);
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("no job, no timer").isZero();
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).list())
                .as("the message it waits for").singleElement()
                .satisfies(sub -> Assertions.assertThat(sub.getEventName()).isEqualTo(MSG_CONVOQUE));
    }

    @Test
    void convoked_file_is_heard_when_its_seance_opens_scored_by_the_present_members_then_waits_for_the_close() {
        ProcessInstance pi = untilSeance();

        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_AUDITION).variables()
                .containsEntry(VAR_SEANCE_ID, SEANCE_ID)
                .containsEntry(VAR_DATE_AUDITION, DEBUT_SEANCE)
                .containsEntry(VAR_DATE_AVIS_COMITE, avisComiteDate(DEBUT_SEANCE));
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).as("convoqué: nothing to do yet")
                .isZero();

        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(List.of("alice", "bob", "carole")));
        assertThat(pi).isWaitingAtExactly(NOTER_SEANCE)
                .variables().containsEntry(VAR_MEMBRES_COMITE, List.of("alice", "bob", "carole"));
        List<Task> auditions = auditionTasks(pi);
        Assertions.assertThat(auditions).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("alice", "bob", "carole");
        Assertions.assertThat(auditions).extracting(Task::getName).containsOnly("Noter l'audition");

        noter(auditions.get(0));
        noter(auditions.get(1));
        assertThat(pi).as("the avis waits for every note").isWaitingAtExactly(NOTER_SEANCE);
        noter(auditions.get(2));
        assertThat(pi).isWaitingAtExactly(TASK_AVIS_SEANCE);
        assertThat(task(TASK_AVIS_SEANCE, pi)).hasCandidateGroup(GROUP_AGENTS).isNotAssigned();

        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_CLOTURE).hasPassed(GATEWAY_AVIS_COMITE)
                .variables().containsEntry(VAR_AVIS_COMITE, "FAVORABLE");
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count())
                .as("no vote before the séance closes").isZero();

        correlate(MSG_SEANCE_CLOSE, Map.of());
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE)
                .hasPassedInOrder(TASK_ATTENDRE_SEANCE, TASK_ATTENDRE_AUDITION, TASK_NOTER_SEANCE, TASK_AVIS_SEANCE,
                        GATEWAY_AVIS_COMITE, TASK_ATTENDRE_CLOTURE)
                .hasNotPassed(EVENT_RETIRE_DE_SEANCE);
        assertThat(task(TASK_VOTE_ASSEMBLEE, pi)).hasCandidateGroup(GROUP_AGENTS);
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_SEANCE)).isEqualTo(1);
        Assertions.assertThat(noterPassages(pi)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAVORABLE", "RESERVE", "DEFAVORABLE"})
    void every_avis_but_ajourne_goes_to_the_assemblee_once_the_seance_closes(String avis) {
        ProcessInstance pi = untilAvis(MEMBRES);

        complete(task(TASK_AVIS_SEANCE, pi), avisComite(avis));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_CLOTURE);
        correlate(MSG_SEANCE_CLOSE, Map.of());

        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE).variables().containsEntry(VAR_AVIS_COMITE, avis);
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_SEANCE)).isEqualTo(1);
    }

    @Test
    void file_ajourne_in_seance_waits_for_a_following_seance_and_is_heard_again_there() {
        ProcessInstance pi = untilAvis(MEMBRES);

        complete(task(TASK_AVIS_SEANCE, pi), avisComite(AVIS_AJOURNE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE).hasPassed(GATEWAY_AVIS_COMITE)
                .hasNotPassed(TASK_ATTENDRE_CLOTURE, TASK_VOTE_ASSEMBLEE);
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThatThrownBy(() -> correlate(MSG_SEANCE_CLOSE, Map.of()))
                .as("the close of the séance it was ajourné in does not send it to the Assemblée")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        correlate(MSG_CONVOQUE, convocation(SEANCE_SUIVANTE_ID, DEBUT_SEANCE_SUIVANTE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_AUDITION).variables()
                .containsEntry(VAR_SEANCE_ID, SEANCE_SUIVANTE_ID)
                .containsEntry(VAR_DATE_AUDITION, DEBUT_SEANCE_SUIVANTE);
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(List.of("carole")));
        Assertions.assertThat(auditionTasks(pi)).singleElement().satisfies(t -> {
            Assertions.assertThat(t.getAssignee()).isEqualTo("carole");
            Assertions.assertThat(t.getDueDate()).as("due on the new séance's day").isEqualTo(DEBUT_SEANCE_SUIVANTE);
        });
        noter(auditionTasks(pi).get(0));
        Assertions.assertThat(task(TASK_AVIS_SEANCE, pi).getDueDate()).isEqualTo(avisComiteDate(DEBUT_SEANCE_SUIVANTE));
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("RESERVE"));
        correlate(MSG_SEANCE_CLOSE, Map.of());

        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE).variables().containsEntry(VAR_AVIS_COMITE, "RESERVE");
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_SEANCE)).isEqualTo(2);
        Assertions.assertThat(passages(pi, TASK_AVIS_SEANCE)).isEqualTo(2);
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_CLOTURE)).isEqualTo(1);
        Assertions.assertThat(noterPassages(pi)).as("two notes at the first séance, one at the second").isEqualTo(3);
    }

    @Test
    void file_taken_off_its_seance_before_the_audition_waits_for_another_seance() {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));

        correlate(MSG_RETIRE_DE_SEANCE, Map.of());

        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE).hasPassed(EVENT_RETIRE_DE_SEANCE)
                .hasNotPassed(TASK_NOTER_SEANCE);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_ATTENDRE_AUDITION).singleResult().isCanceled())
                .as("the wait for the audition was interrupted").isTrue();
        assertThatThrownBy(() -> correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES)))
                .as("its former séance opening does not hear it")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlate(MSG_RETIRE_DE_SEANCE, Map.of()))
                .as("it is on no séance to be taken off")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();

        correlate(MSG_CONVOQUE, convocation(SEANCE_SUIVANTE_ID, DEBUT_SEANCE_SUIVANTE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));
        assertThat(pi).isWaitingAtExactly(NOTER_SEANCE).variables().containsEntry(VAR_SEANCE_ID, SEANCE_SUIVANTE_ID);
        Assertions.assertThat(auditionTasks(pi)).hasSize(2).extracting(Task::getDueDate)
                .containsOnly(DEBUT_SEANCE_SUIVANTE);
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_SEANCE)).isEqualTo(2);
        Assertions.assertThat(passages(pi, TASK_ATTENDRE_AUDITION)).isEqualTo(2);
    }

    @Test
    void messages_of_a_seance_the_file_left_no_longer_reach_it_once_it_is_on_another_seance() {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlationSeance(runtimeService(), MSG_RETIRE_DE_SEANCE, COMMUN_ID, SEANCE_ID).correlate();
        correlate(MSG_CONVOQUE, convocation(SEANCE_SUIVANTE_ID, DEBUT_SEANCE_SUIVANTE));

        assertThatThrownBy(() -> correlationSeance(runtimeService(), MSG_AUDITION_OUVERTE, COMMUN_ID, SEANCE_ID)
                .setVariables(auditionOuverte(MEMBRES)).correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlationSeance(runtimeService(), MSG_RETIRE_DE_SEANCE, COMMUN_ID, SEANCE_ID)
                .correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_AUDITION);

        correlationSeance(runtimeService(), MSG_AUDITION_OUVERTE, COMMUN_ID, SEANCE_SUIVANTE_ID)
                .setVariables(auditionOuverte(List.of("carole"))).correlate();
        completeAll(auditionTasks(pi));
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        assertThatThrownBy(() -> correlationSeance(runtimeService(), MSG_SEANCE_CLOSE, COMMUN_ID, SEANCE_ID)
                .correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_CLOTURE);
        correlationSeance(runtimeService(), MSG_SEANCE_CLOSE, COMMUN_ID, SEANCE_SUIVANTE_ID).correlate();
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE);
    }

    @Test
    void a_withdrawn_notation_closes_that_members_task_without_holding_back_the_avis() {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(List.of("alice", "bob", "carole")));
        noter(auditionTask(pi, "alice"));
        String bobTask = auditionTask(pi, "bob").getId();

        retirerNotation(taskService(), bobTask);
        executerContinuations(pi.getId());

        assertThat(pi).isWaitingAtExactly(NOTER_SEANCE);
        Assertions.assertThat(auditionTasks(pi)).extracting(Task::getAssignee).containsExactly("carole");
        noter(auditionTask(pi, "carole"));
        assertThat(pi).isWaitingAtExactly(TASK_AVIS_SEANCE);
        Assertions.assertThat(runtimeService().getVariables(pi.getId()))
                .as("the withdrawal stays with the member's task").doesNotContainKey(VAR_NOTATION_RETIREE);
        List<HistoricVariableInstance> retirees = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(VAR_NOTATION_RETIREE).list();
        Assertions.assertThat(retirees).singleElement().satisfies(v -> {
            Assertions.assertThat(v.getTaskId()).isEqualTo(bobTask);
            Assertions.assertThat(v.getValue()).isEqualTo(Boolean.TRUE);
        });

        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_CLOTURE);
    }

    @Test
    void every_notation_withdrawn_still_leads_to_the_avis() {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));

        auditionTasks(pi).forEach(t -> retirerNotation(taskService(), t.getId()));
        executerContinuations(pi.getId());

        assertThat(pi).isWaitingAtExactly(TASK_AVIS_SEANCE);
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(VAR_NOTATION_RETIREE).count()).isEqualTo(2);
    }

    @Test
    void an_audition_opened_without_any_member_goes_straight_to_the_avis() {
        // The séance opens an audition only with quorum (SeanceActions.openAuditions); the process itself does not
        // wait for notes nobody is asked for.
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));

        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(List.of()));

        assertThat(pi).isWaitingAtExactly(TASK_AVIS_SEANCE);
        Assertions.assertThat(noterPassages(pi)).isZero();
    }

    @Test
    void the_notes_are_due_on_the_seance_day_and_the_avis_a_week_after() {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));

        Assertions.assertThat(auditionTasks(pi)).hasSize(2).extracting(Task::getDueDate).containsOnly(DEBUT_SEANCE);
        completeAll(auditionTasks(pi));

        Date avisDue = Date.from(Instant.parse("2026-04-23T14:00:00Z"));
        Assertions.assertThat(avisComiteDate(DEBUT_SEANCE)).isEqualTo(avisDue);
        Assertions.assertThat(task(TASK_AVIS_SEANCE, pi).getDueDate()).isEqualTo(avisDue);
    }

    @Test
    void the_close_of_a_seance_is_refused_by_a_file_not_waiting_for_it() {
        ProcessInstance pi = startAndTransmit();
        assertCloseRefused(pi, TASK_INSTRUIRE);

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        assertCloseRefused(pi, TASK_ATTENDRE_SEANCE);
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        assertCloseRefused(pi, TASK_ATTENDRE_AUDITION);
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));
        assertCloseRefused(pi, NOTER_SEANCE);
        completeAll(auditionTasks(pi));
        assertCloseRefused(pi, TASK_AVIS_SEANCE);
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));

        correlate(MSG_SEANCE_CLOSE, Map.of());
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE);
        assertCloseRefused(pi, TASK_VOTE_ASSEMBLEE);
        Assertions.assertThat(passages(pi, TASK_VOTE_ASSEMBLEE)).as("closed once, voted once").isEqualTo(1);
    }

    @Test
    void each_seance_message_is_refused_where_the_file_does_not_wait_for_it() {
        ProcessInstance pi = startAndTransmit();
        for (String message : List.of(MSG_CONVOQUE, MSG_AUDITION_OUVERTE, MSG_RETIRE_DE_SEANCE)) {
            assertThatThrownBy(() -> correlate(message, Map.of())).as("%s during the instruction", message)
                    .isInstanceOf(MismatchingMessageCorrelationException.class);
        }
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        assertThatThrownBy(() -> correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES)))
                .as("heard without being convoqué").isInstanceOf(MismatchingMessageCorrelationException.class);

        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        assertThatThrownBy(() -> correlate(MSG_CONVOQUE, convocation(SEANCE_SUIVANTE_ID, DEBUT_SEANCE_SUIVANTE)))
                .as("on two séances at once").isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_AUDITION).variables().containsEntry(VAR_SEANCE_ID, SEANCE_ID);

        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));
        assertThatThrownBy(() -> correlate(MSG_RETIRE_DE_SEANCE, Map.of()))
                .as("taken off once heard").isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlate(MSG_AUDITION_OUVERTE, auditionOuverte(List.of("carole"))))
                .as("heard twice").isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAtExactly(NOTER_SEANCE);
        Assertions.assertThat(auditionTasks(pi)).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(MEMBRES);
    }

    @Test
    void deposit_deadline_passing_closes_the_deposit_without_transmission() {
        ProcessInstance pi = start();

        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count())
                .as("the deadline and the two reminders").isEqualTo(3);
        Job timer = jobQuery().processInstanceId(pi.getId()).timers().activityId(TIMER_FIN_DEPOT).singleResult();
        Assertions.assertThat(timer).as("the %s timer job", TIMER_FIN_DEPOT).isNotNull();
        assertThat(timer).hasDueDate(DATE_LIMITE_DEPOT);

        execute(timer);
        assertThat(pi).isWaitingAt(TASK_CLORE_DEPOT);
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count())
                .as("the porteur's task is interrupted").isZero();
        Assertions.assertThat(actions.closedDeposits).as("closed by a job, not by the timer itself").isEmpty();
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count())
                .as("the reminder timers went with the porteur's task").isZero();

        execute(job(TASK_CLORE_DEPOT, pi));
        Assertions.assertThat(actions.closedDeposits).containsExactly(COMMUN_ID);
        assertThat(pi).isEnded()
                .hasPassedInOrder(START_IDEE_DEPOSEE, TIMER_FIN_DEPOT, TASK_CLORE_DEPOT, END_DEPOT_CLOS)
                .hasNotPassed(TASK_INSTRUIRE);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                        .activityId(TASK_CONSTITUER_GROUPEMENT).singleResult().isCanceled())
                .as("the porteur's task was cancelled, not completed").isTrue();
    }

    @Test
    void a_closed_deposit_reopened_waits_again_at_the_porteur_task_with_the_new_deadline_and_its_reminders() {
        ProcessInstance closed = start();
        execute(timer(closed, TIMER_FIN_DEPOT));
        execute(job(TASK_CLORE_DEPOT, closed));
        assertThat(closed).isEnded().hasPassed(END_DEPOT_CLOS);

        Date newDeadline = Date.from(NOW.plus(Duration.ofDays(20)));
        ProcessInstance pi = reopenDeposit(runtimeService(), COMMUN_ID, STRUCTURE_ID, newDeadline);

        Assertions.assertThat(pi.getBusinessKey()).isEqualTo(businessKey(COMMUN_ID));
        assertThat(pi).isWaitingAtExactly(TASK_CONSTITUER_GROUPEMENT).hasNotPassed(START_IDEE_DEPOSEE)
                .variables().containsEntry(VAR_COMMUN_ID, COMMUN_ID).containsEntry(VAR_PORTEUR_GROUP, PORTEUR_GROUP)
                .containsEntry(VAR_DATE_LIMITE_DEPOT, newDeadline).containsEntry(VAR_DATE_PUBLICATION, Date.from(NOW));
        assertThat(task(TASK_CONSTITUER_GROUPEMENT, pi)).hasCandidateGroup(PORTEUR_GROUP).hasDueDate(newDeadline);
        assertThat(timer(pi, TIMER_FIN_DEPOT)).hasDueDate(newDeadline);
        for (Rappel rappel : Rappel.values()) {
            assertThat(timer(pi, rappel.timerId())).hasDueDate(reminderDate(newDeadline, rappel.joursAvant()));
        }

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        assertThat(pi).isWaitingAt(TASK_INSTRUIRE);
        Assertions.assertThat(actions.closedDeposits).containsExactly(COMMUN_ID);
    }

    @Test
    void transmission_before_the_deadline_cancels_the_deposit_and_reminder_timers() {
        ProcessInstance pi = start();
        Assertions.assertThat(pendingTimers(pi, false))
                .containsExactlyInAnyOrder(TIMER_FIN_DEPOT, TIMER_RAPPEL_7_JOURS, TIMER_RAPPEL_2_JOURS);

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));

        assertThat(pi).isWaitingAt(TASK_INSTRUIRE);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.closedDeposits).isEmpty();
        Assertions.assertThat(actions.reminders).isEmpty();
    }

    // ---------------------------------------------------------------- reminders before the deadline

    @Test
    void reminders_fire_seven_then_two_days_before_the_deadline_without_interrupting_the_porteur_task() {
        ProcessInstance pi = start();
        Job j7 = timer(pi, TIMER_RAPPEL_7_JOURS);
        Job j2 = timer(pi, TIMER_RAPPEL_2_JOURS);
        assertThat(j7).hasDueDate(Date.from(DATE_LIMITE_DEPOT.toInstant().minus(Duration.ofDays(7))));
        assertThat(j2).hasDueDate(Date.from(DATE_LIMITE_DEPOT.toInstant().minus(Duration.ofDays(2))));
        String porteurTask = task(TASK_CONSTITUER_GROUPEMENT, pi).getId();

        ClockUtil.setCurrentTime(j7.getDuedate());
        execute(j7);
        Assertions.assertThat(actions.reminders).as("sent by a job, not by the timer itself").isEmpty();
        execute(job(TASK_RAPPELER_MEMBRES_7_JOURS, pi));
        Assertions.assertThat(actions.reminders).containsExactly(new RecordingActions.Reminder(COMMUN_ID, DATE_LIMITE_DEPOT));
        assertThat(pi).isWaitingAtExactly(TASK_CONSTITUER_GROUPEMENT);
        Assertions.assertThat(task(TASK_CONSTITUER_GROUPEMENT, pi).getId()).as("the same task, not interrupted")
                .isEqualTo(porteurTask);
        Assertions.assertThat(pendingTimers(pi, false))
                .containsExactlyInAnyOrder(TIMER_FIN_DEPOT, TIMER_RAPPEL_2_JOURS);

        ClockUtil.setCurrentTime(j2.getDuedate());
        execute(timer(pi, TIMER_RAPPEL_2_JOURS));
        execute(job(TASK_RAPPELER_MEMBRES_2_JOURS, pi));
        Assertions.assertThat(actions.reminders).hasSize(2).allMatch(r -> r.communId() == COMMUN_ID);
        Assertions.assertThat(joursAvantPassed(pi)).as("%s of each reminder task, in order", VAR_JOURS_AVANT)
                .containsExactly(7, 2);
        assertThat(pi).isWaitingAtExactly(TASK_CONSTITUER_GROUPEMENT)
                .hasPassedInOrder(TIMER_RAPPEL_7_JOURS, TASK_RAPPELER_MEMBRES_7_JOURS, END_RAPPEL_7_JOURS_ENVOYE,
                        TIMER_RAPPEL_2_JOURS, TASK_RAPPELER_MEMBRES_2_JOURS, END_RAPPEL_2_JOURS_ENVOYE);
        Assertions.assertThat(task(TASK_CONSTITUER_GROUPEMENT, pi).getId()).isEqualTo(porteurTask);

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.closedDeposits).isEmpty();
    }

    @Test
    void transmission_between_the_two_reminders_cancels_the_pending_one() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(timer(pi, TIMER_RAPPEL_7_JOURS).getDuedate());
        execute(timer(pi, TIMER_RAPPEL_7_JOURS));
        execute(job(TASK_RAPPELER_MEMBRES_7_JOURS, pi));

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));

        assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE).hasNotPassed(TIMER_RAPPEL_2_JOURS);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.reminders).hasSize(1);
    }

    @Test
    void a_file_published_after_the_reminder_dates_is_not_reminded_of_what_it_just_did() {
        Date tomorrow = Date.from(NOW.plus(Duration.ofDays(1)));
        ProcessInstance pi = start(tomorrow);
        Assertions.assertThat(pendingTimers(pi, true))
                .as("reminder dates already past fire at once")
                .containsExactlyInAnyOrder(TIMER_RAPPEL_7_JOURS, TIMER_RAPPEL_2_JOURS);

        execute(timer(pi, TIMER_RAPPEL_7_JOURS));
        execute(job(TASK_RAPPELER_MEMBRES_7_JOURS, pi));
        execute(timer(pi, TIMER_RAPPEL_2_JOURS));
        execute(job(TASK_RAPPELER_MEMBRES_2_JOURS, pi));

        Assertions.assertThat(actions.reminders).as("both reminders were planned before the publication").isEmpty();
        assertThat(pi).isWaitingAtExactly(TASK_CONSTITUER_GROUPEMENT)
                .hasPassed(END_RAPPEL_7_JOURS_ENVOYE, END_RAPPEL_2_JOURS_ENVOYE);
    }

    @Test
    void a_reminder_still_pending_when_the_deposit_closes_is_dropped_and_the_file_ends_as_closed() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(timer(pi, TIMER_RAPPEL_2_JOURS).getDuedate());
        execute(timer(pi, TIMER_RAPPEL_2_JOURS));
        Job pendingReminder = job(TASK_RAPPELER_MEMBRES_2_JOURS, pi);

        ClockUtil.setCurrentTime(DATE_LIMITE_DEPOT);
        execute(timer(pi, TIMER_FIN_DEPOT));
        execute(job(TASK_CLORE_DEPOT, pi));

        Assertions.assertThat(actions.closedDeposits).containsExactly(COMMUN_ID);
        assertThat(pi).isEnded().hasNotPassed(END_RAPPEL_2_JOURS_ENVOYE);
        Assertions.assertThat(jobQuery().jobId(pendingReminder.getId()).count()).isZero();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getEndActivityId()).isEqualTo(END_DEPOT_CLOS);
        Assertions.assertThat(actions.reminders).isEmpty();
    }

    @Test
    void a_reminder_job_run_after_the_deadline_sends_nothing() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(timer(pi, TIMER_RAPPEL_2_JOURS).getDuedate());
        execute(timer(pi, TIMER_RAPPEL_2_JOURS));

        ClockUtil.setCurrentTime(Date.from(DATE_LIMITE_DEPOT.toInstant().plusSeconds(1)));
        execute(job(TASK_RAPPELER_MEMBRES_2_JOURS, pi));

        Assertions.assertThat(actions.reminders).isEmpty();
        assertThat(pi).hasPassed(END_RAPPEL_2_JOURS_ENVOYE).isWaitingAt(TASK_CONSTITUER_GROUPEMENT);
    }

    @Test
    void complements_requested_once_then_receivable_goes_to_the_comite() {
        ProcessInstance pi = startAndTransmit();

        requestComplements(pi);
        assertThat(pi).isWaitingAt(TASK_COMPLETER_DOSSIER);
        assertThat(task(TASK_COMPLETER_DOSSIER, pi)).hasCandidateGroup(PORTEUR_GROUP);

        complete(task(TASK_COMPLETER_DOSSIER, pi));
        assertThat(pi).isWaitingAt(TASK_INSTRUIRE);

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE)
                .hasPassedInOrder(TASK_INSTRUIRE, TASK_COMPLETER_DOSSIER, TASK_INSTRUIRE);
        Assertions.assertThat(passages(pi, TASK_INSTRUIRE)).isEqualTo(2);
        Assertions.assertThat(passages(pi, TASK_COMPLETER_DOSSIER)).isEqualTo(1);
    }

    @Test
    void complements_requested_twice_then_receivable_goes_to_the_comite() {
        ProcessInstance pi = startAndTransmit();

        for (int round = 0; round < 2; round++) {
            requestComplements(pi);
            assertThat(pi).isWaitingAtExactly(TASK_COMPLETER_DOSSIER);
            complete(task(TASK_COMPLETER_DOSSIER, pi));
            assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE);
        }
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));

        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE);
        Assertions.assertThat(passages(pi, TASK_INSTRUIRE)).isEqualTo(3);
        Assertions.assertThat(passages(pi, TASK_COMPLETER_DOSSIER)).isEqualTo(2);
    }

    @Test
    void dossier_not_receivable_ends_the_cycle() {
        ProcessInstance pi = startAndTransmit();

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.NON_RECEVABLE));

        assertThat(pi).isEnded().hasPassed(END_NON_RECEVABLE)
                .hasNotPassed(TASK_ATTENDRE_SEANCE, TASK_COMPLETER_DOSSIER);
        Assertions.assertThat(actions.comiteRequests).isEmpty();
    }

    @Test
    void subsidy_rejected_by_the_assemblee_ends_the_cycle() {
        ProcessInstance pi = untilVote();

        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.REJETE));

        assertThat(pi).isEnded().hasPassed(END_REJETE).hasNotPassed(TASK_DEPOSER_LIVRABLE, END_LAUREAT);
    }

    @Test
    void vote_postponed_waits_for_a_new_vote_then_adopted_reaches_laureate() {
        ProcessInstance pi = untilVote();

        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.AJOURNE));
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE);
        Assertions.assertThat(passages(pi, TASK_VOTE_ASSEMBLEE)).isEqualTo(2);

        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
        assertThat(pi).isWaitingAt(TASK_DEPOSER_LIVRABLE);
        complete(task(TASK_DEPOSER_LIVRABLE, pi));
        assertThat(pi).isEnded().hasPassed(END_LAUREAT).hasNotPassed(END_REJETE);
    }

    @Test
    void due_dates_follow_the_deadline_and_the_durations_of_each_step() {
        ProcessInstance pi = start();
        Assertions.assertThat(task(TASK_CONSTITUER_GROUPEMENT, pi).getDueDate()).isEqualTo(DATE_LIMITE_DEPOT);

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        assertDueInDays(task(TASK_INSTRUIRE, pi), 21);

        requestComplements(pi);
        Assertions.assertThat(task(TASK_COMPLETER_DOSSIER, pi).getDueDate()).isEqualTo(DATE_LIMITE_COMPLEMENTS);
        complete(task(TASK_COMPLETER_DOSSIER, pi));

        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(MEMBRES));
        auditionTasks(pi).forEach(t -> Assertions.assertThat(t.getDueDate()).isEqualTo(DEBUT_SEANCE));
        completeAll(auditionTasks(pi));

        Assertions.assertThat(task(TASK_AVIS_SEANCE, pi).getDueDate())
                .isEqualTo(Date.from(DEBUT_SEANCE.toInstant().plus(AVIS_APRES_COMITE)));
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        ClockUtil.setCurrentTime(DEBUT_SEANCE);
        correlate(MSG_SEANCE_CLOSE, Map.of());
        Assertions.assertThat(task(TASK_VOTE_ASSEMBLEE, pi).getDueDate()).as("90 days after the séance closed")
                .isCloseTo(Date.from(DEBUT_SEANCE.toInstant().plus(Duration.ofDays(90))), ONE_HOUR_MS);
        ClockUtil.setCurrentTime(Date.from(NOW));
        complete(task(TASK_VOTE_ASSEMBLEE, pi), vote(ResultatVote.ADOPTE));
        assertDueInDays(task(TASK_DEPOSER_LIVRABLE, pi), 365);
    }

    // ---------------------------------------------------------------- instructeur and compléments

    @Test
    void instruction_task_is_offered_to_all_agents_while_no_instructeur_has_taken_the_file() {
        ProcessInstance pi = startAndTransmit();

        assertThat(task(TASK_INSTRUIRE, pi)).isNotAssigned().hasCandidateGroup(GROUP_AGENTS);
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), VAR_INSTRUCTEUR)).isNull();
    }

    @Test
    void instruction_task_is_assigned_to_the_instructeur_already_known_when_the_file_arrives() {
        ProcessInstance pi = start();
        runtimeService().setVariables(pi.getId(), CycleCommunProcess.instructeur(INSTRUCTEUR));

        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));

        assertThat(task(TASK_INSTRUIRE, pi)).isAssignedTo(INSTRUCTEUR).hasCandidateGroupAssociated(GROUP_AGENTS);
    }

    @Test
    void complements_task_goes_to_the_porteur_due_at_the_date_chosen_by_the_instructeur() {
        ProcessInstance pi = startAndTransmit();
        takeFile(pi, INSTRUCTEUR);

        requestComplements(pi);

        assertThat(pi).isWaitingAtExactly(TASK_COMPLETER_DOSSIER)
                .variables().containsEntry(VAR_DATE_LIMITE_COMPLEMENTS, DATE_LIMITE_COMPLEMENTS)
                .containsEntry(VAR_DATE_RAPPEL_COMPLEMENTS, DATE_RAPPEL_COMPLEMENTS);
        Task completer = task(TASK_COMPLETER_DOSSIER, pi);
        assertThat(completer).hasCandidateGroup(PORTEUR_GROUP).isNotAssigned();
        Assertions.assertThat(completer.getDueDate()).isEqualTo(DATE_LIMITE_COMPLEMENTS);
        assertThat(timer(pi, TIMER_RAPPEL_COMPLEMENTS)).hasDueDate(DATE_RAPPEL_COMPLEMENTS);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("only the reminder timer")
                .isEqualTo(1);
    }

    @Test
    void complements_without_a_due_date_are_refused_and_the_file_stays_with_the_instructeur() {
        ProcessInstance pi = startAndTransmit();
        Task instruire = task(TASK_INSTRUIRE, pi);

        assertThatThrownBy(() -> complete(instruire, decision(DecisionInstruction.COMPLEMENTS)))
                .hasStackTraceContaining("Cannot resolve identifier 'date").hasStackTraceContaining("Complements'");

        assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE).hasNotPassed(TASK_COMPLETER_DOSSIER);
        Assertions.assertThat(task(TASK_INSTRUIRE, pi).getId()).isEqualTo(instruire.getId());
    }

    @Test
    void complements_reminder_fires_at_its_date_not_before_and_reminds_the_porteur_once() {
        ProcessInstance pi = startAndTransmit();
        requestComplements(pi);
        String porteurTask = task(TASK_COMPLETER_DOSSIER, pi).getId();

        ClockUtil.setCurrentTime(Date.from(DATE_RAPPEL_COMPLEMENTS.toInstant().minusSeconds(1)));
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due a second before the reminder date").isZero();

        ClockUtil.setCurrentTime(DATE_RAPPEL_COMPLEMENTS);
        Job timer = jobQuery().processInstanceId(pi.getId()).executable().singleResult();
        Assertions.assertThat(timer).isNotNull();
        Assertions.assertThat(timer.getId()).isEqualTo(timer(pi, TIMER_RAPPEL_COMPLEMENTS).getId());
        execute(timer);
        Assertions.assertThat(actions.complementsReminders).as("sent by a job, not by the timer itself").isEmpty();
        execute(job(TASK_RAPPELER_COMPLEMENTS, pi));

        Assertions.assertThat(actions.complementsReminders)
                .containsExactly(new RecordingActions.Reminder(COMMUN_ID, DATE_LIMITE_COMPLEMENTS));
        Assertions.assertThat(actions.reminders).as("not the deposit reminders").isEmpty();
        assertThat(pi).isWaitingAtExactly(TASK_COMPLETER_DOSSIER)
                .hasPassedInOrder(TIMER_RAPPEL_COMPLEMENTS, TASK_RAPPELER_COMPLEMENTS, END_RAPPEL_COMPLEMENTS);
        Assertions.assertThat(task(TASK_COMPLETER_DOSSIER, pi).getId()).as("the same task, not interrupted")
                .isEqualTo(porteurTask);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("a single reminder").isZero();
    }

    @Test
    void answer_after_the_reminder_returns_the_file_to_the_same_instructeur() {
        ProcessInstance pi = startAndTransmit();
        takeFile(pi, INSTRUCTEUR);
        requestComplements(pi);
        ClockUtil.setCurrentTime(DATE_RAPPEL_COMPLEMENTS);
        execute(timer(pi, TIMER_RAPPEL_COMPLEMENTS));
        execute(job(TASK_RAPPELER_COMPLEMENTS, pi));

        complete(task(TASK_COMPLETER_DOSSIER, pi));

        assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE);
        assertThat(task(TASK_INSTRUIRE, pi)).isAssignedTo(INSTRUCTEUR).hasCandidateGroupAssociated(GROUP_AGENTS);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(actions.complementsReminders).hasSize(1);
    }

    @Test
    void answer_before_the_reminder_leaves_no_reminder_job() {
        ProcessInstance pi = startAndTransmit();
        takeFile(pi, INSTRUCTEUR);
        requestComplements(pi);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(2))));

        complete(task(TASK_COMPLETER_DOSSIER, pi));

        assertThat(pi).isWaitingAtExactly(TASK_INSTRUIRE).hasNotPassed(TIMER_RAPPEL_COMPLEMENTS);
        assertThat(task(TASK_INSTRUIRE, pi)).isAssignedTo(INSTRUCTEUR);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        ClockUtil.setCurrentTime(DATE_LIMITE_COMPLEMENTS);
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        Assertions.assertThat(actions.complementsReminders).isEmpty();
    }

    @Test
    void file_released_by_its_instructeur_comes_back_unassigned() {
        ProcessInstance pi = startAndTransmit();
        takeFile(pi, INSTRUCTEUR);
        requestComplements(pi);
        runtimeService().setVariables(pi.getId(), CycleCommunProcess.instructeur(null));

        complete(task(TASK_COMPLETER_DOSSIER, pi));

        assertThat(task(TASK_INSTRUIRE, pi)).isNotAssigned().hasCandidateGroup(GROUP_AGENTS);
    }

    @Test
    void second_request_for_complements_has_its_own_due_date_and_reminder() {
        ProcessInstance pi = startAndTransmit();
        takeFile(pi, INSTRUCTEUR);
        requestComplements(pi);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(1))));
        complete(task(TASK_COMPLETER_DOSSIER, pi));

        Date secondDueDate = Date.from(Instant.parse("2026-03-20T17:00:00Z"));
        complete(task(TASK_INSTRUIRE, pi), complements(ClockUtil.getCurrentTime(), secondDueDate));

        Assertions.assertThat(task(TASK_COMPLETER_DOSSIER, pi).getDueDate()).isEqualTo(secondDueDate);
        assertThat(timer(pi, TIMER_RAPPEL_COMPLEMENTS))
                .hasDueDate(Date.from(Instant.parse("2026-03-17T17:00:00Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-17T17:00:00Z")));
        execute(timer(pi, TIMER_RAPPEL_COMPLEMENTS));
        execute(job(TASK_RAPPELER_COMPLEMENTS, pi));
        Assertions.assertThat(actions.complementsReminders)
                .containsExactly(new RecordingActions.Reminder(COMMUN_ID, secondDueDate));

        complete(task(TASK_COMPLETER_DOSSIER, pi));
        assertThat(task(TASK_INSTRUIRE, pi)).isAssignedTo(INSTRUCTEUR);
        Assertions.assertThat(passages(pi, TASK_COMPLETER_DOSSIER)).isEqualTo(2);
    }

    @Test
    void near_due_date_puts_the_complements_reminder_half_way() {
        ProcessInstance pi = startAndTransmit();
        Date inTwoHours = Date.from(NOW.plus(Duration.ofHours(2)));

        complete(task(TASK_INSTRUIRE, pi), complements(Date.from(NOW), inTwoHours));

        Job timer = timer(pi, TIMER_RAPPEL_COMPLEMENTS);
        assertThat(timer).hasDueDate(Date.from(NOW.plus(Duration.ofHours(1))));
        Assertions.assertThat(task(TASK_COMPLETER_DOSSIER, pi).getDueDate()).isEqualTo(inTwoHours);
    }

    // ---------------------------------------------------------------- model

    @Test
    void every_constant_names_an_element_of_the_deployed_model_with_a_french_name() {
        var definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(definition.getName()).isEqualTo("Cycle d'un commun");
        Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());

        List<String> ids = List.of(START_IDEE_DEPOSEE, TASK_CONSTITUER_GROUPEMENT, TIMER_FIN_DEPOT, TASK_CLORE_DEPOT,
                END_DEPOT_CLOS, TIMER_RAPPEL_7_JOURS, TASK_RAPPELER_MEMBRES_7_JOURS, END_RAPPEL_7_JOURS_ENVOYE,
                TIMER_RAPPEL_2_JOURS, TASK_RAPPELER_MEMBRES_2_JOURS, END_RAPPEL_2_JOURS_ENVOYE, TASK_INSTRUIRE, GATEWAY_RECEVABLE, TASK_COMPLETER_DOSSIER, END_NON_RECEVABLE,
                TIMER_RAPPEL_COMPLEMENTS, TASK_RAPPELER_COMPLEMENTS, END_RAPPEL_COMPLEMENTS,
                TASK_ATTENDRE_SEANCE, TASK_ATTENDRE_AUDITION, EVENT_RETIRE_DE_SEANCE, TASK_NOTER_SEANCE, TASK_AVIS_SEANCE,
                GATEWAY_AVIS_COMITE, TASK_ATTENDRE_CLOTURE, TASK_VOTE_ASSEMBLEE, GATEWAY_VOTE,
                TASK_DEPOSER_LIVRABLE, END_LAUREAT, END_REJETE);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class))
                .extracting(FlowElement::getId).containsExactlyInAnyOrderElementsOf(ids);
        Assertions.assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> Assertions.assertThat(node.getName()).isNotBlank());
        Assertions.assertThat(model.getModelElementsByType(SequenceFlow.class))
                .extracting(FlowElement::getId).allMatch(id -> id.matches("Flow_[A-Z][A-Za-z0-9]+"));
        Assertions.assertThat(REMINDER_ELEMENTS).allMatch(id -> model.getModelElementById(id) != null);
        for (Rappel rappel : Rappel.values()) {
            BoundaryEvent timer = model.getModelElementById(rappel.timerId());
            Assertions.assertThat(timer.cancelActivity()).as("%s does not interrupt", rappel.timerId()).isFalse();
            Assertions.assertThat(timer.getAttachedTo().getId()).isEqualTo(TASK_CONSTITUER_GROUPEMENT);
            Assertions.assertThat(timer.getOutgoing()).singleElement()
                    .satisfies(flow -> Assertions.assertThat(flow.getTarget().getId()).isEqualTo(rappel.taskId()));
            ServiceTask reminder = model.getModelElementById(rappel.taskId());
            Assertions.assertThat(reminder.isCamundaAsyncBefore()).isTrue();
            Assertions.assertThat(reminder.getCamundaDelegateExpression()).isEqualTo("${rappelDepotDelegate}");
            Assertions.assertThat(reminder.getName()).endsWith("(J-" + rappel.joursAvant() + ")");
            Assertions.assertThat(reminder.getOutgoing()).singleElement()
                    .satisfies(flow -> Assertions.assertThat(flow.getTarget().getId()).isEqualTo(rappel.endId()));
        }
        BoundaryEvent finDepot = model.getModelElementById(TIMER_FIN_DEPOT);
        Assertions.assertThat(finDepot.cancelActivity()).isTrue();

        UserTask instruire = model.getModelElementById(TASK_INSTRUIRE);
        Assertions.assertThat(instruire.getCamundaAssignee()).isEqualTo("${execution.getVariable('instructeur')}");
        Assertions.assertThat(instruire.getCamundaCandidateGroups()).isEqualTo(GROUP_AGENTS);
        UserTask completer = model.getModelElementById(TASK_COMPLETER_DOSSIER);
        Assertions.assertThat(completer.getCamundaDueDate()).isEqualTo("${dateLimiteComplements}");
        assertSeanceElements(model);
        BoundaryEvent rappelComplements = model.getModelElementById(TIMER_RAPPEL_COMPLEMENTS);
        Assertions.assertThat(rappelComplements.cancelActivity()).isFalse();
        Assertions.assertThat(rappelComplements.getAttachedTo().getId()).isEqualTo(TASK_COMPLETER_DOSSIER);
        Assertions.assertThat(rappelComplements.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(TimerEventDefinition.class, timer -> Assertions.assertThat(
                        timer.getTimeDate().getTextContent()).isEqualTo("${dateRappelComplements}"));
        Assertions.assertThat(rappelComplements.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(TASK_RAPPELER_COMPLEMENTS));
        ServiceTask rappelerComplements = model.getModelElementById(TASK_RAPPELER_COMPLEMENTS);
        Assertions.assertThat(rappelerComplements.isCamundaAsyncBefore()).isTrue();
        Assertions.assertThat(rappelerComplements.getCamundaDelegateExpression())
                .isEqualTo("${rappelComplementsDelegate}");
        Assertions.assertThat(rappelerComplements.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(END_RAPPEL_COMPLEMENTS));
        Assertions.assertThat(model.getModelElementsByType(BpmnShape.class))
                .as("every flow node is drawn").extracting(shape -> shape.getBpmnElement().getId())
                .containsAll(ids);
        Assertions.assertThat(model.getModelElementsByType(BpmnEdge.class))
                .as("every sequence flow is drawn").extracting(edge -> edge.getBpmnElement().getId())
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(FlowElement::getId).toList());
        Assertions.assertThat(model.getModelElementsByType(SequenceFlow.class))
                .filteredOn(flow -> flow.getConditionExpression() != null)
                .extracting(FlowElement::getId, flow -> flow.getConditionExpression().getTextContent())
                .containsExactlyInAnyOrder(
                        tuple("Flow_Recevable", "${decisionInstruction == 'RECEVABLE'}"),
                        tuple("Flow_Complements", "${decisionInstruction == 'COMPLEMENTS'}"),
                        tuple("Flow_NonRecevable", "${decisionInstruction == 'NON_RECEVABLE'}"),
                        tuple("Flow_Adopte", "${resultatVote == 'ADOPTE'}"),
                        tuple("Flow_Rejete", "${resultatVote == 'REJETE'}"),
                        tuple("Flow_Ajourne", "${resultatVote == 'AJOURNE'}"),
                        tuple("Flow_AvisRendu", "${avisComite != '" + AVIS_AJOURNE + "'}"),
                        tuple("Flow_AvisAjourne", "${avisComite == '" + AVIS_AJOURNE + "'}"));
    }

    /** The séance part of the model: messages, receive tasks, the boundary, the multi-instance and the avis routing. */
    private static void assertSeanceElements(BpmnModelInstance model) {
        Assertions.assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder(MSG_CONVOQUE, MSG_AUDITION_OUVERTE, MSG_RETIRE_DE_SEANCE, MSG_SEANCE_CLOSE);
        Assertions.assertThat(model.getModelElementsByType(ReceiveTask.class))
                .extracting(FlowElement::getId, receive -> receive.getMessage().getName())
                .containsExactlyInAnyOrder(
                        tuple(TASK_ATTENDRE_SEANCE, MSG_CONVOQUE),
                        tuple(TASK_ATTENDRE_AUDITION, MSG_AUDITION_OUVERTE),
                        tuple(TASK_ATTENDRE_CLOTURE, MSG_SEANCE_CLOSE));
        BoundaryEvent retire = model.getModelElementById(EVENT_RETIRE_DE_SEANCE);
        Assertions.assertThat(retire.cancelActivity()).as("%s interrupts the wait", EVENT_RETIRE_DE_SEANCE).isTrue();
        Assertions.assertThat(retire.getAttachedTo().getId()).isEqualTo(TASK_ATTENDRE_AUDITION);
        Assertions.assertThat(retire.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(MessageEventDefinition.class, message -> Assertions.assertThat(
                        message.getMessage().getName()).isEqualTo(MSG_RETIRE_DE_SEANCE));
        Assertions.assertThat(retire.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(TASK_ATTENDRE_SEANCE));

        UserTask noter = model.getModelElementById(TASK_NOTER_SEANCE);
        Assertions.assertThat(noter.getName()).isEqualTo("Noter l'audition");
        Assertions.assertThat(noter.getCamundaAssignee()).isEqualTo("${" + VAR_MEMBRE_COMITE + "}");
        Assertions.assertThat(noter.getCamundaDueDate()).isEqualTo("${" + VAR_DATE_AUDITION + "}");
        Assertions.assertThat(noter.getLoopCharacteristics())
                .isInstanceOfSatisfying(MultiInstanceLoopCharacteristics.class, loop -> {
                    Assertions.assertThat(loop.isSequential()).as("members score in parallel").isFalse();
                    Assertions.assertThat(loop.getCamundaCollection()).isEqualTo("${" + VAR_MEMBRES_COMITE + "}");
                    Assertions.assertThat(loop.getCamundaElementVariable()).isEqualTo(VAR_MEMBRE_COMITE);
                    Assertions.assertThat(loop.getCompletionCondition()).as("every member's task closes").isNull();
                });
        UserTask avis = model.getModelElementById(TASK_AVIS_SEANCE);
        Assertions.assertThat(avis.getName()).isEqualTo("Enregistrer l'avis du comité");
        Assertions.assertThat(avis.getCamundaCandidateGroups()).isEqualTo(GROUP_AGENTS);
        Assertions.assertThat(avis.getCamundaDueDate()).isEqualTo("${" + VAR_DATE_AVIS_COMITE + "}");
        Assertions.assertThat(avis.getOutgoing()).singleElement().satisfies(flow -> Assertions
                .assertThat(flow.getTarget().getId()).isEqualTo(GATEWAY_AVIS_COMITE));

        for (String ancienne : List.of(TASK_CONVOQUER_COMITE, TASK_NOTER_AUDITION, TASK_AVIS_COMITE)) {
            Assertions.assertThat((Object) model.getModelElementById(ancienne))
                    .as("%s is in the old definitions only", ancienne).isNull();
        }
        Assertions.assertThat(ANCIENNES_ETAPES.values()).as("the steps the old comité's steps stand for")
                .allSatisfy(id -> Assertions.assertThat((Object) model.getModelElementById(id)).isNotNull());
        Assertions.assertThat(MILESTONES).allSatisfy(id -> Assertions.assertThat((Object) model.getModelElementById(id))
                .as("milestone %s", id).isNotNull());
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start() {
        return start(DATE_LIMITE_DEPOT);
    }

    private ProcessInstance start(Date dateLimiteDepot) {
        return runtimeService().startProcessInstanceByKey(KEY, businessKey(COMMUN_ID),
                startVariables(COMMUN_ID, STRUCTURE_ID, dateLimiteDepot));
    }

    private static Job timer(ProcessInstance pi, String timerId) {
        Job timer = jobQuery().processInstanceId(pi.getId()).timers().activityId(timerId).singleResult();
        Assertions.assertThat(timer).as("the %s timer job", timerId).isNotNull();
        return timer;
    }

    /** Ids of the timers waiting on the porteur's task (only those due now if {@code dueOnly}). */
    private static List<String> pendingTimers(ProcessInstance pi, boolean dueOnly) {
        return List.of(TIMER_FIN_DEPOT, TIMER_RAPPEL_7_JOURS, TIMER_RAPPEL_2_JOURS).stream().filter(id -> {
            var query = jobQuery().processInstanceId(pi.getId()).timers().activityId(id);
            return (dueOnly ? query.executable() : query).count() > 0;
        }).toList();
    }

    /** The {@value CycleCommunProcess#VAR_JOURS_AVANT} input of each reminder task run, in the order they ran. */
    private static List<Integer> joursAvantPassed(ProcessInstance pi) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityType("serviceTask").orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(a -> a.getActivityId().startsWith("Task_RappelerMembres"))
                .map(a -> historyService().createHistoricVariableInstanceQuery()
                        .activityInstanceIdIn(a.getId()).variableName(VAR_JOURS_AVANT).singleResult())
                .map(v -> Integer.valueOf(String.valueOf(v.getValue())))
                .toList();
    }

    /** The instructeur asks for compléments due {@link #DATE_LIMITE_COMPLEMENTS}, now being the engine clock. */
    private static void requestComplements(ProcessInstance pi) {
        complete(task(TASK_INSTRUIRE, pi), complements(ClockUtil.getCurrentTime(), DATE_LIMITE_COMPLEMENTS));
    }

    /** What the application does when an agent takes the file: the variable, and the open task if any. */
    private static void takeFile(ProcessInstance pi, String instructeur) {
        runtimeService().setVariables(pi.getId(), CycleCommunProcess.instructeur(instructeur));
        taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_INSTRUIRE).list()
                .forEach(t -> taskService().setAssignee(t.getId(), instructeur));
    }

    private ProcessInstance startAndTransmit() {
        ProcessInstance pi = start();
        complete(task(TASK_CONSTITUER_GROUPEMENT, pi));
        return pi;
    }

    /** A recevable file waiting for a séance. */
    private ProcessInstance untilSeance() {
        ProcessInstance pi = startAndTransmit();
        complete(task(TASK_INSTRUIRE, pi), decision(DecisionInstruction.RECEVABLE));
        assertThat(pi).isWaitingAtExactly(TASK_ATTENDRE_SEANCE);
        return pi;
    }

    /** A file convoqué on {@link #SEANCE_ID}, heard and scored by {@code membres}: the avis is to record. */
    private ProcessInstance untilAvis(List<String> membres) {
        ProcessInstance pi = untilSeance();
        correlate(MSG_CONVOQUE, convocation(SEANCE_ID, DEBUT_SEANCE));
        correlate(MSG_AUDITION_OUVERTE, auditionOuverte(membres));
        completeAll(auditionTasks(pi));
        assertThat(pi).isWaitingAtExactly(TASK_AVIS_SEANCE);
        return pi;
    }

    private ProcessInstance untilVote() {
        ProcessInstance pi = untilAvis(MEMBRES);
        complete(task(TASK_AVIS_SEANCE, pi), avisComite("FAVORABLE"));
        correlate(MSG_SEANCE_CLOSE, Map.of());
        assertThat(pi).isWaitingAtExactly(TASK_VOTE_ASSEMBLEE);
        return pi;
    }

    /** What the séance does: the message to the cycle of the commun {@link #COMMUN_ID}, by business key. */
    private static void correlate(String message, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(businessKey(COMMUN_ID))
                .setVariables(variables).correlate();
    }

    private static void assertCloseRefused(ProcessInstance pi, String... waitingAt) {
        assertThatThrownBy(() -> correlate(MSG_SEANCE_CLOSE, Map.of()))
                .as("%s while at %s", MSG_SEANCE_CLOSE, List.of(waitingAt))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAtExactly(waitingAt);
    }

    private static List<Task> auditionTasks(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_NOTER_SEANCE).list();
    }

    private static Task auditionTask(ProcessInstance pi, String membre) {
        Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_NOTER_SEANCE).taskAssignee(membre)
                .singleResult();
        Assertions.assertThat(task).as("%s's audition task", membre).isNotNull();
        return task;
    }

    /**
     * A member submits their scores: the task completes, then the asynchronous continuation after it (the notation
     * task is {@code asyncAfter}, so that two members submitting together never conflict) runs, as the job executor
     * would.
     */
    private static void noter(Task task) {
        complete(task);
        executerContinuations(task.getProcessInstanceId());
    }

    private static void executerContinuations(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = managementService().createJobQuery().processInstanceId(processInstanceId).messages().list()).isEmpty()) {
            jobs.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    private static void completeAll(List<Task> tasks) {
        tasks.forEach(CycleCommunProcessTest::noter);
    }

    /** How many "Noter l'audition" tasks were created (not counting the multi-instance body). */
    private static long noterPassages(ProcessInstance pi) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_NOTER_SEANCE).activityType("userTask").count();
    }

    private static long passages(ProcessInstance pi, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId(activityId).count();
    }

    private static void assertDueInDays(Task task, int days) {
        Date expected = Date.from(NOW.plus(Duration.ofDays(days)));
        Assertions.assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
                .isCloseTo(expected, ONE_HOUR_MS);
    }
}
