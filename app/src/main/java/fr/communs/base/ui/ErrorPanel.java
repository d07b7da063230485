package fr.communs.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;

/**
 * A panel (role=alert) that lists the French errors of a refused action, hidden when empty. Used by every form,
 * including the account pages that stand outside the application frame.
 */
public class ErrorPanel extends Div {
    private List<String> shown = List.of();

    public ErrorPanel() {
        addClassName("error-panel");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    public void show(List<String> errors) {
        shown = List.copyOf(errors);
        removeAll();
        add(new Span(errors.size() > 1 ? "Le formulaire contient des erreurs :" : "Le formulaire contient une erreur :"));
        UnorderedList list = new UnorderedList();
        errors.forEach(e -> list.add(new ListItem(e)));
        add(list);
        setVisible(true);
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
        } catch (ValidationException e) {
            show(e.errors());
        } catch (NotAllowedException e) {
            Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            show(List.of("Quelqu'un agit sur ce dossier au même moment : votre saisie est conservée, réessayez dans un instant."));
        } catch (DuplicateKeyException e) {
            show(List.of("Cette opération vient d'être faite par ailleurs (par exemple dans un autre onglet) : "
                    + "rechargez la page pour voir la situation à jour."));
        }
        return false;
    }
}
