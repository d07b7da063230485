package fr.communs.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-UI setup: French locale, the platform's style sheet, a French message for unexpected errors, the connection
 * indicator in French, one main landmark per page.
 */
@Component
class UiSetup implements VaadinServiceInitListener {
    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            VaadinSession session = init.getSession();
            session.setLocale(Locale.FRANCE);
            session.setErrorHandler(error -> {
                log.error("Erreur inattendue dans l'interface", error.getThrowable());
                if (com.vaadin.flow.component.UI.getCurrent() != null) {
                    Notification n = Notification.show("Une erreur inattendue est survenue ; votre action n'a pas été enregistrée. "
                            + "Réessayez, et si le problème persiste, contactez le service.", 8000, Notification.Position.TOP_CENTER);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        });
        event.addIndexHtmlRequestListener(response -> {
            response.getDocument().selectFirst("html").attr("lang", "fr");
            response.getDocument().head().appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml")
                    .attr("href", "images/favicon.svg");
        });
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.getPage().addStyleSheet("context://styles/communs.css");
            ui.setLocale(Locale.FRANCE);
            connectionInFrench(ui);
            // Pages outside the application frame (account pages) are their own main landmark; MainLayout wraps the
            // others in a <main>.
            ui.addAfterNavigationListener(nav -> {
                List<HasElement> chain = nav.getActiveChain();
                if (!chain.isEmpty() && !(chain.get(chain.size() - 1) instanceof MainLayout)) {
                    chain.get(0).getElement().setAttribute("role", "main");
                }
            });
        });
    }

    static final String RECONNEXION = "Connexion au serveur perdue : nouvelle tentative en cours…";
    static final String CONNEXION_PERDUE = "Connexion perdue : vérifiez votre accès à Internet, puis rechargez la page.";
    static final String CONNEXION_RETABLIE = "Connexion rétablie";

    /**
     * The indicator shown when the connection to the server drops ("Connection lost" in English by default): Flow
     * passes the reconnection texts to it; the browser's own "offline" and "back online" texts are set on the
     * indicator itself.
     */
    private static void connectionInFrench(UI ui) {
        ui.getReconnectDialogConfiguration().setDialogText(RECONNEXION);
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(CONNEXION_PERDUE);
        ui.getPage().executeJs("""
                const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
                if (indicator) {
                    indicator.reconnectingText = $0;
                    indicator.offlineText = $1;
                    indicator.onlineText = $2;
                }""", RECONNEXION, CONNEXION_PERDUE, CONNEXION_RETABLIE);
    }
}
