package fr.communs.comite.resultat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arithmetic of the comité's results, with no database and no Spring: from the grid, the séance's files and every
 * score, the aggregates per file and per criterion and the ranking.
 *
 * <ul>
 * <li>Per criterion: number of scores, mean, median (the mean of the two middle scores when their number is even),
 * lowest and highest score; <b>désaccord</b> when highest − lowest ≥ {@value #ECART_DESACCORD} points.</li>
 * <li>Per file, the <b>weighted mean out of 20</b>: Σ(poids × moyenne du critère) / Σ(poids × note maximale) × 20, over
 * the criteria that received at least one score (a criterion nobody scored counts neither above nor below the line).
 * With the seeded grid (four criteria, weight 1, scale 0–5) it is the sum of the four means.</li>
 * <li><b>Rounding</b>: {@link BigDecimal}, to 2 decimals, half up ({@link RoundingMode#HALF_UP}: 14,125 → 14,13), and
 * only once: the mean out of 20 is computed from the exact sums of the scores (as one fraction), not from the rounded
 * means per criterion shown next to it.</li>
 * <li><b>Ranking</b>: by mean out of 20 as shown (2 decimals), highest first; files with the same mean share the
 * rank (1, 2, 2, 4) and are listed by title; files nobody scored come last, without a rank.</li>
 * </ul>
 */
public final class Agregation {
    /** Spread, in points, from which the members are said to disagree on a criterion. */
    public static final int ECART_DESACCORD = 3;
    /** Decimals of every aggregate shown. */
    public static final int DECIMALES = 2;
    private static final BigDecimal VINGT = BigDecimal.valueOf(20);

    private Agregation() {
    }

    /** A file on the séance's agenda. */
    public record Dossier(long communId, String titre) {
    }

    /** One score: what one member gave one file on one criterion. */
    public record Note(long communId, long membreId, long critereId, int note) {
    }

    /**
     * The results of every file, ranked (see the class comment). Scores of a file that is not in {@code dossiers},
     * or on a criterion that is not in {@code grille}, are ignored.
     */
    public static List<ResultatDossier> classement(List<CritereGrille> grille, List<Dossier> dossiers, List<Note> notes) {
        Map<Long, List<Note>> parDossier = notes.stream().collect(Collectors.groupingBy(Note::communId));
        List<ResultatDossier> sansRang = dossiers.stream()
                .map(d -> dossier(grille, d, parDossier.getOrDefault(d.communId(), List.of())))
                .toList();
        Collator titres = Collator.getInstance(Locale.FRENCH);
        List<ResultatDossier> tries = new ArrayList<>(sansRang);
        tries.sort(Comparator.comparing(ResultatDossier::moyenneSur20, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ResultatDossier::titre, titres)
                .thenComparingLong(ResultatDossier::communId));
        List<ResultatDossier> classes = new ArrayList<>(tries.size());
        Integer rang = null;
        BigDecimal precedente = null;
        for (int i = 0; i < tries.size(); i++) {
            ResultatDossier r = tries.get(i);
            if (r.moyenneSur20() == null) {
                rang = null;
            } else if (precedente == null || r.moyenneSur20().compareTo(precedente) != 0) {
                rang = i + 1;
                precedente = r.moyenneSur20();
            }
            classes.add(new ResultatDossier(r.communId(), r.titre(), rang, r.nombreNotations(), r.moyenneSur20(),
                    r.criteres()));
        }
        return List.copyOf(classes);
    }

    /** The results of one file from its scores (not ranked: {@code rang} is {@code null}). */
    public static ResultatDossier dossier(List<CritereGrille> grille, Dossier dossier, List<Note> notes) {
        Set<Long> notateurs = new HashSet<>();
        List<ResultatCritere> criteres = new ArrayList<>();
        List<CritereGrille> notesCriteres = new ArrayList<>();
        List<Integer> sommes = new ArrayList<>();
        List<Integer> nombres = new ArrayList<>();
        for (CritereGrille c : grille.stream().sorted(Comparator.comparingInt(CritereGrille::numero)).toList()) {
            List<Integer> valeurs = new ArrayList<>();
            for (Note n : notes) {
                if (n.communId() == dossier.communId() && n.critereId() == c.id()) {
                    valeurs.add(n.note());
                    notateurs.add(n.membreId());
                }
            }
            criteres.add(critere(c, valeurs));
            if (!valeurs.isEmpty()) {
                notesCriteres.add(c);
                sommes.add(valeurs.stream().mapToInt(Integer::intValue).sum());
                nombres.add(valeurs.size());
            }
        }
        return new ResultatDossier(dossier.communId(), dossier.titre(), null, notateurs.size(),
                moyenneSur20(notesCriteres, sommes, nombres), criteres);
    }

    /** The aggregates of one criterion from its scores. */
    public static ResultatCritere critere(CritereGrille critere, List<Integer> notes) {
        if (notes.isEmpty()) {
            return new ResultatCritere(critere, 0, null, null, null, null, false);
        }
        List<Integer> triees = notes.stream().sorted().toList();
        int n = triees.size();
        int somme = triees.stream().mapToInt(Integer::intValue).sum();
        BigDecimal moyenne = BigDecimal.valueOf(somme).divide(BigDecimal.valueOf(n), DECIMALES, RoundingMode.HALF_UP);
        BigDecimal mediane = n % 2 == 1
                ? BigDecimal.valueOf(triees.get(n / 2))
                : BigDecimal.valueOf(triees.get(n / 2 - 1) + triees.get(n / 2)).divide(BigDecimal.valueOf(2));
        int min = triees.get(0);
        int max = triees.get(n - 1);
        return new ResultatCritere(critere, n, moyenne, mediane.setScale(DECIMALES, RoundingMode.HALF_UP), min, max,
                max - min >= ECART_DESACCORD);
    }

    /**
     * 20 × Σ(w × S/n) / Σ(w × max) as one exact fraction — numerator 20 × Σ(w × S × P/n), denominator
     * P × Σ(w × max) with P the product of the numbers of scores — divided once, rounded half up to 2 decimals.
     */
    private static BigDecimal moyenneSur20(List<CritereGrille> criteres, List<Integer> sommes, List<Integer> nombres) {
        if (criteres.isEmpty()) {
            return null;
        }
        BigInteger produit = nombres.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        BigDecimal numerateur = BigDecimal.ZERO;
        BigDecimal maximum = BigDecimal.ZERO;
        for (int i = 0; i < criteres.size(); i++) {
            CritereGrille c = criteres.get(i);
            BigInteger autres = produit.divide(BigInteger.valueOf(nombres.get(i)));
            numerateur = numerateur.add(c.poids().multiply(BigDecimal.valueOf(sommes.get(i)))
                    .multiply(new BigDecimal(autres)));
            maximum = maximum.add(c.poids().multiply(BigDecimal.valueOf(c.noteMax())));
        }
        return numerateur.multiply(VINGT).divide(maximum.multiply(new BigDecimal(produit)), DECIMALES, RoundingMode.HALF_UP);
    }
}
