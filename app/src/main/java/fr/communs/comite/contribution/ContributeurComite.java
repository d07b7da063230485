package fr.communs.comite.contribution;

/**
 * Who gives a contribution proposed by the comité: the organisation a comité member represents, the Département
 * itself, or another structure of the directory.
 */
public enum ContributeurComite {
    ORGANISATION_MEMBRE("L'organisation d'un membre du comité"),
    DEPARTEMENT("Le Département"),
    STRUCTURE("Une structure de l'annuaire");

    private final String libelle;

    ContributeurComite(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
