package fr.communs.assemblee.ui;

import fr.communs.base.Dates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Route;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.base.Montants;
import fr.communs.base.ui.MontantField;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.comite.ComiteService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;

/** An agent records the Assemblée's vote on the proposed subsidy. */
@Route(value = TaskScreens.VOTE_ASSEMBLEE + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.AGENT)
class VoteAssembleeTaskView extends TaskView {
    private final AssembleeService assemblee;
    private final ComiteService comite;
    private final CommunFiles files;
    final RadioButtonGroup<ResultatVote> resultat = new RadioButtonGroup<>("Résultat du vote");
    final MontantField montant = new MontantField("Montant de la subvention votée (€)", ComiteService.SUBVENTION_MAX);
    final DatePicker date = Ui.datePicker("Date de la séance de l'Assemblée");
    final Button enregistrer = new Button("Enregistrer le vote");

    VoteAssembleeTaskView(TaskService tasks, AssembleeService assemblee, ComiteService comite, CommunFiles files) {
        super(tasks, CycleCommunProcess.TASK_VOTE_ASSEMBLEE);
        this.files = files;
        this.assemblee = assemblee;
        this.comite = comite;
    }

    @Override
    protected void build(OpenTask task) {
        Div proposition = new Div();
        proposition.addClassName("card");
        proposition.add(new H2("Proposition du comité d'accompagnement"));
        comite.avis(task.communId()).ifPresentOrElse(a -> {
            proposition.add(new Paragraph("Avis : " + a.avis().libelle() + " · subvention proposée : "
                    + Montants.format(a.subventionProposee())));
            if (a.contributions() != null) {
                proposition.add(new Paragraph("Contributions non financières : " + a.contributions()));
            }
        }, () -> proposition.add(new Paragraph("Aucun avis enregistré.")));
        add(files.budgetDemande(task.communId()), proposition);
        assemblee.votes(task.communId()).forEach(v -> add(new Paragraph("Séance du " + Ui.date(v.dateSeance())
                + " : " + libelle(v.resultat()))));
        resultat.setItems(ResultatVote.values());
        resultat.setItemLabelGenerator(VoteAssembleeTaskView::libelle);
        resultat.setRequiredIndicatorVisible(true);
        montant.setWidth("20em");
        montant.setHelperText("Seulement si la subvention est adoptée. Par exemple 12 000 ou 12 000,50.");
        comite.avis(task.communId()).ifPresent(a -> montant.setMontant(a.subventionProposee()));
        resultat.addValueChangeListener(e -> montant.setEnabled(e.getValue() == null || e.getValue() == ResultatVote.ADOPTE));
        date.setMax(Dates.today());
        date.setRequiredIndicatorVisible(true);
        date.setWidth("20em");
        enregistrer.addClickListener(e -> submit(() -> assemblee.recordVote(task.taskId(),
                new VoteAssemblee(resultat.getValue(), resultat.getValue() == ResultatVote.ADOPTE ? montant.montant() : null,
                        date.getValue())), "Le vote de l'Assemblée est enregistré."));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(resultat, montant, date, enregistrer);
    }

    private static String libelle(ResultatVote r) {
        return switch (r) {
            case ADOPTE -> "Adopté";
            case REJETE -> "Rejeté";
            case AJOURNE -> "Ajourné (à une prochaine séance)";
        };
    }

    /** The errors shown at the top of the form (for tests). */
    java.util.List<String> errorsShown() {
        return errors.shown();
    }
}
