package fr.communs.processes;

import java.util.Date;
import java.util.List;

/** What the "Cycle d'un commun" process asks of the application (implemented by app). */
public interface CycleCommunActions {

    /** The deposit deadline passed before the dossier was transmitted: close the deposit. */
    void closeDeposit(long communId);

    /**
     * Some days before the deposit deadline, the file is not yet transmitted: remind every structure of the
     * groupement of the deadline and of what still blocks eligibility (nothing if the file is no longer being
     * formed).
     */
    void remindBeforeDeadline(long communId, Date deadline);

    /** User ids of the comité members who will each note the audition of the commun. */
    List<String> comiteMembers(long communId);

    /**
     * When the comité that hears the commun meets (the end of that day, the due date of the members' notes), or
     * {@code null} when its campagne has no comité date.
     */
    Date comiteDate(long communId);
}
