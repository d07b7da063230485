package fr.communs.comite.resultat;

import java.math.BigDecimal;

/**
 * The comité's scores of one file on one criterion, aggregated: how many members scored it, their mean and median
 * (rounded to the hundredth, half up), the lowest and highest score, and {@code desaccord} when the highest and the
 * lowest are {@value Agregation#ECART_DESACCORD} points apart or more. Without any score the numbers are {@code null}.
 */
public record ResultatCritere(CritereGrille critere, int nombreNotes, BigDecimal moyenne, BigDecimal mediane,
                              Integer min, Integer max, boolean desaccord) {

    /** The spread between the highest and the lowest score (0 without scores). */
    public int ecart() {
        return min == null ? 0 : max - min;
    }
}
