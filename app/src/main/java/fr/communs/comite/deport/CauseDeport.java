package fr.communs.comite.deport;

/**
 * Why a comité member is recused from a file: three automatic causes, computed from the directory and the file, and
 * the member's own declaration.
 */
public enum CauseDeport {
    /** An account of the member belongs to a structure of the file's groupement. */
    GROUPEMENT("Membre d'une structure du groupement"),
    /** An account of the member belongs to a structure that offered a contribution to the commun. */
    CONTRIBUTEUR("Membre d'une structure qui a proposé une contribution au commun"),
    /** The organisation the member represents is a structure of the groupement or one that offered a contribution. */
    ORGANISATION("Représente une structure du groupement ou contributrice"),
    /** The member declared a conflict of interest ("je me déporte"), with a reason. */
    DECLARE("Déport déclaré par le membre");

    private final String libelle;

    CauseDeport(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI and the procès-verbal. */
    public String libelle() {
        return libelle;
    }

    /** Whether the platform finds this cause by itself (not declared). */
    public boolean automatique() {
        return this != DECLARE;
    }
}
