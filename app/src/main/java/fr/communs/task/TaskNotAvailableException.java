package fr.communs.task;

import fr.communs.base.NotAllowedException;

/** The task is done, taken by someone else, or not for the caller. */
public class TaskNotAvailableException extends NotAllowedException {
    public TaskNotAvailableException() {
        super("Cette tâche n'est plus disponible : elle a peut-être déjà été traitée ou prise par une autre personne.");
    }

    public TaskNotAvailableException(String message) {
        super(message);
    }
}
