package fr.communs.messagerie.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.layout.MainLayout;
import fr.communs.messagerie.MessageService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import jakarta.annotation.security.PermitAll;

/**
 * The message thread of a file, on its own screen: the groupement's way to write to the Département (and the link of
 * their notifications). Any logged-in person may open it; the service decides who reads it.
 */
@Route(value = "communs/:communId([0-9]{1,18})/messages", layout = MainLayout.class)
@PermitAll
class MessagesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final MessageService service;
    private final CurrentUser currentUser;
    private String title = "Messages";

    MessagesView(MessageService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("communId").orElseThrow()));
    }

    /** Shows the thread of the commun, or the French reason why the caller cannot see it. */
    void show(long id) {
        removeAll();
        Anchor back = new Anchor("communs/" + id, "← Retour à la page du commun");
        String titre;
        try {
            titre = service.communTitle(id);
        } catch (NotAllowedException | ValidationException e) {
            title = "Messages";
            Paragraph refusal = new Paragraph(e.getMessage());
            refusal.getElement().setAttribute("role", "alert");
            add(new H1("Messages"), refusal, e instanceof NotAllowedException ? back : new Anchor("communs", "Voir les communs déposés"));
            return;
        }
        boolean agent = currentUser.hasRole(Roles.AGENT);
        boolean admin = currentUser.hasRole(Roles.ADMIN);
        title = (agent ? "Messages avec le groupement — "
                : admin ? "Messages entre le groupement et le Département — "
                : "Messages avec le Département — ") + titre;
        HorizontalLayout links = new HorizontalLayout(back);
        if (agent) {
            links.add(new Anchor(TaskScreens.DOSSIERS + "/" + id, "Ouvrir le dossier d'instruction"));
        }
        Paragraph intro = new Paragraph(intro(agent, admin));
        intro.addClassName("muted");
        add(new H1(title), links, intro, new MessagesPanel(service, currentUser, id));
    }

    /** The thread's introduction, in the words of its reader: the groupement, an agent, or the administrator. */
    static String intro(boolean agent, boolean admin) {
        if (agent) {
            return "Les messages sont lus par toutes les structures du groupement, qui sont prévenues à chaque envoi.";
        }
        if (admin) {
            return "Vous consultez, en tant qu'administrateur de la plateforme, les messages échangés entre les structures "
                    + "du groupement et le service Innovation sociale et solidaire du Département. Vous pouvez les lire, "
                    + "mais pas y répondre.";
        }
        return "Posez vos questions au service Innovation sociale et solidaire du Département et répondez aux siennes. "
                + "Les messages sont visibles des structures du groupement et des agents du Département.";
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
