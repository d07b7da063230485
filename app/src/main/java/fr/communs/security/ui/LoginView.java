package fr.communs.security.ui;

import com.vaadin.flow.component.UI;
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
import fr.communs.security.AccountService;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import fr.communs.security.EmailNotConfirmedException;

/**
 * French login page, with the ways in for people without a working login: create an account, forgotten password,
 * and a new confirmation link when the address is not confirmed yet ({@code /login?non-confirme}).
 */
@Route("login")
@PageTitle("Connexion — Communs")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    static final String NOT_CONFIRMED_PARAMETER = "non-confirme";
    static final String WAIT_PARAMETER = "attente";

    private final LoginForm login = new LoginForm();
    private final ResendConfirmationForm resend;

    public LoginView(AccountService accounts) {
        setWidthFull();
        setMinHeight("100vh"); // grows with the resend form instead of clipping the top
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setI18n(frenchI18n());
        login.setForgotPasswordButtonVisible(true);
        login.addForgotPasswordListener(e -> UI.getCurrent().navigate("mot-de-passe-oublie"));
        resend = new ResendConfirmationForm(accounts);
        add(new H1("Appel à communs"), new Paragraph("Connectez-vous avec votre adresse électronique."), login,
                new Anchor("inscription", "Pas encore de compte ? Créer un compte"),
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

    /**
     * The login form's error while logins are refused by the limits on guessing ({@code /login?attente=<seconds>}): says
     * to wait, the same for every address, so that it never tells whether an account exists.
     */
    static LoginI18n throttledI18n(long seconds) {
        LoginI18n i18n = frenchI18n();
        i18n.getErrorMessage().setTitle("Connexion momentanément bloquée");
        i18n.getErrorMessage().setMessage(AccountService.waitMessage(Duration.ofSeconds(Math.max(1, seconds))));
        return i18n;
    }

    /** The login form's error, when the password was right but the address is not confirmed yet. */
    static LoginI18n notConfirmedI18n() {
        LoginI18n i18n = frenchI18n();
        i18n.getErrorMessage().setTitle("Adresse électronique non confirmée");
        i18n.getErrorMessage().setMessage(new EmailNotConfirmedException().getMessage());
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean notConfirmed = parameters.containsKey(NOT_CONFIRMED_PARAMETER);
        OptionalLong wait = parameters.getOrDefault(WAIT_PARAMETER, List.of()).stream()
                .filter(v -> v.matches("\\d{1,6}")).mapToLong(Long::parseLong).findFirst();
        login.setI18n(wait.isPresent() ? throttledI18n(wait.getAsLong()) : notConfirmed ? notConfirmedI18n() : frenchI18n());
        login.setError(notConfirmed || wait.isPresent() || parameters.containsKey("error"));
        if (notConfirmed && resend.getParent().isEmpty()) {
            addComponentAtIndex(indexOf(login) + 1, resend);
        } else if (!notConfirmed && resend.getParent().isPresent()) {
            remove(resend);
        }
    }
}
