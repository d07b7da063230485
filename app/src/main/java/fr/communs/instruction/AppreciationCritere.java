package fr.communs.instruction;

/** The instructeur's appreciation of one criterion, with a comment (both may be empty in a saved draft). */
public record AppreciationCritere(Critere critere, Appreciation appreciation, String commentaire) {
}
