package fr.communs.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** French page for an unknown address (or a page the person may not see). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {
    static final String TITLE = "Page introuvable — Communs";

    @Override
    public String getPageTitle() {
        return TITLE;
    }


    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("page");
        add(new H1("Page introuvable"),
                new Paragraph("Cette page n'existe pas, ou elle n'est pas accessible avec votre compte."),
                new Anchor("", "Revenir à l'accueil"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
