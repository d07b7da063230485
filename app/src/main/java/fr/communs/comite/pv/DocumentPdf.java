package fr.communs.comite.pv;

/** A PDF produced for download, after the access check: its file name and its bytes. */
public record DocumentPdf(String nomFichier, byte[] contenu) {
    public static final String TYPE_MIME = "application/pdf";

    public long taille() {
        return contenu.length;
    }
}
