package fr.communs.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter that replaces the browser's silent cut: what it says, when the field is invalid, what forms ask. */
class CharacterLimitTest {

    private static void type(AbstractField<?, String> field, String value) throws Exception {
        Method set = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
        set.setAccessible(true);
        set.invoke(field, value, true);
    }

    private static String helper(TextArea area) {
        return area.getHelperComponent().getElement().getTextRecursively();
    }

    @Test
    void the_counter_groups_thousands_and_says_by_how_much_to_shorten_in_french() {
        assertThat(CharacterLimit.counter(0, 200)).isEqualTo("0 / 200 caractères");
        assertThat(CharacterLimit.counter(1000, 1000)).isEqualTo("1\u00a0000 / 1\u00a0000 caractères");
        assertThat(CharacterLimit.counter(1250, 1000))
                .isEqualTo("1\u00a0250 / 1\u00a0000 caractères : raccourcissez le texte de 250 caractères");
        assertThat(CharacterLimit.counter(1001, 1000))
                .isEqualTo("1\u00a0001 / 1\u00a0000 caractères : raccourcissez le texte de 1 caractère");
        assertThat(CharacterLimit.counter(12_345_678, 4000)).startsWith("12\u00a0345\u00a0678 / 4\u00a0000");
    }

    @Test
    void a_field_keeps_its_help_gets_a_counter_and_no_maxlength_for_the_browser_to_cut_with() throws Exception {
        TextArea area = new TextArea("Résumé");
        area.setHelperText("En quelques lignes.");
        CharacterLimit.apply(area, 1000);

        assertThat(area.getMaxLength()).isZero();
        assertThat(area.getElement().hasProperty("maxlength")).isFalse();
        assertThat(area.getHelperText()).isNull();
        assertThat(helper(area)).isEqualTo("En quelques lignes.0 / 1\u00a0000 caractères");
        assertThat(CharacterLimit.max(area)).isEqualTo(1000);

        type(area, "x".repeat(1250));
        assertThat(area.getValue()).hasSize(1250);
        assertThat(area.isInvalid()).isTrue();
        assertThat(area.getErrorMessage()).isEqualTo("1\u00a0250 / 1\u00a0000 caractères : raccourcissez le texte de 250 caractères");
        assertThat(helper(area)).endsWith("raccourcissez le texte de 250 caractères");
        assertThat(CharacterLimit.problems(List.of(area))).containsExactly(
                "« Résumé » : 1\u00a0250 / 1\u00a0000 caractères : raccourcissez le texte de 250 caractères.");

        type(area, "x".repeat(1000));
        assertThat(area.isInvalid()).isFalse();
        assertThat(area.getErrorMessage()).isNullOrEmpty();
        assertThat(CharacterLimit.problems(List.of(area))).isEmpty();
    }

    @Test
    void an_error_set_by_the_form_is_left_alone_and_applying_twice_keeps_one_counter() throws Exception {
        TextField titre = new TextField("Titre");
        CharacterLimit.apply(titre, 10);
        CharacterLimit.apply(titre, 20);
        titre.setErrorMessage("Le champ « Titre » est obligatoire.");
        titre.setInvalid(true);

        type(titre, "court");

        assertThat(titre.getErrorMessage()).as("not the counter's error: kept").isEqualTo("Le champ « Titre » est obligatoire.");
        assertThat(CharacterLimit.max(titre)).isEqualTo(20);
        assertThat(titre.getHelperComponent().getElement().getTextRecursively()).isEqualTo("5 / 20 caractères");
        CharacterLimit.setHelp(titre, "Un nom court.");
        assertThat(titre.getHelperComponent().getElement().getTextRecursively()).isEqualTo("Un nom court.5 / 20 caractères");
    }
}
