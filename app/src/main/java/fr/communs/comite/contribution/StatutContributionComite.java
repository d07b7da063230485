package fr.communs.comite.contribution;

/**
 * Where a contribution proposed by the comité stands, as a tracked commitment: PROPOSEE, then ACCEPTEE or DECLINEE by
 * the groupement; an accepted one becomes REALISEE; the contributor may abandon it (with a reason) while it is
 * proposed or accepted.
 */
public enum StatutContributionComite {
    PROPOSEE("Proposée — en attente de la réponse du groupement", false),
    ACCEPTEE("Acceptée — à réaliser", false),
    DECLINEE("Déclinée par le groupement", true),
    REALISEE("Réalisée", true),
    ABANDONNEE("Abandonnée", true);

    private final String libelle;
    private final boolean close;

    StatutContributionComite(String libelle, boolean close) {
        this.libelle = libelle;
        this.close = close;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }

    /** Nothing more can happen to it. */
    public boolean close() {
        return close;
    }

    /** Public on the commun's and the structure's pages: a commitment the groupement accepted (or that was honoured). */
    public boolean publique() {
        return this == ACCEPTEE || this == REALISEE;
    }
}
