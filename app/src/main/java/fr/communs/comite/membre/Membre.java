package fr.communs.comite.membre;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A member of the comité: their comité account ({@code id}), collège, the organisation they represent (a structure of
 * the directory, {@code structureId} and {@code structureNom}, or a named body, {@code organisation}), their active
 * period, when an administrator deactivated them, and their other accounts.
 *
 * @param actif              active today (in the period, not deactivated, account not closed)
 * @param invitationEnAttente the account has not been activated yet (address not confirmed)
 * @param version            for optimistic locking of the changes
 */
public record Membre(long id, String nomComplet, String email, College college, Long structureId, String structureNom,
                     String organisation, LocalDate actifDu, LocalDate actifAu, OffsetDateTime desactiveLe,
                     boolean actif, boolean invitationEnAttente, List<CompteLie> autresComptes, int version) {

    /** The organisation represented, as shown: the structure's name, or the named body. */
    public String organisationAffichee() {
        return structureNom != null ? structureNom : organisation;
    }

    /** The data an administrator edits, as it is now. */
    public MembreData data() {
        return new MembreData(college, structureId, structureId != null ? null : organisation, actifDu, actifAu);
    }
}
