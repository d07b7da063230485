package fr.communs.piece;

import java.io.InputStream;

/**
 * An attachment opened for download, after the access check. The caller reads and closes {@code contenu}; it must
 * serve it as an attachment (never inline), see {@code fr.communs.piece.ui.PieceDownloadHandler}.
 */
public record Telechargement(String nomFichier, String typeMime, long taille, InputStream contenu) {
}
