package fr.communs.base.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.communs.base.Montants;
import fr.communs.base.ValidationException;
import java.math.BigDecimal;

/**
 * The one amount field of the platform (contributions, subsidies, budgets): people type an amount in euros the way they
 * write it — "1500", "1 500", "1 500,50", "1500.50", "1 500 €" — and {@link Montants} reads it. Nothing typed or pasted
 * is filtered or cut by the browser (a filtered "1e12" became 112 €, a number field dropped the dot of "1500.50" and
 * emptied a pasted "15 000"): what is not an amount is refused, with the reason shown on the field itself as soon as
 * it is left, and again by {@link #montant()} when the form is sent.
 */
public class MontantField extends TextField {
    private final String label;
    private final BigDecimal plafond;

    /** An amount of at most the platform's ceiling ({@link Montants#PLAFOND}). */
    public MontantField(String label) {
        this(label, Montants.PLAFOND);
    }

    /** An amount of at most {@code plafond}, named in the message when it is exceeded. */
    public MontantField(String label, BigDecimal plafond) {
        super(label);
        this.label = label.replaceFirst("\\s*\\(€.*\\)$", "");
        this.plafond = plafond;
        setSuffixComponent(new Span("€"));
        setHelperText("Par exemple 1 500 ou 1 500,50.");
        setValueChangeMode(ValueChangeMode.ON_CHANGE);
        setManualValidation(true);
        setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        getElement().setAttribute("inputmode", "decimal");
        addValueChangeListener(e -> validateNow());
    }

    /** Shows the amount as people read it ("1 500,50"). */
    public void setMontant(BigDecimal montant) {
        setValue(Montants.toInput(montant));
    }

    /** The amount, {@code null} when empty; a {@link ValidationException} (also shown on the field) when it is not one. */
    public BigDecimal montant() {
        try {
            BigDecimal value = Montants.parse(getValue(), label, plafond);
            setInvalid(false);
            return value;
        } catch (ValidationException e) {
            setErrorMessage(e.getMessage());
            setInvalid(true);
            throw e;
        }
    }

    private void validateNow() {
        try {
            montant();
        } catch (ValidationException ignored) {
            // shown on the field by montant()
        }
    }
}
