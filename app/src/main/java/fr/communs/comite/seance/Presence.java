package fr.communs.comite.seance;

/** A member's attendance at a séance. */
public enum Presence {
    PRESENT("Présent(e)"), EXCUSE("Excusé(e)"), ABSENT("Absent(e)");

    private final String libelle;

    Presence(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
