package fr.communs.livrable;

import java.time.OffsetDateTime;

/**
 * A deposited livrable as the agents and the groupement see it, with the retour d'expérience (which feeds the
 * evaluation of the appel and is not public, see {@link LivrablePublic}).
 */
public record Livrable(String titre, String lien, String description, String retourExperience,
                       OffsetDateTime deposeLe) {
}
