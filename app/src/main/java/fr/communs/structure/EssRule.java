package fr.communs.structure;

/**
 * The ESS status a structure declares, derived from its legal form and agréments (loi n° 2014-856 du 31 juillet
 * 2014, art. 1 ; code du travail L. 3332-17-1 : SIAE and entreprises adaptées are agréées ESUS de plein droit).
 */
public final class EssRule {
    public static final String REGLE = "Relèvent de l'ESS : les associations, coopératives, mutuelles et fondations, "
            + "les sociétés commerciales de l'ESS (art. 1 de la loi du 31 juillet 2014), les entreprises agréées ESUS, "
            + "ainsi que les structures d'insertion (SIAE) et les entreprises adaptées, agréées ESUS de plein droit.";

    private EssRule() {
    }

    public static boolean isEss(FormeJuridique forme, boolean esus, SiaeType siae, boolean entrepriseAdaptee) {
        return (forme != null && forme.essParDefaut()) || esus || siae != null || entrepriseAdaptee;
    }

    /** Why this structure is (or is not) ESS, in French. */
    public static String explain(FormeJuridique forme, boolean esus, SiaeType siae, boolean entrepriseAdaptee) {
        if (forme != null && forme.essParDefaut()) {
            return "Relève de l'ESS par sa forme juridique (" + forme.libelle() + ").";
        }
        if (esus) {
            return "Relève de l'ESS par son agrément ESUS.";
        }
        if (siae != null) {
            return "Relève de l'ESS comme structure d'insertion (" + siae.libelle() + "), agréée ESUS de plein droit.";
        }
        if (entrepriseAdaptee) {
            return "Relève de l'ESS comme entreprise adaptée, agréée ESUS de plein droit.";
        }
        return "Ne relève pas de l'ESS : ni sa forme juridique, ni un agrément (ESUS, SIAE, entreprise adaptée) ne l'y rattachent.";
    }
}
