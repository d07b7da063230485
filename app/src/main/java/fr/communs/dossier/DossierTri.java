package fr.communs.dossier;

/** Sort orders of the "Dossiers" list (the direction is a separate argument); ties are broken by the file's id. */
public enum DossierTri {
    TRANSMIS_LE("Date de transmission"),
    ECHEANCE("Échéance"),
    TITRE("Titre"),
    PORTEUR("Porteur administratif"),
    STATUT("État"),
    INSTRUCTEUR("Instructeur");

    private final String libelle;

    DossierTri(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
