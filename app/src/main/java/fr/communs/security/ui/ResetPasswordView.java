package fr.communs.security.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.security.AccountService;

/** The link of the reset mail: choose a new password (the link is used up when it is saved). */
@Route("mot-de-passe/:token")
@PageTitle("Nouveau mot de passe — Communs")
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {
    private final AccountService accounts;

    ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        Forms.page(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        add(new H1("Appel à communs"), new H2("Nouveau mot de passe"));
        if (!accounts.isPasswordResetLinkValid(token)) {
            invalid();
            return;
        }
        ErrorPanel errors = Forms.errorPanel();
        PasswordField password = Forms.newPasswordField("Nouveau mot de passe", true);
        PasswordField confirmation = Forms.newPasswordField("Confirmation du nouveau mot de passe", false);
        Button save = new Button("Enregistrer le nouveau mot de passe");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> {
            if (errors.run(() -> accounts.resetPassword(token, password.getValue(), confirmation.getValue()))) {
                removeAll();
                Paragraph ok = new Paragraph("Votre mot de passe est modifié. Vous pouvez vous connecter avec le nouveau.");
                ok.getElement().setAttribute("role", "status");
                add(new H1("Appel à communs"), new H2("Nouveau mot de passe"), ok, new Anchor("login", "Se connecter"));
            } else {
                password.clear();
                confirmation.clear();
            }
        });
        add(errors, password, confirmation, save);
    }

    private void invalid() {
        Paragraph ko = new Paragraph(AccountService.INVALID_LINK);
        ko.addClassName("error-panel");
        ko.getElement().setAttribute("role", "alert");
        ko.setWidth(Forms.WIDTH);
        add(ko, new Anchor("mot-de-passe-oublie", "Demander un nouveau lien"), new Anchor("login", "Revenir à la page de connexion"));
    }
}
