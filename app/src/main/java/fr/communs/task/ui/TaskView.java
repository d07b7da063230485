package fr.communs.task.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import fr.communs.layout.Ui;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Base of every user-task screen: loads the task for the current user (or goes back to "Mes tâches" with a
 * message), shows which commun it is about and its due date, then lets the subclass build its form. The form
 * calls one service method, which checks the task again and completes it in one transaction.
 */
public abstract class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final TaskService tasks;
    private final String definitionKey;
    protected final ErrorPanel errors = new ErrorPanel();
    private String title = "Tâche";
    private String taskId;
    private boolean gone;

    protected TaskView(TaskService tasks, String definitionKey) {
        this.tasks = tasks;
        this.definitionKey = definitionKey;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        gone = false;
        Optional<OpenTask> task = tasks.findOpen(taskId, definitionKey);
        if (task.isEmpty()) {
            Ui.error(tasks.whyNotOpen(taskId, definitionKey));
            event.forwardTo(TaskScreens.MES_TACHES);
            return;
        }
        OpenTask t = task.get();
        title = t.name();
        removeAll();
        Paragraph about = new Paragraph("Commun : ");
        about.add(new Anchor("communs/" + t.communId(), t.communTitre()));
        if (t.due() != null) {
            Span due = new Span("  ·  À traiter avant le " + Ui.dateTime(t.due()));
            if (t.overdue(LocalDateTime.now())) {
                due.setText("  ·  En retard : à traiter avant le " + Ui.dateTime(t.due()));
                due.addClassName("badge");
                due.addClassName("ko");
            }
            about.add(due);
        }
        add(new H1(t.name()), about, errors);
        build(t);
    }

    /** Builds the screen of this task. */
    protected abstract void build(OpenTask task);

    /**
     * Runs the service call; on success, confirms and goes back to "Mes tâches"; otherwise shows why (and the screen
     * should show again what may have changed meanwhile). Returns whether it worked.
     */
    protected boolean submit(Runnable action, String successMessage) {
        return submit(taskId, action, successMessage);
    }

    /**
     * {@link #submit(Runnable, String)} for the task {@code id}. When the action fails because the task is no longer
     * the caller's (done in another tab, taken by someone else), the form is taken off the page, so that no button of
     * a task already done stays enabled, and the page says why.
     */
    protected boolean submit(String id, Runnable action, String successMessage) {
        if (errors.run(action)) {
            Ui.success(successMessage);
            UI.getCurrent().navigate(TaskScreens.MES_TACHES);
            return true;
        }
        if (id != null && tasks.findOpen(id, definitionKey).isEmpty()) {
            showGone(tasks.whyNotOpen(id, definitionKey));
            return false;
        }
        errors.reveal();
        return false;
    }

    /** Whether the task turned out to be done or taken meanwhile (its form is no longer on the page). */
    public boolean gone() {
        return gone;
    }

    private void showGone(String why) {
        gone = true;
        removeAll();
        Paragraph reason = new Paragraph(why + " Votre action n'a rien modifié.");
        reason.getElement().setAttribute("role", "alert");
        reason.addClassName("error-panel");
        add(new H1(title), reason, new Anchor(TaskScreens.MES_TACHES, "Revenir à « Mes tâches »"));
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
