package fr.communs.instruction;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the comité reads of the instruction: the four appreciations of the decision « recevable » (with their
 * comments) and the summary the instructeur wrote for the comité ({@code synthese}, empty until written). Never the
 * agents' private notes (annotations).
 */
public record SyntheseComite(List<AppreciationCritere> appreciations, String synthese, String agentNom,
                             OffsetDateTime decideeLe) {
}
