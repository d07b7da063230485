package fr.communs.comite.notation;

/** A member's score on one criterion, with an optional comment. */
public record NoteCritere(long critereId, Integer note, String commentaire) {
}
