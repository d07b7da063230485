package fr.communs.messagerie;

import java.time.OffsetDateTime;

/**
 * One message of a file's thread.
 *
 * @param structureNom the structure a groupement member wrote for; {@code null} for an agent
 */
public record Message(long id, long communId, Cote cote, String auteurNom, String structureNom, String texte,
                      OffsetDateTime date) {
}
