package fr.communs.comite.resultat;

import java.math.BigDecimal;
import java.util.List;

/**
 * The aggregated scores of one file of a séance: its rank among the séance's files ({@code null} while nobody scored
 * it; files with the same mean share the rank), how many members scored it, the weighted mean brought to a score out
 * of 20 ({@code null} without scores) and the aggregates per criterion, in the grid's order. Never who scored what.
 */
public record ResultatDossier(long communId, String titre, Integer rang, int nombreNotations, BigDecimal moyenneSur20,
                              List<ResultatCritere> criteres) {

    public ResultatDossier {
        criteres = List.copyOf(criteres);
    }

    /** Whether the members disagree strongly on at least one criterion. */
    public boolean desaccord() {
        return criteres.stream().anyMatch(ResultatCritere::desaccord);
    }

    /** The criteria on which the members disagree strongly. */
    public List<ResultatCritere> desaccords() {
        return criteres.stream().filter(ResultatCritere::desaccord).toList();
    }
}
