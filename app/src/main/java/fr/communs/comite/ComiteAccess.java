package fr.communs.comite;

import fr.communs.comite.seance.internal.JooqSeanceRepository;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.ComiteFiles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The files a comité member reads: those on the agenda of a séance (planned or heard, not cancelled) that they are not
 * recused from — plus, for the files that went through the comité before the séances existed, those they had an
 * audition task for ({@value CycleCommunProcess#TASK_NOTER_AUDITION}, open or in the engine's history). Used through
 * {@code security.DossierAccess}.
 */
@Component
public class ComiteAccess implements ComiteFiles {
    private final TaskService tasks;
    private final HistoryService history;
    private final JooqSeanceRepository seances;

    ComiteAccess(TaskService tasks, HistoryService history, JooqSeanceRepository seances) {
        this.tasks = tasks;
        this.history = history;
        this.seances = seances;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public boolean canRead(long membreId, long communId) {
        if (seances.surUneSeance(communId)) {
            return seances.estMembre(membreId) && !seances.estDeporte(membreId, communId);
        }
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
