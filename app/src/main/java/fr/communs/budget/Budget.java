package fr.communs.budget;

import java.math.BigDecimal;
import java.util.List;

/**
 * A commun's budget prévisionnel: the amount requested from the Département, the expense lines and the other resource
 * lines (own funds, other funders…). The amount requested counts as a resource: the budget is balanced when
 * {@code montantDemande + Σ ressources = Σ dépenses}.
 */
public record Budget(BigDecimal montantDemande, List<LigneBudget> depenses, List<LigneBudget> ressources) {

    public Budget {
        // Not List.copyOf: a null line is reported by the service's check, not by a NullPointerException.
        depenses = depenses == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(depenses));
        ressources = ressources == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ressources));
    }

    public BigDecimal totalDepenses() {
        return sum(depenses);
    }

    /** The resources other than the amount requested. */
    public BigDecimal autresRessources() {
        return sum(ressources);
    }

    /** Every resource, the amount requested included. */
    public BigDecimal totalRessources() {
        return autresRessources().add(montantDemande == null ? BigDecimal.ZERO : montantDemande);
    }

    /** Resources minus expenses: negative when resources are missing, zero when balanced. */
    public BigDecimal ecart() {
        return totalRessources().subtract(totalDepenses());
    }

    public boolean equilibre() {
        return ecart().signum() == 0;
    }

    /** The share of the expenses the Département is asked to fund, in whole percent (rounded); 0 without expenses. */
    public int partDemandee() {
        BigDecimal total = totalDepenses();
        if (montantDemande == null || total.signum() == 0) {
            return 0;
        }
        return montantDemande.multiply(BigDecimal.valueOf(100)).divide(total, 0, java.math.RoundingMode.HALF_UP).intValue();
    }

    private static BigDecimal sum(List<LigneBudget> lignes) {
        return lignes.stream().map(l -> l == null || l.montant() == null ? BigDecimal.ZERO : l.montant())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
