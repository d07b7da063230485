package fr.communs.comite.notation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import fr.communs.layout.Ui;
import fr.communs.comite.notation.FicheNotation;
import fr.communs.comite.notation.NotationService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.instruction.ui.SyntheseComiteCard;
import fr.communs.layout.MainLayout;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** A comité member scores an audition of the séance on the campagne's grid (their own task). */
@Route(value = TaskScreens.NOTATION + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.COMITE)
class NoterSeanceTaskView extends TaskView {
    private final NotationService notation;
    private final CommunFiles files;
    private final fr.communs.instruction.InstructionService instructions;
    GrilleForm form;
    final Button soumettre = new Button("Soumettre mes notes");

    NoterSeanceTaskView(TaskService tasks, NotationService notation, CommunFiles files,
                        fr.communs.instruction.InstructionService instructions) {
        super(tasks, CycleCommunProcess.TASK_NOTER_SEANCE);
        this.instructions = instructions;
        this.notation = notation;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        FicheNotation[] lue = new FicheNotation[1];
        if (!errors.run(() -> lue[0] = notation.fiche(task.taskId()))) {
            errors.reveal();
            return;
        }
        FicheNotation fiche = lue[0];
        Details dossier = new Details("Afficher ou masquer le dossier",
                new com.vaadin.flow.component.html.Div(SyntheseComiteCard.of(instructions.syntheseComite(task.communId())),
                        files.budgetDemande(task.communId()), files.of(task.communId())));
        dossier.setWidthFull();
        form = new GrilleForm(fiche.grille(), fiche.mienne());
        Paragraph independance = new Paragraph("Vous notez seul(e) : les notes des autres membres vous seront montrées "
                + "après l'envoi des vôtres, que vous pourrez corriger jusqu'à la clôture de la séance.");
        soumettre.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        soumettre.setDisableOnClick(true);
        soumettre.addClickListener(e -> {
            if (errors.run(() -> notation.soumettre(task.taskId(), form.read()))) {
                Ui.success("Vos notes sont enregistrées.");
                UI.getCurrent().navigate(NotesDossierView.path(fiche.seanceId(), fiche.communId()));
            } else {
                errors.reveal();
                soumettre.setEnabled(true);
            }
        });
        add(new H2("Dossier du commun"), dossier, new H2("Vos notes"), independance, form, soumettre);
    }
}
