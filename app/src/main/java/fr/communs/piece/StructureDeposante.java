package fr.communs.piece;

/** A structure of the groupement the caller belongs to and may deposit attachments for now. */
public record StructureDeposante(long id, String nom) {
}
