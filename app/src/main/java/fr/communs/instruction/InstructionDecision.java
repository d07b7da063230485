package fr.communs.instruction;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;

/**
 * The instructeur's decision on the four criteria of the appel: "Nombre et typologie des contributeurs",
 * "Gouvernance démocratique, coopérative et transparente", "Pertinence des projets en lien avec les défis",
 * "Pertinence de la proposition relativement à la notion de communs".
 */
public record InstructionDecision(DecisionInstruction decision, Appreciation contributeurs, Appreciation gouvernance,
                                  Appreciation defis, Appreciation communs, String motif) {
}
