package fr.communs.piece;

import java.time.OffsetDateTime;

/**
 * An attachment of a commun's file, as listed (never its storage key).
 *
 * @param typeMime     the type detected from the content when it was deposited (one of {@link FormatPiece})
 * @param taille       size in bytes
 * @param structureNom the structure of the groupement it was deposited for
 * @param deposeParNom the person who deposited it
 * @param date         when it was deposited
 */
public record PieceJointe(long id, long communId, CategoriePiece categorie, String nomFichier, String typeMime, long taille,
                          String structureNom, String deposeParNom, OffsetDateTime date) {
}
