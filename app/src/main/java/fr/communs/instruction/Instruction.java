package fr.communs.instruction;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import java.time.OffsetDateTime;

/** A recorded instruction decision. */
public record Instruction(long id, long communId, DecisionInstruction decision, String motif, String agentNom,
                          OffsetDateTime date) {
}
