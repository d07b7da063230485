package fr.communs.messagerie;

/** A structure of the caller, member of the commun's groupement, on whose behalf they may write. */
public record StructureOption(long id, String nom) {
}
