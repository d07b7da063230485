package fr.communs.base;

/**
 * Where a commun stands, as shown in lists (the detailed steps come from the process, see {@code fr.communs.commun.Etape}).
 * Shared by every feature that judges a commun's state (the commun itself, its contributions, budget, pieces…) so that
 * none keeps its own copy of these rules.
 */
public enum CommunStatut {
    BROUILLON("Brouillon (non publié)", false),
    EN_CONSTITUTION("Groupement en constitution", false),
    DEPOT_CLOS("Dépôt clos sans transmission", true),
    EN_INSTRUCTION("En instruction", false),
    COMPLEMENTS_DEMANDES("Compléments demandés", false),
    NON_RECEVABLE("Non recevable", true),
    AU_COMITE("Au comité d'accompagnement", false),
    A_L_ASSEMBLEE("Proposé à l'Assemblée", false),
    REJETE("Subvention non votée", true),
    LAUREAT("Lauréat — livrable attendu", false),
    LIVRABLE_DEPOSE("Lauréat — livrable déposé", true);

    private final String libelle;
    private final boolean termine;

    CommunStatut(String libelle, boolean termine) {
        this.libelle = libelle;
        this.termine = termine;
    }

    public String libelle() {
        return libelle;
    }

    public boolean termine() {
        return termine;
    }
}
