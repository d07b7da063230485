package fr.communs.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import fr.communs.base.ValidationException;
import fr.communs.security.AccountService;
import java.util.List;

/**
 * Helpers of the account pages. These pages stand alone like the login page, outside the application frame
 * ({@code layout} depends on {@code security}, so {@code security} does not use it); the error panel mirrors
 * {@code Ui.ErrorPanel} and uses the same style class.
 */
final class Forms {
    static final String WIDTH = "24em";

    private Forms() {
    }

    static void page(VerticalLayout layout) {
        layout.setWidthFull();
        layout.setMinHeight("100vh");
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.addClassName("account-page");
    }

    static EmailField emailField() {
        EmailField email = new EmailField("Adresse électronique");
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("L'adresse électronique n'est pas valide.")
                .setMaxLengthErrorMessage("L'adresse électronique ne doit pas dépasser 254 caractères."));
        email.getElement().setAttribute("autocomplete", "email");
        email.setWidth(WIDTH);
        return email;
    }

    static PasswordField newPasswordField(String label, boolean withRules) {
        PasswordField password = new PasswordField(label);
        password.setRequiredIndicatorVisible(true);
        password.getElement().setAttribute("autocomplete", "new-password");
        if (withRules) {
            password.setHelperText(AccountService.PASSWORD_RULES);
        }
        password.setWidth(WIDTH);
        return password;
    }

    /** A panel (role=alert) that lists the French errors of a refused action; hidden when empty. */
    static final class ErrorPanel extends Div {
        ErrorPanel() {
            addClassName("error-panel");
            getElement().setAttribute("role", "alert");
            setWidth(WIDTH);
            setVisible(false);
        }

        void show(List<String> errors) {
            removeAll();
            add(new Span(errors.size() > 1 ? "Le formulaire contient des erreurs :" : "Le formulaire contient une erreur :"));
            UnorderedList list = new UnorderedList();
            errors.forEach(e -> list.add(new ListItem(e)));
            add(list);
            setVisible(true);
        }

        void clear() {
            removeAll();
            setVisible(false);
        }

        /** Runs a service call and shows its validation errors here; true when it succeeded. */
        boolean run(Runnable action) {
            clear();
            try {
                action.run();
                return true;
            } catch (ValidationException e) {
                show(e.errors());
                return false;
            }
        }
    }
}
