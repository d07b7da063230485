package fr.communs.comite.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.base.ui.MontantField;
import fr.communs.layout.MainLayout;
import fr.communs.comite.AvisComite;
import fr.communs.comite.ComiteService;
import fr.communs.comite.NoteComite;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** An agent records the comité's avis, the proposed subsidy and the non-financial contributions. */
@Route(value = TaskScreens.AVIS_COMITE + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.AGENT)
class AvisComiteTaskView extends TaskView {
    private final ComiteService comite;
    private final CommunFiles files;
    final RadioButtonGroup<AvisComite.Avis> avis = new RadioButtonGroup<>("Avis du comité");
    final MontantField subvention = new MontantField("Subvention proposée à l'Assemblée (€)", ComiteService.SUBVENTION_MAX);
    final Button enregistrer = new Button("Enregistrer l'avis du comité");

    AvisComiteTaskView(TaskService tasks, ComiteService comite, CommunFiles files) {
        super(tasks, CycleCommunProcess.TASK_AVIS_COMITE);
        this.comite = comite;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        Details dossier = new Details("Afficher ou masquer le dossier", files.of(task.communId()));
        dossier.setWidthFull();
        List<NoteComite> notes = comite.notes(task.communId());
        Grid<NoteComite> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(NoteComite::membreNom).setHeader("Membre du comité").setFlexGrow(2);
        grid.addColumn(NoteComite::contributeurs).setHeader("Contributeurs");
        grid.addColumn(NoteComite::gouvernance).setHeader("Gouvernance");
        grid.addColumn(NoteComite::defis).setHeader("Défis");
        grid.addColumn(NoteComite::communs).setHeader("Communs");
        grid.addColumn(n -> n.total() + " / 20").setHeader("Total");
        grid.addColumn(n -> n.commentaire() == null ? "" : n.commentaire()).setHeader("Commentaire").setFlexGrow(3);
        grid.setItems(notes);
        grid.setAllRowsVisible(true);
        Paragraph moyennes = new Paragraph(notes.isEmpty() ? "Aucune note." : String.format(Locale.FRANCE,
                "Moyennes : contributeurs %.1f · gouvernance %.1f · défis %.1f · communs %.1f · total %.1f / 20",
                avg(notes, NoteComite::contributeurs), avg(notes, NoteComite::gouvernance), avg(notes, NoteComite::defis),
                avg(notes, NoteComite::communs), avg(notes, NoteComite::total)));
        avis.setItems(AvisComite.Avis.values());
        avis.setItemLabelGenerator(AvisComite.Avis::libelle);
        avis.setRequiredIndicatorVisible(true);
        subvention.setRequiredIndicatorVisible(true);
        subvention.setHelperText("Par exemple 12 000 ou 12 000,50 ; 0 si le comité ne propose pas de subvention.");
        subvention.setWidth("20em");
        TextArea contributions = new TextArea("Contributions non financières proposées par le comité");
        contributions.setHelperText("Par exemple : mise à disposition de locaux, accompagnement, mise en lien avec d'autres initiatives.");
        CharacterLimit.apply(contributions, 4000);
        contributions.setWidthFull();
        enregistrer.addClickListener(e -> submit(() -> comite.recordAvis(task.taskId(),
                new AvisComite(avis.getValue(), subvention.montant(), contributions.getValue())),
                "L'avis du comité est enregistré ; le dossier est proposé à l'Assemblée."));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Dossier du commun"), dossier, new H2("Notes de l'audition"), grid, moyennes,
                files.budgetDemande(task.communId()), avis, subvention, contributions, enregistrer);
    }

    private static double avg(List<NoteComite> notes, ToIntFunction<NoteComite> f) {
        return notes.stream().mapToInt(f).average().orElse(0);
    }

    /** The errors shown at the top of the form (for tests). */
    java.util.List<String> errorsShown() {
        return errors.shown();
    }
}
