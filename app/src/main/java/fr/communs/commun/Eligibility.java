package fr.communs.commun;

import fr.communs.base.Montants;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.campagne.Exigence;
import fr.communs.structure.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The groupement's eligibility: at least 3 structures, at least 2/3 of them ESS and located in the campagne's
 * territory (integers: {@code 3 × qualifying ≥ 2 × members}), a porteur administratif ESS and located there, and
 * every member's participation confirmed; then the file itself: complete, a porteur with a SIRET, and what the
 * campagne requires (attachments, budget).
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
        return withAll(List.of(rule));
    }

    /** The same rules and these ones. */
    public Eligibility withAll(List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new Eligibility(List.copyOf(all));
    }

    /** An attachment of the file as the rules read it: its category (a {@code CategoriePiece} name) and its structure. */
    public record PieceDeposee(String categorie, long structureId) {
    }

    /**
     * The porteur administratif receives the subsidy, so the Département needs its SIRET (the structure's record may
     * have none: associations often register with their RNA number only).
     */
    public static Rule porteurSiret(List<MembreGroupement> membres) {
        Structure porteur = porteurOf(membres);
        boolean ok = porteur != null && porteur.siret() != null && !porteur.siret().isBlank();
        return new Rule("SIRET du porteur administratif", ok, porteur == null ? "Aucun porteur administratif."
                : ok ? "« " + porteur.nom() + " » a un SIRET (" + siretLisible(porteur.siret()) + ") : c'est elle qui "
                + "recevra la subvention du Département."
                : "« " + porteur.nom() + " » n'a pas de SIRET sur sa fiche. C'est le porteur administratif qui reçoit la "
                + "subvention du Département : un administrateur de la structure ajoute son SIRET à sa fiche (« Mes "
                + "structures »), ou le rôle de porteur administratif est proposé à un membre qui en a un.");
    }

    /**
     * What the campagne requires before transmission: one rule for the attachments (saying which are missing, and for
     * which structure), one for the budget typed on the platform. None when the campagne requires nothing.
     *
     * @param budget the commun's budget, {@code null} when none was saved
     */
    public static List<Rule> exigences(Set<Exigence> exigences, List<MembreGroupement> membres,
                                       List<PieceDeposee> pieces, Budget budget) {
        List<Rule> rules = new ArrayList<>();
        List<Exigence> piecesExigees = exigences.stream().filter(Exigence::piece).sorted().toList();
        if (!piecesExigees.isEmpty()) {
            Structure porteur = porteurOf(membres);
            List<String> manquantes = new ArrayList<>();
            for (Exigence e : piecesExigees) {
                switch (e) {
                    case STATUTS_PORTEUR -> {
                        if (porteur == null || !deposee(pieces, e, porteur.id())) {
                            manquantes.add("les statuts du porteur administratif" + (porteur == null ? ""
                                    : ", déposés au nom de « " + porteur.nom() + " »") + " (catégorie « Statuts »)");
                        }
                    }
                    case BUDGET_PIECE -> {
                        if (pieces.stream().noneMatch(p -> e.categoriePiece().equals(p.categorie()))) {
                            manquantes.add("le budget prévisionnel détaillé (catégorie « Budget prévisionnel »)");
                        }
                    }
                    case LETTRES_ENGAGEMENT -> {
                        List<String> sans = membres.stream().filter(m -> m.role() != RoleGroupement.PORTEUR)
                                .filter(m -> !deposee(pieces, e, m.structure().id()))
                                .map(m -> "« " + m.structure().nom() + " »").toList();
                        if (!sans.isEmpty()) {
                            manquantes.add("une lettre d'engagement au nom de " + String.join(", ", sans)
                                    + " (catégorie « Lettre d'engagement »)");
                        }
                    }
                    default -> throw new IllegalStateException(e.name());
                }
            }
            rules.add(new Rule("Pièces exigées par l'appel", manquantes.isEmpty(), manquantes.isEmpty()
                    ? "Déposées : " + String.join(", ", piecesExigees.stream().map(x -> minuscule(x.libelle())).toList()) + "."
                    : "À déposer dans « Pièces jointes » avant la transmission : " + String.join(" ; ", manquantes) + "."));
        }
        if (exigences.contains(Exigence.BUDGET_SAISI)) {
            boolean ok = budget != null && !budget.depenses().isEmpty() && budget.equilibre();
            rules.add(new Rule("Montant demandé et budget prévisionnel", ok, ok
                    ? "Montant demandé au Département : " + Montants.format(budget.montantDemande()) + " pour un budget "
                    + "équilibré de " + Montants.format(budget.totalDepenses()) + " (" + budget.partDemandee()
                    + " % des dépenses)."
                    : budget == null || budget.depenses().isEmpty()
                    ? "À saisir avant la transmission (« Budget prévisionnel » sur la page du commun) : le montant "
                    + "demandé au Département, les dépenses et les ressources du projet."
                    : BudgetService.desequilibre(budget)));
        }
        return rules;
    }

    private static boolean deposee(List<PieceDeposee> pieces, Exigence e, long structureId) {
        return pieces.stream().anyMatch(p -> e.categoriePiece().equals(p.categorie()) && p.structureId() == structureId);
    }

    private static Structure porteurOf(List<MembreGroupement> membres) {
        return membres.stream().filter(m -> m.role() == RoleGroupement.PORTEUR).map(MembreGroupement::structure)
                .findFirst().orElse(null);
    }

    private static String minuscule(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "123 456 789 00012" (SIREN, then the establishment's number). */
    static String siretLisible(String siret) {
        return siret.length() == 14 ? siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9)
                + " " + siret.substring(9) : siret;
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
