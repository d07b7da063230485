package fr.communs.contribution;

/**
 * Where a contribution stands. A need is OUVERTE then POURVUE; an offer is PROPOSEE, then ACCEPTEE or REFUSEE by the
 * porteur, or RETIREE by the structure that made it.
 */
public enum StatutContribution {
    OUVERTE("Ouvert"),
    POURVUE("Pourvu"),
    PROPOSEE("En attente de réponse"),
    ACCEPTEE("Acceptée"),
    REFUSEE("Refusée"),
    RETIREE("Retirée");

    private final String libelle;

    StatutContribution(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
