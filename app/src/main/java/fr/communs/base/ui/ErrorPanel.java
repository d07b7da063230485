package fr.communs.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.button.Button;
import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;

/**
 * A panel (role=alert) that lists the French errors of a refused action, hidden when empty. Used by every form,
 * including the account pages that stand outside the application frame.
 */
public class ErrorPanel extends Div {
    /** What a concurrency loss says when the exception carries no French message of ours. */
    public static final String CONFLICT = "Ce dossier a été modifié par une autre personne (ou dans un autre onglet) "
            + "pendant votre saisie : rien n'a été enregistré. Rechargez la page pour voir la dernière version, puis "
            + "refaites vos changements.";
    private List<String> shown = List.of();
    private boolean conflict;

    public ErrorPanel() {
        addClassName("error-panel");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    public void show(List<String> errors) {
        shown = List.copyOf(errors);
        conflict = false;
        removeClassName("conflict");
        removeAll();
        add(new Span(errors.size() > 1 ? "Le formulaire contient des erreurs :" : "Le formulaire contient une erreur :"));
        UnorderedList list = new UnorderedList();
        errors.forEach(e -> list.add(new ListItem(e)));
        add(list);
        setVisible(true);
    }

    /**
     * Shows that the action lost a race with someone else (not an error of the form): what happened, and a button to
     * reload the page.
     */
    public void showConflict(String message) {
        shown = List.of(message);
        conflict = true;
        removeAll();
        addClassName("conflict");
        Span what = new Span(message);
        Button reload = new Button("Recharger la page", e -> getUI().ifPresent(ui -> ui.getPage().reload()));
        add(what, reload);
        setVisible(true);
    }

    /** Whether the panel shows a concurrency loss rather than errors of the form. */
    public boolean conflict() {
        return conflict;
    }

    /** The errors shown now (empty when the panel is hidden), for forms that also mark their fields. */
    public List<String> shown() {
        return shown;
    }

    /** Shows the errors and brings the panel into view (the button clicked may be far below). */
    public void reveal() {
        if (isVisible()) {
            getElement().callJsFunction("scrollIntoView");
        }
    }

    public void clear() {
        shown = List.of();
        conflict = false;
        removeClassName("conflict");
        removeAll();
        setVisible(false);
    }

    /**
     * Runs a service call; shows its validation errors here, and a refusal (rights, task taken by someone else) as
     * a notification. Returns true when the call succeeded.
     */
    public boolean run(Runnable action) {
        clear();
        try {
            action.run();
            return true;
        } catch (ConcurrentChangeException e) {
            showConflict(e.getMessage());
        } catch (ValidationException e) {
            show(e.errors());
        } catch (NotAllowedException e) {
            Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            showConflict("Quelqu'un agit sur ce dossier au même moment : votre saisie est conservée, réessayez dans un instant.");
        } catch (org.springframework.dao.OptimisticLockingFailureException
                 | org.camunda.bpm.engine.OptimisticLockingException e) {
            showConflict(CONFLICT);
        } catch (DuplicateKeyException e) {
            showConflict("Cette opération vient d'être faite par ailleurs (par exemple dans un autre onglet) : "
                    + "rechargez la page pour voir la situation à jour.");
        }
        return false;
    }
}
