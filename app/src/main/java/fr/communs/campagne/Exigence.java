package fr.communs.campagne;

/**
 * What a campagne may require of a file before it is transmitted, beyond the groupement's rules: attachments of a given
 * category (named as {@code fr.communs.piece.CategoriePiece}) and the budget typed on the platform. Stored in
 * {@code campagne_exigence}; checked by the eligibility panel and again at transmission.
 */
public enum Exigence {
    /** Statuts deposited in the name of the porteur administratif, who receives the subsidy. */
    STATUTS_PORTEUR("Statuts du porteur administratif", "STATUTS"),
    /** A budget document (spreadsheet, PDF…) deposited by any structure of the groupement. */
    BUDGET_PIECE("Budget prévisionnel détaillé (document joint)", "BUDGET"),
    /** A lettre d'engagement deposited in the name of each structure of the groupement other than the porteur. */
    LETTRES_ENGAGEMENT("Lettre d'engagement de chaque autre structure du groupement", "LETTRE_ENGAGEMENT"),
    /** The amount requested and a balanced budget prévisionnel, typed on the commun's « Budget prévisionnel » screen. */
    BUDGET_SAISI("Montant demandé et budget prévisionnel saisis sur la plateforme", null);

    private final String libelle;
    private final String categoriePiece;

    Exigence(String libelle, String categoriePiece) {
        this.libelle = libelle;
        this.categoriePiece = categoriePiece;
    }

    public String libelle() {
        return libelle;
    }

    /** The name of the attachment category that satisfies it, {@code null} when it is not an attachment. */
    public String categoriePiece() {
        return categoriePiece;
    }

    /** An attachment to deposit (the others are typed on the platform). */
    public boolean piece() {
        return categoriePiece != null;
    }
}
