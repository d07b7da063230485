package fr.communs.avis;

/**
 * An agent who can be asked for an avis (a référent thématique).
 *
 * @param direction the agent's direction ("Culture", "Environnement"…), {@code null} when not filled in
 */
public record Referent(long id, String nom, String direction) {
}
