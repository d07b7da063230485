package fr.communs.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.base.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The French page shown when opening a page fails, instead of Vaadin's English "There was an exception while trying
 * to navigate". Vaadin picks the error view of the exception's own class first, then of a class in its chain of
 * causes, then of its nearest superclass: {@code NotFoundException} keeps its page, any other exception comes here.
 *
 * <p>When the database cannot be reached (see {@link DatabaseUnavailable}) the page says the service is briefly
 * unavailable, answers 503 and reloads itself every {@value #RETRY_SECONDS} seconds (and at once with
 * « Réessayer »): the person lands on the page they asked for as soon as the database is back. Other errors get a
 * French 500 page. The page stands outside the application frame, whose menu may need the database itself.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {
    static final int RETRY_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);
    private String title = "Erreur";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        return show(event.getLocation().getPath(), parameter.getCaughtException());
    }

    /** Fills the page for an error met while opening {@code path}; returns the HTTP status. */
    public int show(String path, Exception error) {
        removeAll();
        addClassName("page");
        if (DatabaseUnavailable.isCause(error)) {
            log.warn("Base de données indisponible en ouvrant /{} : {}", path, error.toString());
            title = DatabaseUnavailable.TITLE;
            Button retry = new Button("Réessayer", e -> getUI().ifPresent(ui -> ui.getPage().reload()));
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Paragraph status = new Paragraph("Nouvel essai automatique dans " + RETRY_SECONDS + " secondes.");
            status.getElement().setAttribute("role", "status");
            add(new H1(title),
                    new Paragraph("La plateforme ne parvient pas à joindre sa base de données pour le moment. "
                            + "Les informations déjà enregistrées sont conservées ; une action en cours au moment de "
                            + "la coupure n'a pas été enregistrée et pourra être refaite."),
                    status, retry);
            getElement().executeJs("setTimeout(() => window.location.reload(), $0)", RETRY_SECONDS * 1000);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        log.error("Erreur en ouvrant /{}", path, error);
        title = "Une erreur est survenue";
        add(new H1(title),
                new Paragraph("Cette page n'a pas pu s'afficher à cause d'une erreur inattendue. Réessayez dans un "
                        + "instant ; si le problème persiste, contactez le service."),
                new Anchor("", "Revenir à l'accueil"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }

    /** The page's heading. */
    public String heading() {
        return title;
    }
}
