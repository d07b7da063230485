package fr.communs.comite.membre.internal;

import fr.communs.processes.CycleCommunProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A comité member's open scoring tasks in the files' cycles ({@value CycleCommunProcess#KEY}): "Noter l'audition" of
 * the first definition and the séance's scoring task. Retiring one completes it with the local variable
 * {@value CycleCommunProcess#VAR_NOTATION_RETIREE} = true, so the cycle goes on without that score (the multi-instance
 * task ends with the others' scores) and the history tells a retired task from a scored one.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class NotationsOuvertes {
    /** The séance's multi-instance scoring task of the cycle (issue 12; the coordinator's BPMN names it so). */
    public static final String TASK_NOTER_SEANCE = "Task_NoterSeance";
    /** The scoring tasks a member can hold on a file. */
    public static final List<String> TACHES_DE_NOTATION = List.of(CycleCommunProcess.TASK_NOTER_AUDITION, TASK_NOTER_SEANCE);

    private final TaskService tasks;

    NotationsOuvertes(TaskService tasks) {
        this.tasks = tasks;
    }

    /** The member's open scoring tasks (assigned to them or offered to them), on one file or ({@code null}) on all. */
    public List<Task> ouvertes(long membreId, Long communId) {
        String user = String.valueOf(membreId);
        Map<String, Task> found = new LinkedHashMap<>();
        for (TaskQuery query : List.of(query(communId).taskAssignee(user), query(communId).taskCandidateUser(user))) {
            query.orderByTaskCreateTime().asc().list().forEach(t -> found.putIfAbsent(t.getId(), t));
        }
        return List.copyOf(found.values());
    }

    /** Retires the member's open scoring tasks (on one file, or on all with {@code null}); how many. */
    public int retirer(long membreId, Long communId) {
        List<Task> open = ouvertes(membreId, communId);
        for (Task task : open) {
            tasks.setVariableLocal(task.getId(), CycleCommunProcess.VAR_NOTATION_RETIREE, true);
            tasks.complete(task.getId());
        }
        return open.size();
    }

    private TaskQuery query(Long communId) {
        TaskQuery query = tasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY)
                .taskDefinitionKeyIn(TACHES_DE_NOTATION.toArray(String[]::new));
        return communId == null ? query : query.processInstanceBusinessKey(CycleCommunProcess.businessKey(communId));
    }
}
