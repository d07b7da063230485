package fr.communs.commun;

import fr.communs.structure.Structure;

/** A structure of the groupement, with its role. */
public record MembreGroupement(Structure structure, RoleGroupement role) {
}
