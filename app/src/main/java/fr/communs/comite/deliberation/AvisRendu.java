package fr.communs.comite.deliberation;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An avis recorded at a séance (or an ajournement by the comité), as the agents and the comité read it. */
public record AvisRendu(long seanceId, long communId, AvisSeance.Type type, String motivation, String reserves,
                        BigDecimal subvention, String agentNom, LocalDateTime le) {
}
