package fr.communs.comite.contribution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A contribution proposed by the comité to a commun, as the caller may see it, with what the caller may do with it.
 *
 * @param structureId     the contributing structure (for an organisation member, the structure it represents when it
 *                        is one of the directory), otherwise {@code null}
 * @param contributeurNom the name shown: the organisation, "Le Département" or the structure's name
 * @param motif           why it was declined or abandoned
 * @param version         for optimistic locking: pass it back to the actions
 * @param peutRepondre    the caller may accept or decline it (an administrator of a structure of the groupement,
 *                        while it is proposed)
 * @param peutCloturer    the caller may mark it done or abandoned (the contributor or an agent, while it is open)
 */
public record ContributionComite(long id, long communId, String communTitre, Long seanceId,
                                 ContributeurComite contributeur, Long membreId, Long structureId,
                                 String contributeurNom, TypeContributionComite type, String description,
                                 LocalDate datePrevue, StatutContributionComite statut, String motif,
                                 OffsetDateTime reponduLe, OffsetDateTime clotureLe, OffsetDateTime rappelLe,
                                 OffsetDateTime createdAt, int version, boolean peutRepondre, boolean peutCloturer) {

    /** Whether it can be marked done now (accepted by the groupement). */
    public boolean realisable() {
        return statut == StatutContributionComite.ACCEPTEE;
    }

    /** Whether it can be abandoned now (proposed or accepted). */
    public boolean abandonnable() {
        return !statut.close();
    }

    /** The same contribution with the caller's rights. */
    ContributionComite withRights(boolean repondre, boolean cloturer) {
        return new ContributionComite(id, communId, communTitre, seanceId, contributeur, membreId, structureId,
                contributeurNom, type, description, datePrevue, statut, motif, reponduLe, clotureLe, rappelLe,
                createdAt, version, repondre, cloturer);
    }
}
