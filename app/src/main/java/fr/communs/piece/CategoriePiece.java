package fr.communs.piece;

/** What an attachment is, as the groupement files it (column {@code piece_jointe.categorie}). */
public enum CategoriePiece {
    STATUTS("Statuts"),
    BUDGET("Budget prévisionnel"),
    LETTRE_ENGAGEMENT("Lettre d'engagement"),
    AUTRE("Autre pièce");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
