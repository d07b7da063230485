package fr.communs.instruction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.InstructionService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** The porteur completes the file as the instructeur asked, and sends it back to instruction. */
@Route(value = TaskScreens.COMPLEMENTS + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class CompleterDossierTaskView extends TaskView {
    private final InstructionService instructions;
    private final CommunService communs;

    CompleterDossierTaskView(TaskService tasks, InstructionService instructions, CommunService communs) {
        super(tasks, CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        this.instructions = instructions;
        this.communs = communs;
    }

    @Override
    protected void build(OpenTask task) {
        Commun commun = communs.get(task.communId());
        instructions.decisions(task.communId()).stream()
                .filter(d -> d.decision() == DecisionInstruction.COMPLEMENTS).findFirst().ifPresent(d -> {
                    Paragraph message = new Paragraph(d.motif());
                    message.addClassName("texte");
                    Div box = new Div(new H3("Compléments demandés par le service"), message);
                    box.addClassName("card");
                    add(box);
                });
        TextArea besoin = area("Besoin du territoire (diagnostic)", commun.besoin());
        besoin.setRequiredIndicatorVisible(true);
        TextArea interet = area("Caractère d'intérêt général", commun.interetGeneral());
        TextArea gouvernance = area("Gouvernance", commun.gouvernance());
        TextArea reponse = area("Votre réponse à l'instructeur", null);
        reponse.setRequiredIndicatorVisible(true);
        reponse.setHelperText("Expliquez ce que vous avez complété.");
        Button envoyer = new Button("Renvoyer le dossier complété", e -> submit(() -> instructions.completeFile(task.taskId(),
                new ComplementData(besoin.getValue(), interet.getValue(), gouvernance.getValue(), reponse.getValue())),
                "Votre dossier complété a été renvoyé au service."));
        envoyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(besoin, interet, gouvernance, reponse, envoyer);
    }

    private static TextArea area(String label, String value) {
        TextArea area = new TextArea(label);
        area.setMaxLength(4000);
        area.setWidthFull();
        area.setMinHeight("6em");
        if (value != null) {
            area.setValue(value);
        }
        return area;
    }
}
