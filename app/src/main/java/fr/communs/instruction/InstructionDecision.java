package fr.communs.instruction;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The instructeur's decision: the appreciation of the four criteria of the appel (one per {@link Critere}), the
 * decision, and the message to the groupement (what is missing for compléments, the reason for non-recevabilité).
 * For compléments, the parts of the file unlocked for the porteur and the due date.
 */
public record InstructionDecision(DecisionInstruction decision, List<AppreciationCritere> criteres, String motif,
                                  Set<PartieDossier> parties, LocalDate dateLimiteComplements) {

    /** A decision other than compléments. */
    public static InstructionDecision of(DecisionInstruction decision, List<AppreciationCritere> criteres, String motif) {
        return new InstructionDecision(decision, criteres, motif, Set.of(), null);
    }

    /** A request for compléments. */
    public static InstructionDecision complements(List<AppreciationCritere> criteres, String message,
                                                  Set<PartieDossier> parties, LocalDate dateLimite) {
        return new InstructionDecision(DecisionInstruction.COMPLEMENTS, criteres, message, parties, dateLimite);
    }
}
