package fr.communs.comite.resultat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comité's arithmetic on a known set of scores: exact numbers, rounding, disagreement, ranking. */
class AgregationTest {
    private static final List<CritereGrille> GRILLE = List.of(
            new CritereGrille(1, 1, "Nombre et typologie des contributeurs", BigDecimal.ONE, 5),
            new CritereGrille(2, 2, "Gouvernance démocratique, coopérative et transparente", BigDecimal.ONE, 5),
            new CritereGrille(3, 3, "Pertinence des projets en lien avec les défis", BigDecimal.ONE, 5),
            new CritereGrille(4, 4, "Pertinence de la proposition relativement à la notion de communs", BigDecimal.ONE, 5));

    private static final Agregation.Dossier ALPHA = new Agregation.Dossier(10, "Alpha");
    private static final Agregation.Dossier BETA = new Agregation.Dossier(20, "Bêta");
    private static final Agregation.Dossier GAMMA = new Agregation.Dossier(30, "Gamma");
    private static final Agregation.Dossier DELTA = new Agregation.Dossier(40, "Delta");

    /** One member's four scores on a file. */
    private static void notation(List<Agregation.Note> notes, long communId, long membreId, int... parCritere) {
        for (int i = 0; i < parCritere.length; i++) {
            notes.add(new Agregation.Note(communId, membreId, i + 1, parCritere[i]));
        }
    }

