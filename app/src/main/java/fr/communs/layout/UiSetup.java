package fr.communs.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Per-UI setup: French locale, the platform's style sheet, and a French message for unexpected errors. */
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
        event.getSource().addUIInitListener(ui -> {
            ui.getUI().getPage().addStyleSheet("context://styles/communs.css");
            ui.getUI().setLocale(Locale.FRANCE);
        });
    }
}
