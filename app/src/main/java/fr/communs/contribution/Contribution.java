package fr.communs.contribution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A need of contribution published by the porteur of a commun ({@link SensContribution#DEMANDE}), or a contribution
 * proposed by a structure ({@link SensContribution#OFFRE}).
 *
 * @param montant     amount in euros, for financial contributions (required for a financial need, optional for an
 *                    offer), otherwise {@code null}
 * @param structureId the structure that proposes (offers), {@code null} for a need
 * @param structureNom its name, {@code null} for a need
 * @param decideLe    when the porteur accepted or refused the offer, or the need was marked as filled
 */
public record Contribution(long id, long communId, SensContribution sens, TypeContribution type, String description,
                           BigDecimal montant, Long structureId, String structureNom, StatutContribution statut,
                           OffsetDateTime createdAt, OffsetDateTime decideLe) {

    public boolean demande() {
        return sens == SensContribution.DEMANDE;
    }

    public boolean offre() {
        return sens == SensContribution.OFFRE;
    }

    /** The amount formatted in euros the French way ("1 500,00 €"), or an empty text. */
    public String montantEuros() {
        return montant == null ? "" : euros(montant);
    }

    /** An amount formatted in euros the French way ("1 500,00 €"). */
    public static String euros(BigDecimal montant) {
        return fr.communs.base.Montants.format(montant);
    }
}
