package fr.communs.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** French login page. */
@Route("login")
@PageTitle("Connexion — Communs")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setI18n(frenchI18n());
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Appel à communs"), new Paragraph("Connectez-vous avec votre adresse électronique."), login,
                new Anchor("", "Revenir à l'accueil sans se connecter"));
    }

    static LoginI18n frenchI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle("Connexion");
        form.setUsername("Adresse électronique");
        form.setPassword("Mot de passe");
        form.setSubmit("Se connecter");
        form.setForgotPassword("Mot de passe oublié ?");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Identifiants incorrects");
        error.setMessage("Vérifiez votre adresse électronique et votre mot de passe, puis réessayez.");
        error.setUsername("L'adresse électronique est obligatoire.");
        error.setPassword("Le mot de passe est obligatoire.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
