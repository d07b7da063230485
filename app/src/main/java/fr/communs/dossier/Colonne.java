package fr.communs.dossier;

/** Columns an agent may choose for an export of files, with their French headers, in the list's order. */
public enum Colonne {
    TITRE("Titre"),
    ETAT("État"),
    PORTEUR("Porteur administratif"),
    DEFIS("Défis"),
    TERRITOIRE("Territoire"),
    TRANSMIS_LE("Transmis le"),
    INSTRUCTEUR("Instructeur"),
    ECHEANCE("Échéance"),
    ETIQUETTES("Étiquettes"),
    LIEN("Lien");

    private final String entete;

    Colonne(String entete) {
        this.entete = entete;
    }

    /** The column's header in the exported file. */
    public String entete() {
        return entete;
    }
}
