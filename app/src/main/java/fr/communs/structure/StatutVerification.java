package fr.communs.structure;

/** Whether an agent has checked the declared ESS status and location of a structure. */
public enum StatutVerification {
    A_VERIFIER("Déclaré, à vérifier"),
    VERIFIEE("Vérifié par le Département"),
    REFUSEE("Refusé par le Département");

    private final String libelle;

    StatutVerification(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
