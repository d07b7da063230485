package fr.communs.budget.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.BudgetService;
import fr.communs.layout.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * « Budget prévisionnel » of a commun ({@code /communs/<id>/budget}): the porteur administratif types the amount
 * requested from the Département and the budget while the file may change; the groupement and the Département read
 * it. Anyone else logged in gets a polite refusal; the service decides. Leaving with unsaved changes asks first.
 */
@Route(value = "communs/:communId([0-9]{1,18})/budget", layout = MainLayout.class)
@PermitAll
class BudgetView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {
    private final BudgetService budgets;
    private String title = "Budget prévisionnel";
    BudgetEditor editor;

    BudgetView(BudgetService budgets) {
        this.budgets = budgets;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("communId").orElseThrow()));
    }

    /** Builds the screen for a commun (also called by tests, without a router). */
    void show(long communId) {
        removeAll();
        editor = null;
        Anchor retour = new Anchor("communs/" + communId, "← Retour à la page du commun");
        try {
            editor = new BudgetEditor(budgets, communId, 2);
        } catch (ValidationException e) {
            throw new NotFoundException("Commun introuvable");
        } catch (NotAllowedException e) {
            add(retour, new H1(title));
            Paragraph refus = new Paragraph(e.getMessage());
            refus.addClassName("muted");
            add(refus);
            return;
        }
        String titre = editor.communTitre();
        title = "Budget prévisionnel — " + (titre == null || titre.isBlank() ? "brouillon sans titre" : titre);
        Paragraph intro = new Paragraph("Le montant que le groupement demande au Département et le budget du projet, "
                + "dépenses et ressources ligne par ligne. Ils sont transmis avec le dossier : le service instructeur, le "
                + "comité d'accompagnement et l'Assemblée les lisent à côté de la subvention qu'ils proposent.");
        add(retour, new H1(title), intro, editor);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (editor == null || !editor.dirty()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Quitter sans enregistrer le budget ?");
        dialog.add(new Paragraph("Vos dernières modifications du budget ne sont pas enregistrées. Si vous quittez la "
                + "page, elles seront perdues."));
        Button quitter = new Button("Quitter sans enregistrer", e -> {
            dialog.close();
            action.proceed();
        });
        quitter.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button rester = new Button("Rester sur la page", e -> dialog.close());
        rester.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(quitter, rester);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
