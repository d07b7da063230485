package fr.communs.security.ui;

import fr.communs.base.ui.ErrorPanel;

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
 * {@code ErrorPanel} and uses the same style class.
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

    /** The shared error panel, at the width of the account forms. */
    static ErrorPanel errorPanel() {
        ErrorPanel errors = new ErrorPanel();
        errors.setWidth(WIDTH);
        return errors;
    }
}
