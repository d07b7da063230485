package fr.communs.structure;

/** Sort orders of the directory. */
public enum AnnuaireSort {
    NOM("Nom (A → Z)"), COMMUNE("Commune"), RECENTES("Inscrites récemment"), PERTINENCE("Pertinence");

    private final String libelle;

    AnnuaireSort(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
