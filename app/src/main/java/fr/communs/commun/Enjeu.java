package fr.communs.commun;

/** The contemporary stakes a commun answers (the appel's cross-cutting défi, domain.md §3). */
public enum Enjeu {
    DISCRIMINATIONS("Lutte contre les discriminations"),
    PAUVRETE("Lutte contre la pauvreté"),
    CLIMAT("Dérèglement climatique"),
    ENFANCE("Enfance"),
    AUTONOMIE("Autonomie"),
    INSERTION("Insertion et accueil social");

    private final String libelle;

    Enjeu(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
