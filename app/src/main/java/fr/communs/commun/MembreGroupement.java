package fr.communs.commun;

import fr.communs.structure.Structure;
import java.time.OffsetDateTime;

/**
 * A structure of the groupement, with its role and when it confirmed its participation in that role
 * ({@code null}: not confirmed yet, e.g. after a change of role), and whether the porteur administratif proposes
 * it to take over that role.
 */
public record MembreGroupement(Structure structure, RoleGroupement role, OffsetDateTime confirmeLe,
                               boolean porteurPropose) {

    public MembreGroupement(Structure structure, RoleGroupement role, OffsetDateTime confirmeLe) {
        this(structure, role, confirmeLe, false);
    }

    public boolean confirme() {
        return confirmeLe != null;
    }
}
