package fr.communs.commun;

/** Role of a structure in a commun's groupement. */
public enum RoleGroupement {
    PORTEUR("Porteur administratif"),
    MEMBRE("Membre"),
    CONTRIBUTEUR("Contributeur");

    private final String libelle;

    RoleGroupement(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
