package fr.communs.processes;

import java.util.List;

/** What the "Cycle d'un commun" process asks of the application (implemented by app). */
public interface CycleCommunActions {

    /** The deposit deadline passed before the dossier was transmitted: close the deposit. */
    void closeDeposit(long communId);

    /** User ids of the comité members who will each note the audition of the commun. */
    List<String> comiteMembers(long communId);
}
