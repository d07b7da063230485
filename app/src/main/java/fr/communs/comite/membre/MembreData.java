package fr.communs.comite.membre;

import java.time.LocalDate;

/**
 * What an administrator sets about a comité member: collège, the organisation represented (a structure of the
 * directory, {@code structureId}, or otherwise a named body, {@code organisation}; one of the two) and the active
 * period ({@code actifAu} empty: no end planned).
 */
public record MembreData(College college, Long structureId, String organisation, LocalDate actifDu, LocalDate actifAu) {
}
