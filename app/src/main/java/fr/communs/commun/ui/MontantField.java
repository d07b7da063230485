package fr.communs.commun.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.base.ValidationException;
import java.math.BigDecimal;

/**
 * An amount in euros typed the way people type it: "1500", "1 500", "1500,50" or "1500.50". Unlike a locale-bound
 * number field, a dot is never silently dropped (which turned "1500.00" into 150 000 €).
 */
class MontantField extends TextField {

    MontantField(String label) {
        super(label);
        setSuffixComponent(new Span("€"));
        setAllowedCharPattern("[0-9 ,.\\u00a0\\u202f]");
        setMaxLength(20);
        setHelperText("Par exemple 1 500 ou 1 500,50.");
    }

    /** The amount, {@code null} when empty; a French error when it is not an amount. */
    BigDecimal montant() {
        String text = getValue() == null ? "" : getValue().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw new ValidationException("Le montant « " + getValue().strip() + " » n'est pas un montant en euros : "
                    + "écrivez par exemple 1 500 ou 1 500,50.");
        }
        return new BigDecimal(text);
    }
}
