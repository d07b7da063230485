package fr.communs.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.base.ValidationException;
import fr.communs.security.AccountService;

/** The link of the confirmation mail: uses the token up and confirms the address. */
@Route("confirmation/:token")
@PageTitle("Confirmer mon adresse — Communs")
@AnonymousAllowed
class ConfirmEmailView extends VerticalLayout implements BeforeEnterObserver {
    private final AccountService accounts;

    ConfirmEmailView(AccountService accounts) {
        this.accounts = accounts;
        Forms.page(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Appel à communs"), new H2("Confirmer mon adresse"));
        try {
            accounts.confirmEmail(event.getRouteParameters().get("token").orElse(""));
            Paragraph ok = new Paragraph("Votre adresse électronique est confirmée. Vous pouvez maintenant vous connecter.");
            ok.getElement().setAttribute("role", "status");
            add(ok, new Anchor("login", "Se connecter"));
        } catch (ValidationException e) {
            Paragraph ko = new Paragraph(AccountService.INVALID_LINK);
            ko.addClassName("error-panel");
            ko.getElement().setAttribute("role", "alert");
            ko.setWidth(Forms.WIDTH);
            add(ko, new ResendConfirmationForm(accounts), new Anchor("login", "Aller à la page de connexion"));
        }
    }
}
