package fr.communs.instruction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** The instructeur reads the transmitted file, appreciates the four criteria and decides. */
@Route(value = TaskScreens.INSTRUCTION + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.AGENT)
class InstructionTaskView extends TaskView {
    private final InstructionService instructions;
    private final CommunFiles files;

    InstructionTaskView(TaskService tasks, InstructionService instructions, CommunFiles files) {
        super(tasks, CycleCommunProcess.TASK_INSTRUIRE);
        this.instructions = instructions;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        long communId = task.communId();
        instructions.lastComplement(communId).ifPresent(reponse -> {
            Div box = new Div(new H3("Réponse du groupement à la dernière demande de compléments"), new Paragraph(reponse));
            box.addClassName("card");
            add(box);
        });
        Details dossier = new Details("Dossier transmis", files.of(communId));
        dossier.setOpened(true);
        dossier.setWidthFull();
        add(dossier);

        add(new H3("Appréciation des critères"));
        RadioButtonGroup<Appreciation> contributeurs = critere("Nombre et typologie des contributeurs");
        RadioButtonGroup<Appreciation> gouvernance = critere("Gouvernance démocratique, coopérative et transparente");
        RadioButtonGroup<Appreciation> defis = critere("Pertinence des projets en lien avec les défis");
        RadioButtonGroup<Appreciation> communs = critere("Pertinence de la proposition relativement à la notion de communs");
        RadioButtonGroup<DecisionInstruction> decision = new RadioButtonGroup<>("Décision");
        decision.setItems(DecisionInstruction.values());
        decision.setItemLabelGenerator(d -> switch (d) {
            case RECEVABLE -> "Recevable — soumettre au comité";
            case COMPLEMENTS -> "Demander des compléments au groupement";
            case NON_RECEVABLE -> "Non recevable";
        });
        decision.setRequiredIndicatorVisible(true);
        TextArea motif = new TextArea("Motif / message au groupement");
        motif.setHelperText("Obligatoire pour une demande de compléments (ce qui manque) ou une non-recevabilité (le motif).");
        motif.setMaxLength(4000);
        motif.setWidthFull();
        Button enregistrer = new Button("Enregistrer la décision", e -> submit(() -> instructions.decide(task.taskId(),
                new InstructionDecision(decision.getValue(), contributeurs.getValue(), gouvernance.getValue(),
                        defis.getValue(), communs.getValue(), motif.getValue())), "La décision d'instruction est enregistrée."));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(contributeurs, gouvernance, defis, communs, decision, motif, enregistrer);
    }

    private static RadioButtonGroup<Appreciation> critere(String label) {
        RadioButtonGroup<Appreciation> group = new RadioButtonGroup<>(label);
        group.setItems(Appreciation.values());
        group.setItemLabelGenerator(Appreciation::libelle);
        group.setRequiredIndicatorVisible(true);
        return group;
    }
}
