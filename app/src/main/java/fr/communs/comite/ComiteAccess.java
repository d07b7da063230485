package fr.communs.comite;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.ComiteFiles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The files a comité member reads: those "on their séances". There is no séance model yet, so a file is on a member's
 * séance when this member has, or had, an audition task ({@value CycleCommunProcess#TASK_NOTER_AUDITION}) for it in the
 * engine — open (assigned to them or offered to them) or in the engine's history (the history's time to live bounds
 * how long). A file never sent to the comité, or sent while this person was not a member, is refused. The séance model
 * replaces this one method. Used through {@code security.DossierAccess}.
 */
@Component
public class ComiteAccess implements ComiteFiles {
    private final TaskService tasks;
    private final HistoryService history;

    ComiteAccess(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public boolean canRead(long membreId, long communId) {
        String key = CycleCommunProcess.businessKey(communId);
        String user = String.valueOf(membreId);
        return tasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(key)
                        .taskDefinitionKey(CycleCommunProcess.TASK_NOTER_AUDITION).taskCandidateUser(user)
                        .includeAssignedTasks().count() > 0
                || history.createHistoricTaskInstanceQuery().processDefinitionKey(CycleCommunProcess.KEY)
                        .processInstanceBusinessKey(key).taskDefinitionKey(CycleCommunProcess.TASK_NOTER_AUDITION)
                        .taskAssignee(user).count() > 0;
    }
}
