package fr.communs.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.ValidationException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lost race is told as what it is, never as "Le formulaire contient une erreur". */
class ErrorPanelConflictTest {
    ErrorPanel panel = new ErrorPanel();

    @BeforeEach
    void ui() {
        UI.setCurrent(new UI());
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void a_change_made_by_someone_else_meanwhile_is_not_called_a_form_error() {
        boolean ok = panel.run(() -> {
            throw new ConcurrentChangeException("Ce dossier a été modifié entre-temps (dans un autre onglet). Rechargez la page.");
        });

        assertThat(ok).isFalse();
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.conflict()).isTrue();
        assertThat(panel.getElement().getTextRecursively()).doesNotContain("formulaire contient")
                .contains("modifié entre-temps").contains("Recharger la page");
    }

    @Test
    void a_lost_optimistic_lock_of_the_database_or_of_the_engine_says_someone_else_changed_the_file() {
        for (RuntimeException lost : List.of(
                new org.springframework.dao.OptimisticLockingFailureException("row version"),
                new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005"),
                new org.springframework.dao.DuplicateKeyException("uk"))) {
            panel.run(() -> {
                throw lost;
            });
            assertThat(panel.conflict()).isTrue();
            assertThat(panel.getElement().getTextRecursively()).doesNotContain("formulaire contient")
                    .doesNotContain("ENGINE").doesNotContain("row version");
        }
        assertThat(panel.getElement().getTextRecursively()).contains("rechargez la page");
    }

    @Test
    void bad_input_is_still_shown_as_errors_of_the_form() {
        panel.run(() -> {
            throw new ValidationException("Le titre est obligatoire.");
        });

        assertThat(panel.conflict()).isFalse();
        assertThat(panel.getElement().getTextRecursively()).contains("Le formulaire contient une erreur");
    }
}
