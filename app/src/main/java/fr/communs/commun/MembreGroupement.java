package fr.communs.commun;

import fr.communs.structure.Structure;
import java.time.OffsetDateTime;

/**
 * A structure of the groupement, with its role and when it confirmed its participation in that role
 * ({@code null}: not confirmed yet, e.g. after a change of role).
 */
public record MembreGroupement(Structure structure, RoleGroupement role, OffsetDateTime confirmeLe) {

    public boolean confirme() {
        return confirmeLe != null;
    }
}
