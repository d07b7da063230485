package fr.communs.task.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.LiveUpdates;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.task.OpenTask;
import fr.communs.task.PendingAnswers;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * "Mes tâches": the open tasks of the logged-in person, the most urgent first, then the answers their structures owe
 * (invitations, join requests…), each with a link to the page where to give it. Updated live.
 */
@Route(value = TaskScreens.MES_TACHES, layout = MainLayout.class)
@PageTitle("Mes tâches — Communs")
@PermitAll
class MesTachesView extends VerticalLayout {
    private final TaskService tasks;
    private final ObjectProvider<PendingAnswers> pendingAnswers;
    final Grid<OpenTask> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("Vous n'avez aucune tâche en cours. Les tâches apparaissent ici "
            + "dès qu'un dossier attend une action de votre part.");
    private final Span count = new Span();
    private final H2 answersTitle = new H2("Réponses attendues de vos structures");
    final Grid<PendingAnswers.Answer> answers = new Grid<>();

    MesTachesView(TaskService tasks, ObjectProvider<PendingAnswers> pendingAnswers, LiveUpdates live) {
        this.tasks = tasks;
        this.pendingAnswers = pendingAnswers;
        addClassName("page");
        answers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        answers.addColumn(PendingAnswers.Answer::quoi).setHeader("À faire").setFlexGrow(3);
        answers.addComponentColumn(a -> new Anchor("communs/" + a.communId(), a.communTitre())).setHeader("Commun").setFlexGrow(3);
        answers.addColumn(PendingAnswers.Answer::structureNom).setHeader("Ma structure").setFlexGrow(2);
        answers.addColumn(a -> a.depuis() == null ? "—" : Ui.dateTime(a.depuis())).setHeader("Depuis le").setFlexGrow(1);
        answers.addComponentColumn(a -> {
            Anchor answer = new Anchor(a.lien(), "Répondre");
            answer.getElement().setAttribute("aria-label", "Répondre : " + a.quoi() + " — " + a.communTitre());
            return answer;
        }).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        answers.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(t -> new Anchor(TaskScreens.pathOf(t.definitionKey(), t.taskId()), t.name()))
                .setHeader("Tâche").setFlexGrow(2);
        grid.addComponentColumn(t -> new Anchor("communs/" + t.communId(), t.communTitre())).setHeader("Commun").setFlexGrow(3);
        grid.addColumn(OpenTask::porteurNom).setHeader("Porteur").setFlexGrow(2);
        grid.addComponentColumn(t -> {
            Span due = new Span(t.due() == null ? "—" : Ui.dateTime(t.due()));
            if (t.overdue(LocalDateTime.now())) {
                due.addClassNames("badge", "ko");
                due.setText("En retard : " + Ui.dateTime(t.due()));
            }
            return due;
        }).setHeader("Échéance").setFlexGrow(1);
        grid.addColumn(t -> t.assignedToMe() ? "Moi" : "Personne pour l'instant").setHeader("Qui s'en occupe").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        add(new H1("Mes tâches"), count, grid, empty, answersTitle, answers);
        refresh();
        live.register(this, change -> refresh());      // a new invitation, a task done by a colleague…
    }

    private HorizontalLayout actions(OpenTask t) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!t.assignedToMe()) {
            Button claim = new Button("Je m'en occupe", e -> {
                if (new ErrorPanel().run(() -> tasks.claim(t.taskId()))) {
                    Ui.success("Vous vous occupez de cette tâche : vos collègues le voient.");
                }
                refresh();
            });
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            claim.setAriaLabel("Je m'occupe de la tâche « " + t.name() + " » pour " + t.communTitre());
            actions.add(claim);
        } else if (!t.personal()) {
            Button unclaim = new Button("Je ne m'en occupe plus", e -> {
                if (new ErrorPanel().run(() -> tasks.unclaim(t.taskId()))) {
                    Ui.success("La tâche est de nouveau proposée à votre équipe.");
                }
                refresh();
            });
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unclaim.setAriaLabel("Je ne m'occupe plus de la tâche « " + t.name() + " » pour " + t.communTitre());
            actions.add(unclaim);
        }
        return actions;
    }

    void refresh() {
        List<OpenTask> list = tasks.myTasks();
        List<PendingAnswers.Answer> toGive = pendingAnswers.orderedStream().flatMap(p -> p.mine().stream()).toList();
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        answers.setItems(toGive);
        answers.setVisible(!toGive.isEmpty());
        answersTitle.setVisible(!toGive.isEmpty());
        empty.setVisible(list.isEmpty() && toGive.isEmpty());
        int total = list.size() + toGive.size();
        count.setText(total + (total > 1 ? " tâches en cours" : " tâche en cours"));
    }
}
