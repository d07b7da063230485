package fr.communs.instruction.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Instruire le dossier" from "Mes tâches": the instruction is done on the file's back-office screen
 * ({@code dossiers/<communId>}), which shows the decision form to the agent who took the file.
 */
@Route(value = TaskScreens.INSTRUCTION + "/:taskId", layout = MainLayout.class)
@com.vaadin.flow.router.PageTitle("Instruire le dossier — Communs")
@RolesAllowed(Roles.AGENT)
class InstructionTaskView extends Div implements BeforeEnterObserver {
    private final TaskService tasks;

    InstructionTaskView(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String taskId = event.getRouteParameters().get("taskId").orElse(null);
        tasks.findOpen(taskId, CycleCommunProcess.TASK_INSTRUIRE).ifPresentOrElse(
                task -> event.forwardTo(TaskScreens.DOSSIERS + "/" + task.communId()),
                () -> {
                    Ui.error(tasks.whyNotOpen(taskId, CycleCommunProcess.TASK_INSTRUIRE));
                    event.forwardTo(TaskScreens.MES_TACHES);
                });
    }
}
