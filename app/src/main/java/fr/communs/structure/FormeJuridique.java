package fr.communs.structure;

/** Legal forms, with the ESS status the law of 31 July 2014 gives them by default. */
public enum FormeJuridique {
    ASSOCIATION("Association", true),
    SCOP("Coopérative — SCOP", true),
    SCIC("Coopérative — SCIC", true),
    CAE("Coopérative — CAE", true),
    COOPERATIVE_AGRICOLE("Coopérative agricole / CUMA", true),
    AUTRE_COOPERATIVE("Coopérative — autre", true),
    MUTUELLE("Mutuelle", true),
    FONDATION("Fondation", true),
    SOCIETE_COMMERCIALE_ESS("Société commerciale de l'ESS", true),
    ENTREPRISE_ESUS("Entreprise agréée ESUS", true),
    COLLECTIVITE("Collectivité / établissement public", false),
    AUTRE("Autre", false);

    private final String libelle;
    private final boolean essParDefaut;

    FormeJuridique(String libelle, boolean essParDefaut) {
        this.libelle = libelle;
        this.essParDefaut = essParDefaut;
    }

    public String libelle() {
        return libelle;
    }

    public boolean essParDefaut() {
        return essParDefaut;
    }
}
