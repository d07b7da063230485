package fr.communs.commun;

import fr.communs.structure.Structure;
import java.util.List;

/**
 * The groupement's eligibility: at least 3 structures, at least 2/3 of them ESS and located in the campagne's
 * territory (integers: {@code 3 × qualifying ≥ 2 × members}), a porteur administratif ESS and located there, and
 * every member's participation confirmed.
 */
public record Eligibility(List<Rule> rules) {
    public static final int MIN_STRUCTURES = 3;

    /** One rule, green or red, with its French explanation. */
    public record Rule(String libelle, boolean ok, String explication) {
    }

    public boolean eligible() {
        return rules.stream().allMatch(Rule::ok);
    }

    /** The same rules and one more. */
    public Eligibility with(Rule rule) {
        List<Rule> all = new java.util.ArrayList<>(rules);
        all.add(rule);
        return new Eligibility(List.copyOf(all));
    }

    /**
     * The file itself: the three features of a commun (need, general interest, democratic governance), what it will
     * produce and its scale must be written before the transmission.
     */
    public static Rule dossierComplet(Commun commun) {
        List<String> missing = new java.util.ArrayList<>();
        if (blank(commun.interetGeneral())) {
            missing.add("caractère d'intérêt général");
        }
        if (blank(commun.gouvernance())) {
            missing.add("gouvernance");
        }
        if (blank(commun.productions())) {
            missing.add("productions attendues");
        }
        if (commun.echelle() == null) {
            missing.add("échelle");
        }
        return new Rule("Dossier complet", missing.isEmpty(), missing.isEmpty()
                ? "Le besoin, l'intérêt général, la gouvernance, les productions et l'échelle sont renseignés."
                : "À compléter avant la transmission (« Modifier le dossier ») : " + String.join(", ", missing) + ".");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Evaluates the rules for the members (the porteur included, with role PORTEUR) in a territory. */
    public static Eligibility evaluate(List<MembreGroupement> membres, String territoireCode, String territoireNom) {
        int n = membres.size();
        List<Structure> qualifying = membres.stream().map(MembreGroupement::structure)
                .filter(s -> s.essEtImplantee(territoireCode)).toList();
        long q = qualifying.size();
        long declared = qualifying.stream().filter(s -> !s.verifiee()).count();
        Rule taille = new Rule("Au moins " + MIN_STRUCTURES + " structures", n >= MIN_STRUCTURES,
                n >= MIN_STRUCTURES ? "Le groupement compte " + n + " structures."
                        : "Le groupement compte " + n + " structure" + (n > 1 ? "s" : "") + " : il en manque "
                        + (MIN_STRUCTURES - n) + ".");
        boolean deuxTiers = n > 0 && 3 * q >= 2L * n;
        long manquantes = missingQualifying(n, q);
        Rule ess = new Rule("Au moins 2/3 de structures de l'ESS implantées dans le " + territoireNom, deuxTiers,
                q + " structure" + (q > 1 ? "s" : "") + " sur " + n + " relève" + (q > 1 ? "nt" : "")
                        + " de l'ESS et " + (q > 1 ? "sont implantées" : "est implantée") + " dans le " + territoireNom
                        + (declared == 0 || q == 0 ? "" : " (dont " + declared + " selon " + (declared > 1 ? "leur" : "sa")
                        + " déclaration, pas encore vérifiée par le Département)")
                        + (deuxTiers ? "." : " : il en faudrait " + manquantes + " de plus (ou moins de structures hors critère)."));
        Structure porteur = membres.stream().filter(m -> m.role() == RoleGroupement.PORTEUR)
                .map(MembreGroupement::structure).findFirst().orElse(null);
        boolean porteurOk = porteur != null && porteur.essEtImplantee(territoireCode);
        Rule porteurRule = new Rule("Porteur administratif de l'ESS et implanté dans le " + territoireNom, porteurOk,
                porteur == null ? "Aucun porteur administratif."
                        : porteur.nom() + (porteurOk ? " relève de l'ESS et est implantée dans le " + territoireNom
                        + (porteur.verifiee() ? " (vérifié)." : " (déclaré, pas encore vérifié).")
                        : " doit relever de l'ESS et être implantée dans le " + territoireNom + "."));
        List<String> unconfirmed = membres.stream().filter(m -> !m.confirme()).map(m -> m.structure().nom()).toList();
        Rule confirmes = new Rule("Participation confirmée par chaque membre", n > 0 && unconfirmed.isEmpty(),
                n == 0 ? "Aucun membre."
                        : unconfirmed.isEmpty() ? "Chaque structure a confirmé sa participation et son rôle."
                        : "En attente de confirmation : " + String.join(", ", unconfirmed) + ".");
        return new Eligibility(List.of(taille, ess, porteurRule, confirmes));
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
