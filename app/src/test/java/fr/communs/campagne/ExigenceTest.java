package fr.communs.campagne;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.piece.CategoriePiece;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The requirements name attachment categories by their stored names: each must be one. */
class ExigenceTest {

    @Test
    void every_attachment_requirement_names_an_existing_attachment_category() {
        Arrays.stream(Exigence.values()).filter(Exigence::piece).forEach(e ->
                assertThat(CategoriePiece.valueOf(e.categoriePiece())).isNotNull());
        assertThat(Arrays.stream(Exigence.values()).filter(e -> !e.piece())).containsExactly(Exigence.BUDGET_SAISI);
    }
}
