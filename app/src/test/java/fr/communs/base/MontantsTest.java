package fr.communs.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform's one reader of amounts: exactly the number written, or a French refusal that says why. */
class MontantsTest {

    @ParameterizedTest(name = "« {0} » = {1}")
    @CsvSource(delimiter = ';', value = {"1500;1500", "1 500;1500", "1 500,50;1500.50", "1500.50;1500.50",
            "1500,5;1500.5", "1 500 €;1500", "1500€;1500", "1 500,50 €;1500.50", "15 000;15000", "15\u00a0000;15000",
            "1\u202f500,5;1500.5", " 3 500 ;3500", "0;0", "0,99;0.99", "12000.50;12000.50", "1 234 567,89;1234567.89",
            "10 000 000;10000000", "1500 euros;1500"})
    void an_amount_is_read_as_people_write_it(String text, String expected) {
        BigDecimal value = Montants.parse(text, "Montant");
        assertThat(value).isEqualByComparingTo(expected);
        assertThat(value.toPlainString()).isEqualTo(expected);   // the scale typed is kept: 1500.50 stays 1500.50
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e12", "1E5", "abc", "12 abc", "0x10", "1_000", "+5", "∞", "NaN"})
    void anything_that_is_not_an_amount_is_refused_never_read_as_another_number(String text) {
        assertThatThrownBy(() -> Montants.parse(text, "Subvention proposée"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("« Subvention proposée » : « " + text.strip() + " » n'est pas un montant en euros");
    }

    @Test
    void each_refusal_says_what_is_wrong() {
        assertThatThrownBy(() -> Montants.parse("1.500.000", "Montant")).hasMessageContaining("plusieurs virgules ou points");
        assertThatThrownBy(() -> Montants.parse("1 500,50,2", "Montant")).hasMessageContaining("plusieurs virgules ou points");
        assertThatThrownBy(() -> Montants.parse("12,345", "Montant")).hasMessageContaining("plus de deux chiffres après la virgule");
        assertThatThrownBy(() -> Montants.parse("1500.505", "Montant")).hasMessageContaining("plus de deux chiffres après la virgule");
        assertThatThrownBy(() -> Montants.parse("-10", "Montant")).hasMessageContaining("est négatif");
        assertThatThrownBy(() -> Montants.parse("15 00", "Montant")).hasMessageContaining("groupes de trois chiffres");
        assertThatThrownBy(() -> Montants.parse("1 5000", "Montant")).hasMessageContaining("groupes de trois chiffres");
        assertThatThrownBy(() -> Montants.parse(",50", "Montant")).hasMessageContaining("n'est pas un montant en euros");
        assertThatThrownBy(() -> Montants.parse("12,", "Montant")).hasMessageContaining("n'est pas un montant en euros");
        assertThatThrownBy(() -> Montants.parse("1".repeat(60), "Montant")).hasMessageContaining("trop long");
    }

    @Test
    void an_amount_above_the_ceiling_is_refused_with_the_ceiling_named() {
        assertThatThrownBy(() -> Montants.parse("10 000 000,01", "Montant voté"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("« Montant voté » : « 10 000 000,01 » dépasse le plafond de 10 000 000 €.");
        assertThatThrownBy(() -> Montants.parse("1e12".replace("e", "000000000"), "Montant voté"))
                .hasMessageContaining("dépasse le plafond de 10 000 000 €");
        assertThatThrownBy(() -> Montants.parse("5 001", "Dépense", new BigDecimal("5000")))
                .hasMessageContaining("dépasse le plafond de 5 000 €");
    }

    @Test
    void blank_is_no_amount() {
        assertThat(Montants.parse(null, "Montant")).isNull();
        assertThat(Montants.parse("  ", "Montant")).isNull();
    }

    @Test
    void services_recheck_sign_cents_and_ceiling() {
        assertThatThrownBy(() -> Montants.check(Checks.start(), new BigDecimal("-1"), "Subvention", Montants.PLAFOND, false).orThrow())
                .hasMessage("« Subvention » : le montant doit être positif ou nul.");
        assertThatThrownBy(() -> Montants.check(Checks.start(), BigDecimal.ZERO, "Montant voté", Montants.PLAFOND, true).orThrow())
                .hasMessage("« Montant voté » : le montant doit être supérieur à 0 €.");
        assertThatThrownBy(() -> Montants.check(Checks.start(), new BigDecimal("1.005"), "Montant", Montants.PLAFOND, true).orThrow())
                .hasMessageContaining("au plus deux décimales");
        assertThatThrownBy(() -> Montants.check(Checks.start(), new BigDecimal("10000000.01"), "Montant", Montants.PLAFOND, true).orThrow())
                .hasMessageContaining("plafond de 10 000 000 €");
        Montants.check(Checks.start(), new BigDecimal("1500.50"), "Montant", Montants.PLAFOND, true).orThrow();
        Montants.check(Checks.start(), new BigDecimal("1500.500"), "Montant", Montants.PLAFOND, true).orThrow();
        Montants.check(Checks.start(), null, "Montant", Montants.PLAFOND, true).orThrow();
    }

    @Test
    void amounts_are_shown_the_french_way_and_written_back_readably() {
        assertThat(Montants.format(new BigDecimal("1500.5"))).matches("1\\h500,50\\h€");
        assertThat(Montants.format(null)).isEmpty();
        assertThat(Montants.toInput(new BigDecimal("1500.50"))).isEqualTo("1 500,50");
        assertThat(Montants.toInput(new BigDecimal("15000"))).isEqualTo("15 000");
        assertThat(Montants.parse(Montants.toInput(new BigDecimal("1234567.8")), "Montant")).isEqualByComparingTo("1234567.8");
    }
}
