package fr.communs.avis;

/** Where a request for an avis stands. */
public enum StatutAvis {
    EN_ATTENTE("En attente"),
    RENDU("Rendu"),
    ANNULE("Annulé");

    private final String libelle;

    StatutAvis(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
