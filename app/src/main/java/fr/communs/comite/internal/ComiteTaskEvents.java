package fr.communs.comite.internal;

import fr.communs.comite.ComiteService;
import fr.communs.processes.CycleCommunProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the engine's task events (Camunda's Spring eventing bridge, {@code camunda.bpm.eventing.task}, on by
 * default) to tell people when a comité task appears: each member when their "Noter l'audition" task is created, the
 * agents when "Enregistrer l'avis du comité" is created (the last score is in). The events are published
 * synchronously inside the engine's command, so the notifications share its transaction: a rolled-back job or
 * action sends nothing, a retried one sends once. Works for process instances started on any version of the
 * definition (no BPMN listener needed).
 */
@Component
class ComiteTaskEvents {
    private final ComiteService comite;

    ComiteTaskEvents(ComiteService comite) {
        this.comite = comite;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(CycleCommunProcess.KEY + ":")) {
            return;
        }
        String key = task.getTaskDefinitionKey();
        if (CycleCommunProcess.TASK_NOTER_AUDITION.equals(key) || CycleCommunProcess.TASK_NOTER_SEANCE.equals(key)) {
            Long membre = userId(task.getAssignee());
            if (membre != null) {
                comite.auditionOpened(communId(task), key, task.getId(), membre, task.getDueDate());
            }
        } else if (CycleCommunProcess.TASK_AVIS_COMITE.equals(key) || CycleCommunProcess.TASK_AVIS_SEANCE.equals(key)) {
            comite.scoresComplete(communId(task), key, task.getId());
        }
    }

    private static long communId(DelegateTask task) {
        return CycleCommunProcess.communIdFromBusinessKey(task.getExecution().getProcessBusinessKey());
    }

    /** Our accounts' Camunda ids are their numeric ids; anything else is nobody we can notify. */
    private static Long userId(String assignee) {
        try {
            return assignee == null ? null : Long.valueOf(assignee);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
