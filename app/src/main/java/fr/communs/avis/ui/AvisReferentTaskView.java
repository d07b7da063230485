package fr.communs.avis.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.avis.AvisReferent;
import fr.communs.avis.AvisService;
import fr.communs.avis.SensAvis;
import fr.communs.base.Dates;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The référent reads the question and the transmitted file, then gives their avis. */
@Route(value = TaskScreens.AVIS_REFERENT + "/:taskId", layout = MainLayout.class)
@RolesAllowed({Roles.REFERENT, Roles.AGENT})
class AvisReferentTaskView extends TaskView {
    private final AvisService service;
    private final CommunFiles files;
    final RadioButtonGroup<SensAvis> sens = new RadioButtonGroup<>("Sens de votre avis");
    final TextArea reponse = new TextArea("Votre avis");
    Button rendre;

    AvisReferentTaskView(TaskService tasks, AvisService service, CommunFiles files) {
        super(tasks, AvisReferentProcess.TASK_DONNER_AVIS);
        this.service = service;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        Optional<AvisReferent> found = service.ofTask(task.taskId());
        if (found.isEmpty()) {
            add(new Paragraph("Cette demande d'avis n'est plus disponible : elle a peut-être été annulée."));
            return;
        }
        AvisReferent a = found.get();

        Div demande = new Div();
        demande.addClassName("card");
        Paragraph qui = new Paragraph(a.demandeurNom() + " vous demande votre avis de référent thématique sur ce "
                + "dossier (demande du " + Ui.dateTime(a.demandeLe()) + ").");
        Paragraph echeance = new Paragraph("Avis attendu au plus tard le " + Ui.date(a.dateLimite()) + " ");
        if (a.enRetard(Dates.today())) {
            echeance.add(Ui.badge("en retard", false));
        }
        Paragraph question = new Paragraph(a.question());
        question.addClassName("texte");
        demande.add(new H2("La demande"), qui, echeance, new H3("Question"), question);
        add(demande);

        Details dossier = new Details("Afficher ou masquer le dossier", files.of(task.communId()));
        dossier.setOpened(true);
        dossier.setWidthFull();
        com.vaadin.flow.component.html.Anchor complet = new com.vaadin.flow.component.html.Anchor(
                TaskScreens.DOSSIERS + "/" + task.communId(), "Ouvrir le dossier (pièces jointes, budget, votre demande)");
        add(new H2("Dossier transmis"), complet, dossier);

        add(new H2("Votre avis"));
        sens.setItems(SensAvis.values());
        sens.setItemLabelGenerator(SensAvis::libelle);
        sens.setRequiredIndicatorVisible(true);
        reponse.setHelperText("Votre analyse au regard de votre thématique : elle sera lue par les agents qui "
                + "instruisent le dossier, jamais par les structures.");
        CharacterLimit.apply(reponse, AvisService.REPONSE_MAX);
        reponse.setRequiredIndicatorVisible(true);
        reponse.setWidthFull();
        reponse.setMinHeight("10em");
        rendre = new Button("Rendre l'avis", e -> submit(
                () -> service.answer(task.taskId(), sens.getValue(), reponse.getValue()),
                "Votre avis est rendu : " + a.demandeurNom() + " en est informé(e)."));
        rendre.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(sens, reponse, rendre);
    }

    /** The errors shown to the référent now (for tests). */
    List<String> errorsShown() {
        return errors.shown();
    }
}
