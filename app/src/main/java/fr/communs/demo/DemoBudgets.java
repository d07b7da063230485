package fr.communs.demo;

import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.campagne.Exigence;
import fr.communs.campagne.ExigenceService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.PieceJointeService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The Gard's requirements before transmission (statuts of the porteur administratif, amount requested and budget) and,
 * for each demo file transmitted, what meets them: a budget prévisionnel and the porteur's statuts, through the
 * services, as its porteur.
 */
@Component
@Profile("demo")
class DemoBudgets {
    private final BudgetService budgets;
    private final PieceJointeService pieces;
    private final ExigenceService exigences;
    private final CommunService communs;

    DemoBudgets(BudgetService budgets, PieceJointeService pieces, ExigenceService exigences, CommunService communs) {
        this.budgets = budgets;
        this.pieces = pieces;
        this.exigences = exigences;
        this.communs = communs;
    }

    /** As an administrator: the Gard requires the porteur's statuts and the budget typed on the platform. */
    void exigences(long campagneId) {
        exigences.update(campagneId, EnumSet.of(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI));
    }

    /** As the porteur (logged in): a budget requesting {@code demande} (half of the expenses) and the porteur's statuts. */
    void prepare(long communId, String demande) {
        Commun commun = communs.get(communId);
        budgets.save(communId, 0, budget(new BigDecimal(demande)));
        pieces.upload(communId, commun.porteurStructureId(), CategoriePiece.STATUTS, "Statuts " + commun.porteurNom() + ".pdf",
                new ByteArrayInputStream(DemoBackOffice.pdf("Statuts de " + commun.porteurNom()
                        + " (exemple de démonstration)")));
    }

    /** Expenses twice the amount requested; resources: the amount requested, own funds (30 %) and other funders. */
    static Budget budget(BigDecimal demande) {
        BigDecimal total = demande.multiply(BigDecimal.valueOf(2));
        BigDecimal coordination = part(total, 45);
        BigDecimal rencontres = part(total, 25);
        BigDecimal materiel = part(total, 20);
        BigDecimal publication = total.subtract(coordination).subtract(rencontres).subtract(materiel);
        BigDecimal autofinancement = part(total, 30);
        BigDecimal autres = total.subtract(demande).subtract(autofinancement);
        return new Budget(demande, List.of(
                new LigneBudget("Coordination et animation du groupement (temps salarié)", coordination),
                new LigneBudget("Ateliers, rencontres et communication", rencontres),
                new LigneBudget("Matériel et petits aménagements", materiel),
                new LigneBudget("Documentation et publication sous licence libre", publication)), List.of(
                new LigneBudget("Autofinancement des structures du groupement (dont bénévolat valorisé)", autofinancement),
                new LigneBudget("Autres financeurs (communes, fondations)", autres)));
    }

    private static BigDecimal part(BigDecimal total, int percent) {
        return total.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    }
}
