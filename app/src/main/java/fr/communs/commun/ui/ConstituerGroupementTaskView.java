package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.Eligibility;
import fr.communs.commun.GroupementService;
import fr.communs.commun.MembreGroupement;
import fr.communs.commun.RoleGroupement;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The porteur forms the groupement (live eligibility panel) and transmits the file to the Département. */
@Route(value = TaskScreens.GROUPEMENT + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class ConstituerGroupementTaskView extends TaskView {
    private final CommunService communs;
    private final GroupementService groupements;
    private final StructureService structures;
    private final CampagneService campagnes;
    private final Div membresBox = new Div();
    private final Div eligibilityBox = new Div();
    private final ComboBox<Structure> structure = new ComboBox<>("Structure à ajouter");
    private final Button transmettre = new Button("Transmettre au Département");
    private final com.vaadin.flow.component.html.Span pourquoi = new com.vaadin.flow.component.html.Span(
            "Le dossier pourra être transmis quand toutes les règles d'éligibilité ci-dessus seront remplies.");
    private long communId;
    private String territoireCode;

    ConstituerGroupementTaskView(TaskService tasks, CommunService communs, GroupementService groupements,
                                 StructureService structures, CampagneService campagnes) {
        super(tasks, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);
        this.communs = communs;
        this.groupements = groupements;
        this.structures = structures;
        this.campagnes = campagnes;
    }

    @Override
    protected void build(OpenTask task) {
        communId = task.communId();
        Commun commun = communs.get(communId);
        territoireCode = campagnes.get(commun.campagneId()).territoireCode();
        add(new Paragraph("Ajoutez les structures qui s'engagent dans ce commun. Quand le groupement vous semble prêt "
                + "et que les règles ci-dessous sont remplies, transmettez le dossier : il ne sera plus modifiable, "
                + "sauf si le service vous demande des compléments."));
        membresBox.setWidthFull();
        eligibilityBox.setWidthFull();
        structure.setItemLabelGenerator(s -> s.nom() + " — " + s.commune() + (s.ess() ? " (ESS)" : ""));
        structure.setWidth("28em");
        RadioButtonGroup<RoleGroupement> role = new RadioButtonGroup<>("Rôle");
        role.setItems(RoleGroupement.MEMBRE, RoleGroupement.CONTRIBUTEUR);
        role.setItemLabelGenerator(RoleGroupement::libelle);
        role.setValue(RoleGroupement.MEMBRE);
        Button ajouter = new Button("Ajouter au groupement", e -> {
            if (errors.run(() -> {
                if (structure.getValue() == null) {
                    throw new fr.communs.base.ValidationException("Choisissez une structure à ajouter.");
                }
                groupements.addMember(communId, structure.getValue().id(), role.getValue());
            })) {
                Ui.success("« " + structure.getValue().nom() + " » a été ajoutée au groupement.");
                structure.clear();
                refresh();
            }
        });
        HorizontalLayout ajout = new HorizontalLayout(structure, role, ajouter);
        ajout.setAlignItems(FlexComponent.Alignment.BASELINE);
        ajout.setWrap(true);
        transmettre.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        transmettre.addClickListener(e -> submit(() -> groupements.transmit(task.taskId()),
                "Le dossier a été transmis au Département. Le service Innovation sociale et solidaire va l'instruire."));
        pourquoi.addClassName("muted");
        add(new H3("Groupement"), membresBox, ajout, eligibilityBox, transmettre, pourquoi);
        refresh();
    }

    private void refresh() {
        List<MembreGroupement> membres = communs.membres(communId);
        Set<Long> ids = membres.stream().map(m -> m.structure().id()).collect(Collectors.toSet());
        structure.setItems(structures.directory().stream().filter(s -> !ids.contains(s.id())).toList());
        Grid<MembreGroupement> grid = CommunFileView.membresGrid(membres, territoireCode);
        grid.addComponentColumn(m -> {
            if (m.role() == RoleGroupement.PORTEUR) {
                return new Div();
            }
            Button retirer = new Button("Retirer", e -> {
                if (errors.run(() -> groupements.removeMember(communId, m.structure().id()))) {
                    Ui.success("« " + m.structure().nom() + " » a été retirée du groupement.");
                    refresh();
                }
            });
            retirer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            retirer.setAriaLabel("Retirer " + m.structure().nom() + " du groupement");
            return retirer;
        }).setHeader("").setFlexGrow(1);
        membresBox.removeAll();
        membresBox.add(grid);
        Eligibility eligibility = groupements.eligibility(communId);
        eligibilityBox.removeAll();
        eligibilityBox.add(CommunFileView.eligibilityPanel(eligibility));
        transmettre.setEnabled(eligibility.eligible());
        pourquoi.setVisible(!eligibility.eligible());
    }
}
