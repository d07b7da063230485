package fr.communs.task.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDateTime;
import java.util.List;

/** "Mes tâches": the open tasks of the logged-in person, the most urgent first. */
@Route(value = TaskScreens.MES_TACHES, layout = MainLayout.class)
@PageTitle("Mes tâches — Communs")
@PermitAll
class MesTachesView extends VerticalLayout {
    private final TaskService tasks;
    private final Grid<OpenTask> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("Vous n'avez aucune tâche en cours. Les tâches apparaissent ici "
            + "dès qu'un dossier attend une action de votre part.");
    private final Span count = new Span();

    MesTachesView(TaskService tasks) {
        this.tasks = tasks;
        addClassName("page");
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
        add(new H1("Mes tâches"), count, grid, empty);
        refresh();
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

    private void refresh() {
        List<OpenTask> list = tasks.myTasks();
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
        count.setText(list.size() + (list.size() > 1 ? " tâches en cours" : " tâche en cours"));
    }
}
