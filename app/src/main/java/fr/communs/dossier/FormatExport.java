package fr.communs.dossier;

/** Formats of an export of files. */
public enum FormatExport {
    /** Semicolon-separated values in UTF-8 with a byte order mark, as French spreadsheet software expects. */
    CSV("CSV (tableur, séparateur point-virgule)", "csv", "text/csv; charset=UTF-8"),
    /** OpenDocument spreadsheet (LibreOffice, OnlyOffice, Excel). */
    ODS("ODS (classeur OpenDocument)", "ods", "application/vnd.oasis.opendocument.spreadsheet");

    private final String libelle;
    private final String extension;
    private final String typeMime;

    FormatExport(String libelle, String extension, String typeMime) {
        this.libelle = libelle;
        this.extension = extension;
        this.typeMime = typeMime;
    }

    public String libelle() {
        return libelle;
    }

    public String extension() {
        return extension;
    }

    public String typeMime() {
        return typeMime;
    }
}
