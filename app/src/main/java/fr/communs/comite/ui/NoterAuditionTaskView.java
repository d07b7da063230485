package fr.communs.comite.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.comite.ComiteService;
import fr.communs.comite.NotesAudition;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** A comité member scores the audition of a commun, 0 to 5 per criterion. */
@Route(value = TaskScreens.AUDITION + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.COMITE)
class NoterAuditionTaskView extends TaskView {
    private final ComiteService comite;
    private final CommunFiles files;

    NoterAuditionTaskView(TaskService tasks, ComiteService comite, CommunFiles files) {
        super(tasks, CycleCommunProcess.TASK_NOTER_AUDITION);
        this.comite = comite;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        Details dossier = new Details("Afficher ou masquer le dossier", files.of(task.communId()));
        dossier.setWidthFull();
        add(new H2("Dossier du commun"), dossier, new H2("Vos notes (de 0 à 5)"),
                new Paragraph("0 : absent · 1 : très insuffisant · 2 : insuffisant · 3 : satisfaisant · 4 : bon · 5 : excellent"));
        IntegerField contributeurs = note("Nombre et typologie des contributeurs");
        IntegerField gouvernance = note("Gouvernance démocratique, coopérative et transparente");
        IntegerField defis = note("Pertinence des projets en lien avec les défis");
        IntegerField communs = note("Pertinence de la proposition relativement à la notion de communs");
        TextArea commentaire = new TextArea("Commentaire (facultatif)");
        CharacterLimit.apply(commentaire, 2000);
        commentaire.setWidthFull();
        Button enregistrer = new Button("Enregistrer mes notes", e -> submit(() -> comite.score(task.taskId(),
                new NotesAudition(contributeurs.getValue(), gouvernance.getValue(), defis.getValue(), communs.getValue(),
                        commentaire.getValue())), "Vos notes sont enregistrées."));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(contributeurs, gouvernance, defis, communs, commentaire, enregistrer);
    }

    private static IntegerField note(String label) {
        IntegerField field = new IntegerField(label);
        field.setMin(0);
        field.setMax(5);
        field.setStepButtonsVisible(true);
        field.setRequiredIndicatorVisible(true);
        field.setWidth("36em");
        field.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Saisissez un nombre entier.")
                .setMinErrorMessage("La note minimale est 0.").setMaxErrorMessage("La note maximale est 5."));
        return field;
    }
}
