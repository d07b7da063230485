package fr.communs.structure;

/** Filters of the directory and the map; every field optional. */
public record AnnuaireFilter(String texte, Domaine domaine, FormeJuridique forme, Boolean ess, String epci,
                             String communeInsee) {
    public static AnnuaireFilter none() {
        return new AnnuaireFilter(null, null, null, null, null, null);
    }
}
