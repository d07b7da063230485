package fr.communs.avis;

/** The direction of a référent's avis on a file. */
public enum SensAvis {
    FAVORABLE("Favorable"),
    RESERVE("Réservé"),
    DEFAVORABLE("Défavorable");

    private final String libelle;

    SensAvis(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
