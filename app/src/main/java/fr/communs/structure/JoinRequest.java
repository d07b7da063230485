package fr.communs.structure;

import java.time.OffsetDateTime;

/** A person asking to join a structure, as seen by its administrators. */
public record JoinRequest(long structureId, long userId, String nomComplet, String email, String message,
                          OffsetDateTime date) {
}
