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
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.security.AccountService;

/** Asks for a password-reset link; the answer never says whether an account exists. */
@Route("mot-de-passe-oublie")
@PageTitle("Mot de passe oublié — Communs")
@AnonymousAllowed
class ForgotPasswordView extends VerticalLayout {

    ForgotPasswordView(AccountService accounts) {
        Forms.page(this);
        ErrorPanel errors = Forms.errorPanel();
        EmailField email = Forms.emailField();
        Paragraph intro = new Paragraph("Indiquez l'adresse électronique de votre compte : vous recevrez un lien pour "
                + "choisir un nouveau mot de passe.");
        intro.setWidth(Forms.WIDTH);
        Button send = new Button("Recevoir un lien");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> {
            if (errors.run(() -> accounts.requestPasswordReset(email.getValue()))) {
                sent(email.getValue().strip());
            }
        });
        add(new H1("Appel à communs"), new H2("Mot de passe oublié"), intro, errors, email, send,
                new Anchor("login", "Revenir à la page de connexion"));
    }

    private void sent(String email) {
        removeAll();
        Paragraph text = new Paragraph("Si un compte existe avec l'adresse «\u00a0" + email + "\u00a0», un courriel contenant un "
                + "lien pour choisir un nouveau mot de passe vient d'y être envoyé. Ce lien est valable 1 heure et ne "
                + "sert qu'une fois.");
        text.setWidth(Forms.WIDTH);
        text.getElement().setAttribute("role", "status");
        add(new H1("Appel à communs"), new H2("Vérifiez votre messagerie"), text,
                new Anchor("login", "Revenir à la page de connexion"));
    }
}
