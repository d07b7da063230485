package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Route;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.GroupementService;
import fr.communs.layout.LiveUpdates;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** The porteur forms the groupement (live eligibility panel) and transmits the file to the Département. */
@Route(value = TaskScreens.GROUPEMENT + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class ConstituerGroupementTaskView extends TaskView {
    private final CommunService communs;
    private final GroupementService groupements;
    private final StructureService structures;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final LiveUpdates live;
    final Button transmettre = new Button("Transmettre au Département");
    GroupementPanel panel;
    private com.vaadin.flow.shared.Registration transmitClicks;
    /** The open confirmation, if any: a second click (double click, slow network) must not stack another one. */
    com.vaadin.flow.component.dialog.Dialog confirmation;
    private boolean eligible = true;
    private final Span pourquoi = new Span(
            "Le dossier pourra être transmis quand toutes les règles d'éligibilité ci-dessus seront remplies.");

    ConstituerGroupementTaskView(TaskService tasks, CommunService communs, GroupementService groupements,
                                 StructureService structures, CampagneService campagnes, CurrentUser currentUser,
                                 LiveUpdates live) {
        super(tasks, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);
        this.communs = communs;
        this.groupements = groupements;
        this.structures = structures;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
        this.live = live;
    }

    @Override
    protected void build(OpenTask task) {
        long communId = task.communId();
        Commun commun = communs.get(communId);
        add(new Paragraph("Invitez les structures qui s'engagent dans ce commun et répondez à celles qui demandent à le "
                + "rejoindre. Chaque membre confirme sa participation. Quand le groupement vous semble prêt et que les "
                + "règles ci-dessous sont remplies, transmettez le dossier : il ne sera plus modifiable, sauf si le "
                + "service vous demande des compléments."));
        Button modifier = new Button("Modifier le dossier", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + communId + "/modifier")));
        Checkbox cherche = new Checkbox("Le commun cherche encore des partenaires (affiché dans « Communs déposés »)",
                commun.cherchePartenaires());
        cherche.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            if (errors.run(() -> communs.setCherchePartenaires(communId, e.getValue()))) {
                Ui.success(e.getValue() ? "Le commun est signalé comme cherchant des partenaires."
                        : "Le commun n'est plus signalé comme cherchant des partenaires.");
            } else {
                cherche.setValue(e.getOldValue());
                panel.refresh();
            }
        });
        Button budget = new Button("Budget prévisionnel", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + communId + "/budget")));
        Button pieces = new Button("Pièces jointes", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + communId + "/pieces")));
        HorizontalLayout tools = new HorizontalLayout(modifier, budget, pieces, cherche);
        tools.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        panel = new GroupementPanel(communs, groupements, structures, communId,
                campagnes.get(commun.campagneId()).territoireCode(), currentUser.get(), live);
        transmettre.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        transmettre.setDisableOnClick(true);    // the browser disables it at once; enabled again when the dialog closes
        if (transmitClicks != null) {
            transmitClicks.remove();      // the screen is built again on each visit
        }
        transmitClicks = transmettre.addClickListener(e -> {
            if (confirmation != null && confirmation.isOpened()) {
                return;                           // a second click that reached the server before the button was disabled
            }
            com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
            confirmation = dialog;
            dialog.addOpenedChangeListener(o -> {
                if (!o.isOpened()) {
                    transmettre.setEnabled(eligible && !gone());
                }
            });
            dialog.setHeaderTitle("Transmettre le dossier au Département ?");
            dialog.setMaxWidth("36em");
            dialog.add(new Paragraph("Le dossier et le groupement seront figés tels qu'ils sont maintenant : ils ne "
                    + "seront plus modifiables, sauf si le service Innovation sociale et solidaire vous demande des "
                    + "compléments. Les membres du groupement et les agents seront prévenus."));
            Button confirmer = new Button("Transmettre", ev -> {
                dialog.close();
                transmit(task.taskId());
            });
            confirmer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button("Annuler", ev -> dialog.close()), confirmer);
            dialog.open();
        });
        pourquoi.addClassName("muted");
        com.vaadin.flow.component.details.Details dossier = new com.vaadin.flow.component.details.Details(
                "Relire le dossier qui sera transmis", new CommunFileView(commun));
        dossier.setWidthFull();
        add(panel.answers(), tools, dossier, panel, transmettre, pourquoi);
        panel.onChange(eligibility -> {
            if (!communs.callerIsPorteur(communId)) {
                Ui.success("Votre structure n'est plus porteur administratif de ce commun : la tâche passe au nouveau porteur.");
                getUI().ifPresent(ui -> ui.navigate("communs/" + communId));
                return;
            }
            eligible = eligibility.eligible();
            transmettre.setEnabled(eligible && (confirmation == null || !confirmation.isOpened()));
            pourquoi.setVisible(!eligibility.eligible());
        });
    }

    /**
     * Transmits the file (confirmed by the person). If the transmission is refused (a member left meanwhile, the
     * deadline passed…), the groupement and the eligibility panel are read again, so the page shows why instead of
     * the former groupement with a green panel.
     */
    void transmit(String taskId) {
        if (!submit(taskId, () -> groupements.transmit(taskId),
                "Le dossier a été transmis au Département. Le service Innovation sociale et solidaire va l'instruire.")) {
            if (gone()) {
                transmettre.setEnabled(false);    // transmitted meanwhile (another tab, another person of the structure)
            } else {
                panel.refresh();
            }
        }
    }
}
