package fr.communs.comite.membre;

/** The collèges of the Comité d'accompagnement des communs, each member sitting in one. */
public enum College {
    ELU("Élu(e)"),
    AGENT_REFERENT_ESS("Agent référent ESS"),
    ACTEUR_ESS("Acteur de l'ESS"),
    COMITE_PILOTAGE("Comité de pilotage de la plateforme");

    private final String libelle;

    College(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
