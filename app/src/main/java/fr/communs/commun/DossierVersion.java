package fr.communs.commun;

import fr.communs.budget.Budget;
import fr.communs.budget.LigneBudget;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A frozen version of a commun's file: what the groupement transmitted (version 1), then each completed version
 * sent back during the compléments loop. What the agents instruct is exactly this, not the live file.
 */
public record DossierVersion(int numero, Motif motif, OffsetDateTime createdAt, Contenu contenu) {

    public enum Motif {
        TRANSMISSION("Dossier transmis"), COMPLEMENTS("Dossier complété");

        private final String libelle;

        Motif(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /**
     * The file's content, with plain labels so that later changes of lists do not alter it.
     *
     * @param budget the amount requested and the budget prévisionnel, {@code null} when none was typed (and in
     *               versions frozen before the platform asked for it)
     */
    public record Contenu(String titre, String resume, String besoin, String interetGeneral, String gouvernance,
                          List<String> defis, List<String> enjeux, String echelle, boolean zoneRurale, boolean zoneQpv,
                          List<String> communes, String productions, String territoireCode, List<Membre> membres,
                          List<String> demandesContribution, List<String> contributionsAcceptees,
                          List<String> piecesJointes, BudgetFige budget) {
    }

    /**
     * The budget as it was transmitted, its totals written out so that the JSON reads on its own: the amount
     * requested from the Département (a resource), the expense lines, the other resource lines.
     */
    public record BudgetFige(BigDecimal montantDemande, List<LigneBudget> depenses, List<LigneBudget> ressources,
                             BigDecimal totalDepenses, BigDecimal totalRessources) {

        public static BudgetFige of(Budget b) {
            return new BudgetFige(b.montantDemande(), b.depenses(), b.ressources(), b.totalDepenses(), b.totalRessources());
        }

        /** The budget, to show it like the live one. */
        public Budget budget() {
            return new Budget(montantDemande, depenses, ressources);
        }
    }

    /** A member as it stood at that time: declared or verified ESS status, location, confirmation. */
    public record Membre(long structureId, String nom, String role, String formeJuridique, boolean ess,
                         boolean verifiee, String commune, String codeDepartement, OffsetDateTime confirmeLe) {

        /** The member as it stands now. */
        public static Membre of(MembreGroupement m) {
            return new Membre(m.structure().id(), m.structure().nom(), m.role().libelle(),
                    m.structure().formeJuridique().libelle(), m.structure().ess(), m.structure().verifiee(),
                    m.structure().commune(), m.structure().codeDepartement(), m.confirmeLe());
        }
    }
}
