package fr.communs.piece;

import java.util.List;

/** The formats accepted as attachments, recognised from the content of the file (never from its name). */
public enum FormatPiece {
    PDF("application/pdf", "PDF", List.of("pdf")),
    ODT("application/vnd.oasis.opendocument.text", "texte OpenDocument", List.of("odt")),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "tableur OpenDocument", List.of("ods")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", List.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", List.of("xlsx")),
    PNG("image/png", "image PNG", List.of("png")),
    JPEG("image/jpeg", "image JPEG", List.of("jpg", "jpeg"));

    /** The accepted formats in a sentence, for messages and hints. */
    public static final String LISTE = "PDF, texte ou tableur OpenDocument (odt, ods), Word ou Excel (docx, xlsx), "
            + "image PNG ou JPEG";

    private final String typeMime;
    private final String libelle;
    private final List<String> extensions;

    FormatPiece(String typeMime, String libelle, List<String> extensions) {
        this.typeMime = typeMime;
        this.libelle = libelle;
        this.extensions = extensions;
    }

    public String typeMime() {
        return typeMime;
    }

    public String libelle() {
        return libelle;
    }

    /** File name extensions of the format, in lower case without the dot; the first one is added when missing. */
    public List<String> extensions() {
        return extensions;
    }
}
