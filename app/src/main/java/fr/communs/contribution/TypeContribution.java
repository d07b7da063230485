package fr.communs.contribution;

/** The kinds of contribution a commun may need or receive ("financières, humaines, techniques, matérielles..."). */
public enum TypeContribution {
    FINANCIERE("Financière"),
    HUMAINE("Humaine"),
    TECHNIQUE("Technique"),
    MATERIELLE("Matérielle"),
    AUTRE("Autre");

    private final String libelle;

    TypeContribution(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
