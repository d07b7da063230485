package fr.communs.task;

import fr.communs.base.NotAllowedException;

/**
 * The caller cannot act on this task. The message says which case it is: the task is done or gone, another person
 * has taken it (named when that person shares the task's group), or it was never meant for the caller.
 */
public class TaskNotAvailableException extends NotAllowedException {
    /** The task was completed (or its file left this step) meanwhile. */
    public static final String DONE = "Cette tâche n'est plus disponible : elle a déjà été traitée (par exemple dans "
            + "un autre onglet ou par une autre personne), il n'y a plus rien à faire.";
    /** The task exists but was never offered to the caller. */
    public static final String NOT_FOR_YOU = "Cette tâche ne vous est pas destinée : elle est attribuée à une autre "
            + "personne ou à un autre service.";

    public TaskNotAvailableException() {
        super("Cette tâche n'est plus disponible : elle a peut-être déjà été traitée ou prise par une autre personne.");
    }

    public TaskNotAvailableException(String message) {
        super(message);
    }

    /** The task was taken by a colleague of the caller's group (named). */
    public static String takenBy(String name) {
        return name == null || name.isBlank()
                ? "Cette tâche est attribuée à une autre personne : elle n'est plus à faire par vous."
                : "Cette tâche est prise en charge par " + name + " : elle n'est plus à faire par vous.";
    }
}
