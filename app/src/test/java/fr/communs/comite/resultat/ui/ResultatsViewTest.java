package fr.communs.comite.resultat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import fr.communs.comite.resultat.Agregation;
import fr.communs.comite.resultat.CritereGrille;
import fr.communs.comite.resultat.ResultatDossier;
import fr.communs.support.Views;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A strong disagreement is shown by a red badge and said in words (criterion, lowest and highest score, spread). */
class ResultatsViewTest {
    private static final List<CritereGrille> GRILLE = List.of(
            new CritereGrille(1, 1, "Nombre et typologie des contributeurs", BigDecimal.ONE, 5),
            new CritereGrille(2, 2, "Gouvernance démocratique, coopérative et transparente", BigDecimal.ONE, 5));

    @Test
    void a_disagreement_is_a_badge_and_a_sentence_naming_the_criterion_and_the_spread() {
        ResultatDossier d = Agregation.dossier(GRILLE, new Agregation.Dossier(1, "Alpha"), List.of(
                new Agregation.Note(1, 1, 1, 5), new Agregation.Note(1, 2, 1, 1),
                new Agregation.Note(1, 1, 2, 3), new Agregation.Note(1, 2, 2, 4)));

        Component cell = ResultatsView.desaccord(d);

        assertThat(Views.text(cell)).contains("Désaccord",
                "« Nombre et typologie des contributeurs » : notes de 1 à 5 (écart de 4 points).")
                .doesNotContain("Gouvernance");
        assertThat(Views.descendants(cell).filter(Span.class::isInstance)
                .anyMatch(c -> c.getClassNames().containsAll(List.of("badge", "ko")))).isTrue();
    }

    @Test
    void without_disagreement_the_cell_says_no() {
        ResultatDossier d = Agregation.dossier(GRILLE, new Agregation.Dossier(1, "Alpha"), List.of(
                new Agregation.Note(1, 1, 1, 4), new Agregation.Note(1, 2, 1, 2)));

        assertThat(Views.text(ResultatsView.desaccord(d))).isEqualTo("Non");
    }
}
