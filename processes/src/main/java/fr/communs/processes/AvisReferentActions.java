package fr.communs.processes;

/** What the "Avis d'un référent thématique" process asks of the application (implemented by app). */
public interface AvisReferentActions {

    /** The avis is late: remind the référent (nothing if it was answered or cancelled meanwhile). */
    void remindReferent(long avisId);
}
