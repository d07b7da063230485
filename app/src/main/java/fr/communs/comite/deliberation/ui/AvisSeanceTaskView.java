package fr.communs.comite.deliberation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.base.Montants;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.MontantField;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.deliberation.AvisSeanceService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.layout.MainLayout;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;

/** An agent records the comité's avis on a file heard at the séance: kind, motivation, réserves, proposed subsidy. */
@Route(value = TaskScreens.AVIS_SEANCE + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.AGENT)
class AvisSeanceTaskView extends TaskView {
    private final AvisSeanceService avis;
    private final CommunFiles files;
    final RadioButtonGroup<AvisSeance.Type> type = new RadioButtonGroup<>("Avis du comité");
    final TextArea motivation = new TextArea("Motivation");
    final TextArea reserves = new TextArea("Réserves du comité");
    final MontantField subvention = new MontantField("Subvention proposée à l'Assemblée (€)", Montants.PLAFOND);
    final Button enregistrer = new Button("Enregistrer l'avis");

    AvisSeanceTaskView(TaskService tasks, AvisSeanceService avis, CommunFiles files) {
        super(tasks, CycleCommunProcess.TASK_AVIS_SEANCE);
        this.avis = avis;
        this.files = files;
    }

    @Override
    protected void build(OpenTask task) {
        long[] seance = new long[1];
        BigDecimal[] demande = new BigDecimal[1];
        if (!errors.run(() -> {
            seance[0] = avis.seanceOfTask(task.taskId());
            demande[0] = avis.montantDemande(task.communId());
        })) {
            errors.reveal();
            return;
        }
        Details dossier = new Details("Afficher ou masquer le dossier", files.of(task.communId()));
        dossier.setWidthFull();
        Paragraph liens = new Paragraph();
        liens.add(new Anchor("comite/seances/" + seance[0] + "/dossiers/" + task.communId(), "Notes du comité sur ce dossier"),
                new com.vaadin.flow.component.html.Span(" · "),
                new Anchor("comite/seances/" + seance[0] + "/resultats", "Résultats et classement de la séance"),
                new com.vaadin.flow.component.html.Span(" · "),
                new Anchor("seances/" + seance[0], "Retour à la séance"));
        type.setItems(AvisSeance.Type.values());
        type.setItemLabelGenerator(AvisSeance.Type::libelle);
        type.setRequiredIndicatorVisible(true);
        motivation.setHelperText("Obligatoire pour un avis défavorable ou un ajournement : le groupement la recevra.");
        CharacterLimit.apply(motivation, AvisSeanceService.MOTIVATION_MAX);
        motivation.setWidthFull();
        reserves.setHelperText("Les conditions que le comité pose à son avis favorable.");
        CharacterLimit.apply(reserves, AvisSeanceService.MOTIVATION_MAX);
        reserves.setWidthFull();
        reserves.setVisible(false);
        subvention.setHelperText(demande[0] == null ? "Par exemple 12 000 ou 12 000,50 ; 0 si aucune subvention."
                : "Au plus le montant demandé par le groupement : " + Montants.format(demande[0]) + ".");
        subvention.setWidth("20em");
        type.addValueChangeListener(e -> {
            AvisSeance.Type t = e.getValue();
            reserves.setVisible(t == AvisSeance.Type.RESERVE);
            subvention.setVisible(t == null || t.proposeUneSubvention());
        });
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> confirmer(task));
        add(new H2("Dossier du commun"), dossier, liens, files.budgetDemande(task.communId()), new H2("Avis du comité"),
                type, motivation, reserves, subvention, enregistrer);
    }

    private void confirmer(OpenTask task) {
        AvisSeance.Type t = type.getValue();
        BigDecimal[] lu = new BigDecimal[1];
        if (!errors.run(() -> lu[0] = t != null && t.proposeUneSubvention() ? subvention.montant() : null)) {
            errors.reveal();
            return;
        }
        BigDecimal montant = lu[0];
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Enregistrer l'avis « " + (t == null ? "?" : t.libelle().toLowerCase(java.util.Locale.FRENCH)) + " » ?");
        dialog.setText(t == AvisSeance.Type.AJOURNE
                ? "Le dossier sera retiré de cette séance et attendra une séance suivante ; le groupement recevra le motif."
                : "L'avis ne pourra plus être modifié ; il sera transmis au groupement à la clôture de la séance"
                + (montant == null ? "." : ", avec la subvention proposée de " + Montants.format(montant) + "."));
        dialog.setCancelable(true);
        dialog.setCancelText("Annuler");
        dialog.setConfirmText("Enregistrer l'avis");
        dialog.addConfirmListener(e -> submit(() -> avis.enregistrer(task.taskId(),
                        new AvisSeance(t, motivation.getValue(), reserves.isVisible() ? reserves.getValue() : null, montant)),
                t == AvisSeance.Type.AJOURNE ? "Le dossier est ajourné ; le groupement est prévenu."
                        : "L'avis du comité est enregistré."));
        dialog.open();
    }
}
