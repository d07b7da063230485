package fr.communs.instruction;

import java.time.OffsetDateTime;

/** A private note of an agent on a file, never shown to structures. */
public record Annotation(long id, long communId, String agentNom, String texte, OffsetDateTime date) {
}
