package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts are read the way people type them, and a dot is never dropped silently. */
class MontantFieldTest {

    private static MontantField typed(String text) {
        MontantField field = new MontantField("Montant");
        field.setValue(text);
        return field;
    }

    @ParameterizedTest(name = "« {0} » = {1}")
    @CsvSource(delimiter = ';', value = {"1500;1500", "1 500;1500", "1500,50;1500.50", "1500.50;1500.50",
            "12000.50;12000.50", "1500.00;1500.00", " 3 500 ;3500", "1\u202f500,5;1500.5"})
    void an_amount_is_read_with_a_comma_or_a_dot_and_spaces(String text, String expected) {
        assertThat(typed(text).montant()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.500.000", "1,5,0", "12,345", "abc", "1e5", "-10"})
    void anything_else_is_refused_with_a_french_message(String text) {
        assertThatThrownBy(() -> typed(text).montant()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'est pas un montant en euros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void an_empty_field_is_no_amount(String text) {
        assertThat(typed(text).montant()).isNull();
    }
}
