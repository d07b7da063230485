package fr.communs.processes;

import java.util.Date;

/** What the instruction part of the "Cycle d'un commun" process asks of the application (implemented by app). */
public interface InstructionActions {

    /**
     * The porteur has not yet answered a request for compléments and the due date is near: remind the members of
     * the porteur's structure (nothing if the file is no longer waiting for compléments).
     */
    void remindComplements(long communId, Date dateLimite);
}