    /**
     * Alpha: 4 4 3 4 and 4 3 4 3 (means 4 / 3,5 / 3,5 / 3,5: 14,5 out of 20). Bêta: three members, 5 3 4 2, 2 3 4 3,
     * 1 3 5 3 (criterion 1 spread 4, means 8/3, 3, 13/3, 8/3: 38/3 = 12,67). Delta: 5 4 3 3 and 2 4 4 4 (14,5 too,
     * criterion 1 spread exactly 3). Gamma: nobody scored it.
     */
    private static List<Agregation.Note> jeuConnu() {
        List<Agregation.Note> notes = new ArrayList<>();
        notation(notes, 10, 101, 4, 4, 3, 4);
        notation(notes, 10, 102, 4, 3, 4, 3);
        notation(notes, 20, 101, 5, 3, 4, 2);
        notation(notes, 20, 102, 2, 3, 4, 3);
        notation(notes, 20, 103, 1, 3, 5, 3);
        notation(notes, 40, 103, 5, 4, 3, 3);
        notation(notes, 40, 104, 2, 4, 4, 4);
        return notes;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void the_files_are_ranked_by_weighted_mean_with_ties_sharing_their_rank_and_unscored_files_last() {
        List<ResultatDossier> classement = Agregation.classement(GRILLE, List.of(GAMMA, BETA, DELTA, ALPHA), jeuConnu());

        assertThat(classement).extracting(ResultatDossier::titre).containsExactly("Alpha", "Delta", "Bêta", "Gamma");
        assertThat(classement).extracting(ResultatDossier::rang).containsExactly(1, 1, 3, null);
        assertThat(classement).extracting(ResultatDossier::moyenneSur20)
                .containsExactly(d("14.50"), d("14.50"), d("12.67"), null);
        assertThat(classement).extracting(ResultatDossier::nombreNotations).containsExactly(2, 2, 3, 0);
    }

    @Test
    void each_criterion_has_its_mean_median_min_max_and_number_of_scores() {
        ResultatDossier beta = Agregation.dossier(GRILLE, BETA, jeuConnu());

        ResultatCritere contributeurs = beta.criteres().get(0);
        assertThat(contributeurs.nombreNotes()).isEqualTo(3);
        assertThat(contributeurs.moyenne()).isEqualTo(d("2.67"));      // 8 / 3
        assertThat(contributeurs.mediane()).isEqualTo(d("2.00"));
        assertThat(contributeurs.min()).isEqualTo(1);
        assertThat(contributeurs.max()).isEqualTo(5);
        assertThat(contributeurs.ecart()).isEqualTo(4);
        assertThat(beta.criteres()).extracting(ResultatCritere::moyenne)
                .containsExactly(d("2.67"), d("3.00"), d("4.33"), d("2.67"));
        assertThat(beta.criteres()).extracting(ResultatCritere::mediane)
                .containsExactly(d("2.00"), d("3.00"), d("4.00"), d("3.00"));

        ResultatDossier alpha = Agregation.dossier(GRILLE, ALPHA, jeuConnu());
        assertThat(alpha.criteres()).extracting(ResultatCritere::mediane)
                .as("with two scores the median is the mean of both")
                .containsExactly(d("4.00"), d("3.50"), d("3.50"), d("3.50"));
        assertThat(alpha.moyenneSur20()).isEqualTo(d("14.50"));
    }

    @Test
    void members_disagree_from_a_spread_of_three_points_on_a_criterion() {
        List<Agregation.Note> notes = jeuConnu();
        ResultatDossier alpha = Agregation.dossier(GRILLE, ALPHA, notes);
        ResultatDossier beta = Agregation.dossier(GRILLE, BETA, notes);
        ResultatDossier delta = Agregation.dossier(GRILLE, DELTA, notes);

        assertThat(alpha.desaccord()).as("spreads of 0 and 1").isFalse();
        assertThat(beta.desaccords()).extracting(c -> c.critere().numero()).containsExactly(1);
        assertThat(delta.desaccords()).as("a spread of exactly 3 counts").extracting(c -> c.critere().numero())
                .containsExactly(1);
        assertThat(Agregation.critere(GRILLE.get(0), List.of(1, 3)).desaccord()).as("a spread of 2 does not").isFalse();
        assertThat(Agregation.critere(GRILLE.get(0), List.of(0, 3)).desaccord()).isTrue();
    }

    @Test
    void weights_and_scales_bring_the_mean_to_twenty() {
        List<CritereGrille> grille = List.of(
                new CritereGrille(7, 1, "Sur 5, poids 2", d("2"), 5),
                new CritereGrille(8, 2, "Sur 10, poids 1", BigDecimal.ONE, 10));
        List<Agregation.Note> notes = List.of(
                new Agregation.Note(1, 1, 7, 3), new Agregation.Note(1, 2, 7, 4),
                new Agregation.Note(1, 1, 8, 7), new Agregation.Note(1, 2, 8, 8), new Agregation.Note(1, 3, 8, 8));

        ResultatDossier r = Agregation.dossier(grille, new Agregation.Dossier(1, "Pondéré"), notes);

        // (2 × 3,5 + 1 × 23/3) / (2 × 5 + 1 × 10) × 20 = 44/3 = 14,666…
        assertThat(r.moyenneSur20()).isEqualTo(d("14.67"));
        assertThat(r.nombreNotations()).isEqualTo(3);
    }

    @Test
    void the_mean_out_of_twenty_is_rounded_once_from_the_exact_sums() {
        List<CritereGrille> grille = GRILLE.subList(0, 3);
        List<Agregation.Note> notes = new ArrayList<>();
        notation(notes, 1, 1, 1, 1, 1);
        notation(notes, 1, 2, 0, 0, 0);
        notation(notes, 1, 3, 0, 0, 0);

        ResultatDossier r = Agregation.dossier(grille, new Agregation.Dossier(1, "Un tiers"), notes);

        assertThat(r.criteres()).extracting(ResultatCritere::moyenne).containsOnly(d("0.33"));
        // exact: 3 × 1/3 = 1 out of 15, × 20 = 1,333… → 1,33 (from the rounded means it would be 0,99 → 1,32)
        assertThat(r.moyenneSur20()).isEqualTo(d("1.33"));
    }

    @Test
    void rounding_is_half_up() {
        // 1 / 8 = 0,125 → 0,13 (half even would give 0,12)
        ResultatCritere c = Agregation.critere(GRILLE.get(0), List.of(1, 0, 0, 0, 0, 0, 0, 0));
        assertThat(c.moyenne()).isEqualTo(d("0.13"));
        // 0,125 / 5 × 20 = 0,5 exactly
        assertThat(Agregation.dossier(GRILLE.subList(0, 1), new Agregation.Dossier(1, "x"),
                List.of(new Agregation.Note(1, 1, 1, 1), new Agregation.Note(1, 2, 1, 0), new Agregation.Note(1, 3, 1, 0),
                        new Agregation.Note(1, 4, 1, 0), new Agregation.Note(1, 5, 1, 0), new Agregation.Note(1, 6, 1, 0),
                        new Agregation.Note(1, 7, 1, 0), new Agregation.Note(1, 8, 1, 0))).moyenneSur20())
                .isEqualTo(d("0.50"));
    }

    @Test
    void a_criterion_nobody_scored_counts_neither_above_nor_below_the_line() {
        ResultatDossier r = Agregation.dossier(GRILLE, ALPHA, List.of(new Agregation.Note(10, 1, 1, 4)));

        assertThat(r.moyenneSur20()).as("4 out of 5 on the only criterion scored").isEqualTo(d("16.00"));
        assertThat(r.criteres().get(1).nombreNotes()).isZero();
        assertThat(r.criteres().get(1).moyenne()).isNull();
        assertThat(r.criteres().get(1).desaccord()).isFalse();
    }

    @Test
    void scores_of_another_file_or_outside_the_grid_are_ignored() {
        List<Agregation.Note> notes = new ArrayList<>(jeuConnu());
        notes.add(new Agregation.Note(10, 105, 99, 0));

        assertThat(Agregation.classement(GRILLE, List.of(ALPHA), notes)).singleElement()
                .satisfies(r -> {
                    assertThat(r.moyenneSur20()).isEqualTo(d("14.50"));
                    assertThat(r.nombreNotations()).isEqualTo(2);
                    assertThat(r.rang()).isEqualTo(1);
                });
    }
}
