package fr.communs.budget;

import java.time.OffsetDateTime;

/**
 * A commun's budget as its screen shows it: the budget saved ({@code null} when none yet), its version for optimistic
 * locking (0 when none), and whether the person looking may change it now — if not, why.
 *
 * @param raisonNonModifiable why the caller may not change the budget now, in French; {@code null} when they may
 */
public record BudgetDuCommun(long communId, String communTitre, Budget budget, int version, OffsetDateTime modifieLe,
                             String modifieParNom, String raisonNonModifiable) {

    public boolean modifiable() {
        return raisonNonModifiable == null;
    }
}
