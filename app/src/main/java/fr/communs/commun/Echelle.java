package fr.communs.commun;

/** Territorial scale of a commun: "à l'échelle d'un quartier, d'un village ou du département". */
public enum Echelle {
    QUARTIER("Quartier"),
    VILLAGE("Village"),
    DEPARTEMENT("Département");

    private final String libelle;

    Echelle(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
