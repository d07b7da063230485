package fr.communs.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one amount field: nothing typed is filtered or cut, errors are shown on the field itself. */
class MontantFieldTest {

    private static MontantField typed(String text) {
        MontantField field = new MontantField("Montant (€)");
        field.setValue(text);
        return field;
    }

    @ParameterizedTest(name = "« {0} » = {1}")
    @CsvSource(delimiter = ';', value = {"1500;1500", "1 500;1500", "1500,50;1500.50", "1500.50;1500.50",
            "15 000;15000", "1 500 €;1500", "1\u202f500,5;1500.5"})
    void an_amount_is_read_with_a_comma_or_a_dot_spaces_and_the_euro_sign(String text, String expected) {
        MontantField field = typed(text);
        assertThat(field.montant()).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(field.isInvalid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e12", "1.500.000", "12,345", "abc", "-10"})
    void anything_else_is_refused_on_the_field_itself_as_soon_as_it_is_left(String text) {
        MontantField field = typed(text);        // a value change (the field is left) validates at once
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).startsWith("« Montant » : « " + text + " »");
        assertThatThrownBy(field::montant).isInstanceOf(ValidationException.class).hasMessage(field.getErrorMessage());
    }

    @Test
    void the_browser_is_not_asked_to_filter_or_cut_what_is_typed() {
        MontantField field = new MontantField("Montant");
        assertThat(field.getAllowedCharPattern()).isNullOrEmpty();
        assertThat(field.getMaxLength()).isZero();
    }

    @Test
    void an_amount_set_by_the_platform_is_shown_readably_and_read_back_unchanged() {
        MontantField field = new MontantField("Montant");
        field.setMontant(new BigDecimal("9000.50"));
        assertThat(field.getValue()).isEqualTo("9 000,50");
        assertThat(field.montant()).isEqualByComparingTo("9000.50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void an_empty_field_is_no_amount(String text) {
        assertThat(typed(text).montant()).isNull();
    }
}
