package fr.communs.comite.contribution;

/** The kinds of non-financial contribution the comité proposes ("humaines, techniques, matérielles..."). */
public enum TypeContributionComite {
    HUMAINE("Humaine"),
    TECHNIQUE("Technique"),
    MATERIELLE("Matérielle"),
    MISE_EN_RELATION("Mise en relation"),
    AUTRE("Autre");

    private final String libelle;

    TypeContributionComite(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
