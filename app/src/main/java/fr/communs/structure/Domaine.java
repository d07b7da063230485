package fr.communs.structure;

/** Domaines d'intervention, with the labels used by Gard Centrale's directory. */
public enum Domaine {
    AGIR_AVEC_LE_MONDE("agir avec le Monde"),
    COMMUNIQUER_INFORMER("communiquer / informer"),
    CULTURE("culture"),
    DECIDER_AGIR_ENSEMBLE("décider / agir ensemble"),
    HABITER("habiter"),
    NUMERIQUE_POUR_TOUS("numérique pour tous"),
    AUTRE("autre");

    private final String libelle;

    Domaine(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
