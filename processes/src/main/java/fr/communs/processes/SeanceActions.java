package fr.communs.processes;

/** What the "Séance du comité" process asks of the application (implemented by app). */
public interface SeanceActions {

    /**
     * The séance opened: for every file on its agenda with quorum, correlate {@link CycleCommunProcess#MSG_AUDITION_OUVERTE}
     * to its cycle with the present, non-recused members.
     */
    void openAuditions(long seanceId);

    /** The séance closed: correlate {@link CycleCommunProcess#MSG_SEANCE_CLOSE} to every file that received its avis. */
    void closeAuditions(long seanceId);

    /** The day before the séance: remind everyone convoked (nothing if the séance no longer takes place). */
    void remindDayBefore(long seanceId);
}
