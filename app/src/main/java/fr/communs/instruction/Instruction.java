package fr.communs.instruction;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A recorded instruction decision, with the appreciation of each criterion. */
public record Instruction(long id, long communId, DecisionInstruction decision, String motif, String agentNom,
                          OffsetDateTime date, List<AppreciationCritere> criteres, Set<PartieDossier> parties,
                          LocalDate dateLimiteComplements) {
}
