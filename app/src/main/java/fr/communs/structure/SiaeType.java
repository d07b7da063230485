package fr.communs.structure;

/** Types of structure de l'insertion par l'activité économique (SIAE). */
public enum SiaeType {
    AI("Association intermédiaire"),
    ACI("Atelier et chantier d'insertion"),
    EI("Entreprise d'insertion"),
    ETTI("Entreprise de travail temporaire d'insertion");

    private final String libelle;

    SiaeType(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
