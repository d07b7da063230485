package fr.communs.task;

import java.time.LocalDateTime;

/** An open user task the current user may work on. */
public record OpenTask(String taskId, String definitionKey, String name, long communId, String communTitre, String porteurNom,
                       String assignee, boolean assignedToMe, boolean personal, LocalDateTime created,
                       LocalDateTime due) {

    public boolean overdue(LocalDateTime now) {
        return due != null && due.isBefore(now);
    }
}
