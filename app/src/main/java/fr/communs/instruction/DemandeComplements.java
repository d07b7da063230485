package fr.communs.instruction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** A request for compléments as the groupement sees it. */
public record DemandeComplements(long instructionId, String message, Set<PartieDossier> parties, LocalDate dateLimite,
                                 String agentNom, OffsetDateTime date) {
}
