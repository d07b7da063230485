package fr.communs.instruction;

import java.util.Map;

/**
 * The porteur's answer to a request for compléments: the new text of each unlocked text part (only those), and a
 * message to the instructeur.
 */
public record ComplementData(Map<PartieDossier, String> textes, String reponse) {
}
