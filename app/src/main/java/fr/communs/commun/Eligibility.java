package fr.communs.commun;

import fr.communs.structure.Structure;
import java.util.List;

/**
 * The groupement's eligibility: at least 3 structures, at least 2/3 of them ESS and located in the campagne's
 * territory (integers: {@code 3 × qualifying ≥ 2 × members}), and a porteur administratif ESS and located there.
 */
public record Eligibility(List<Rule> rules) {
    public static final int MIN_STRUCTURES = 3;

    /** One rule, green or red, with its French explanation. */
    public record Rule(String libelle, boolean ok, String explication) {
    }

    public boolean eligible() {
        return rules.stream().allMatch(Rule::ok);
    }

    /** Evaluates the rules for the given members (the porteur included) in a territory. */
    public static Eligibility evaluate(List<Structure> membres, Structure porteur, String territoireCode,
                                       String territoireNom) {
        int n = membres.size();
        long q = membres.stream().filter(s -> s.essEtImplantee(territoireCode)).count();
        Rule taille = new Rule("Au moins " + MIN_STRUCTURES + " structures", n >= MIN_STRUCTURES,
                n >= MIN_STRUCTURES ? "Le groupement compte " + n + " structures."
                        : "Le groupement compte " + n + " structure" + (n > 1 ? "s" : "") + " : il en manque "
                        + (MIN_STRUCTURES - n) + ".");
        boolean deuxTiers = n > 0 && 3 * q >= 2L * n;
        long manquantes = missingQualifying(n, q);
        Rule ess = new Rule("Au moins 2/3 de structures de l'ESS implantées dans le " + territoireNom, deuxTiers,
                q + " structure" + (q > 1 ? "s" : "") + " sur " + n + " relève" + (q > 1 ? "nt" : "")
                        + " de l'ESS et " + (q > 1 ? "sont implantées" : "est implantée") + " dans le " + territoireNom
                        + (deuxTiers ? "." : " : il en faudrait " + manquantes + " de plus (ou moins de structures hors critère)."));
        boolean porteurOk = porteur != null && porteur.essEtImplantee(territoireCode);
        Rule porteurRule = new Rule("Porteur administratif de l'ESS et implanté dans le " + territoireNom, porteurOk,
                porteur == null ? "Aucun porteur administratif."
                        : porteur.nom() + (porteurOk ? " relève de l'ESS et est implantée dans le " + territoireNom + "."
                        : " doit relever de l'ESS et être implantée dans le " + territoireNom + "."));
        return new Eligibility(List.of(taille, ess, porteurRule));
    }

    /** How many more qualifying structures a groupement of n with q qualifying needs (adding them grows n too). */
    static long missingQualifying(int n, long q) {
        long k = 0;
        while (3 * (q + k) < 2 * (n + k)) {
            k++;
        }
        return k;
    }
}
