package fr.communs.task;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What waits for the answer of the logged-in person's structures outside the process engine (an invitation to join a
 * groupement, a join request to accept or refuse…), for "Mes tâches". Implemented by the feature that holds these
 * answers ({@code fr.communs.commun}), so that "Mes tâches" lists them without depending on it (that feature already
 * depends on this one).
 */
public interface PendingAnswers {

    /** The answers the logged-in person's structures owe, oldest first; empty when nobody is logged in. */
    List<Answer> mine();

    /**
     * One answer to give: about which commun, for which structure, what is asked ("Invitation à rejoindre le
     * groupement…"), since when (if known), and the page where to answer it.
     */
    record Answer(long communId, String communTitre, String structureNom, String quoi, OffsetDateTime depuis, String lien) {
    }
}
