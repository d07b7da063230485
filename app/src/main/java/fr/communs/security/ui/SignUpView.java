package fr.communs.security.ui;

import fr.communs.base.ui.CharacterLimit;
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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.security.AccountService;
import fr.communs.security.SignUpData;

/** A person creates their own account; a confirmation link is mailed to them. */
@Route("inscription")
@PageTitle("Créer un compte — Communs")
@AnonymousAllowed
class SignUpView extends VerticalLayout {

    SignUpView(AccountService accounts) {
        Forms.page(this);
        ErrorPanel errors = Forms.errorPanel();
        TextField nom = new TextField("Nom complet");
        CharacterLimit.apply(nom, 200);
        nom.setRequiredIndicatorVisible(true);
        nom.getElement().setAttribute("autocomplete", "name");
        nom.setWidth(Forms.WIDTH);
        EmailField email = Forms.emailField();
        PasswordField password = Forms.newPasswordField("Mot de passe", true);
        PasswordField confirmation = Forms.newPasswordField("Confirmation du mot de passe", false);
        Button create = new Button("Créer mon compte");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> {
            if (errors.run(() -> accounts.signUp(new SignUpData(nom.getValue(), email.getValue(), password.getValue(),
                    confirmation.getValue())))) {
                sent(email.getValue().strip());
            } else {
                password.clear();
                confirmation.clear();
            }
        });
        Paragraph intro = new Paragraph("Un compte permet à une personne de déposer une idée de commun et d'agir pour sa "
                + "structure. Après avoir confirmé votre adresse, vous pourrez rattacher votre compte à votre structure.");
        intro.setWidth(Forms.WIDTH);
        add(new H1("Appel à communs"), new H2("Créer un compte"), intro, errors, nom, email, password, confirmation,
                create, new Anchor("login", "J'ai déjà un compte : me connecter"), new Anchor("", "Revenir à l'accueil"));
    }

    /** The same page whether the address was new or already had an account. */
    private void sent(String email) {
        removeAll();
        Paragraph text = new Paragraph("Un courriel de confirmation a été envoyé à l'adresse «\u00a0" + email + "\u00a0». "
                + "Ouvrez le lien qu'il contient (valable 48 heures) pour activer votre compte, puis connectez-vous.");
        text.setWidth(Forms.WIDTH);
        Paragraph help = new Paragraph("Rien reçu après quelques minutes ? Vérifiez votre dossier de courriers indésirables, "
                + "ou demandez un nouveau lien depuis la page de connexion.");
        help.setWidth(Forms.WIDTH);
        add(new H1("Appel à communs"), new H2("Vérifiez votre messagerie"), text, help,
                new Anchor("login", "Aller à la page de connexion"));
    }
}
