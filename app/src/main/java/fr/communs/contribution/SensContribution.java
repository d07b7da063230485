package fr.communs.contribution;

/** A need published by the porteur (DEMANDE) or a contribution proposed by another structure (OFFRE). */
public enum SensContribution {
    DEMANDE("Besoin de contribution"),
    OFFRE("Proposition de contribution");

    private final String libelle;

    SensContribution(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
