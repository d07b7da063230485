package fr.communs.messagerie;

/** Who wrote a message of a file's thread: an agent of the Département, or a structure of the groupement. */
public enum Cote {
    AGENT("Département"),
    GROUPEMENT("Groupement");

    private final String libelle;

    Cote(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
