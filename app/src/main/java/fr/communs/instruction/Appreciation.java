package fr.communs.instruction;

/** Appreciation of one instruction criterion. */
public enum Appreciation {
    FAVORABLE("Favorable"), RESERVE("Réservé"), DEFAVORABLE("Défavorable");

    private final String libelle;

    Appreciation(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
