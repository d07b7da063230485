package fr.communs.instruction.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import fr.communs.budget.BudgetService;
import fr.communs.budget.ui.BudgetEditor;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.DemandeComplements;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.layout.MainLayout;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.ui.PiecesPanel;
import fr.communs.layout.Ui;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;

/**
 * The porteur completes the file as the instructeur asked: only the parts the instructeur unlocked can be changed;
 * the answer goes back to the same instructeur.
 */
@Route(value = TaskScreens.COMPLEMENTS + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class CompleterDossierTaskView extends TaskView {
    private final InstructionService instructions;
    private final CommunService communs;
    private final PieceJointeService pieces;
    private final BudgetService budgets;

    CompleterDossierTaskView(TaskService tasks, InstructionService instructions, CommunService communs,
                             PieceJointeService pieces, BudgetService budgets) {
        super(tasks, CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        this.budgets = budgets;
        this.pieces = pieces;
        this.instructions = instructions;
        this.communs = communs;
    }

    @Override
    protected void build(OpenTask task) {
        Commun commun = communs.get(task.communId());
        DemandeComplements demande = instructions.demandeEnCours(task.communId()).orElse(null);
        if (demande == null) {
            add(new Paragraph("Aucune demande de compléments n'est en cours pour ce dossier."));
            return;
        }
        Paragraph message = new Paragraph(demande.message());
        message.addClassName("texte");
        UnorderedList parties = new UnorderedList();
        demande.parties().stream().sorted().forEach(p -> parties.add(new ListItem(p.libelle())));
        Div box = new Div(new H2("Compléments demandés par le service"),
                new Paragraph("Demandés le " + Ui.dateTime(demande.date())
                        + (demande.dateLimite() == null ? "" : ", à renvoyer avant le " + Ui.date(demande.dateLimite()))
                        + ". Seules ces parties du dossier sont rouvertes :"),
                parties, message);
        box.addClassName("card");
        add(box);

        Map<PartieDossier, TextArea> areas = new EnumMap<>(PartieDossier.class);
        for (PartieDossier partie : demande.parties().stream().sorted().toList()) {
            if (partie.texte()) {
                TextArea area = area(partie.libelle(), valueOf(commun, partie), partie == PartieDossier.RESUME ? 2000 : 4000);
                area.setRequiredIndicatorVisible(true);
                areas.put(partie, area);
                add(area);
            }
        }
        if (demande.parties().contains(PartieDossier.BUDGET)) {
            add(new H2("Montant demandé et budget prévisionnel"),
                    new Paragraph("Corrigez le budget et enregistrez-le avant de renvoyer le dossier."),
                    new BudgetEditor(budgets, task.communId(), 3));
        }
        if (demande.parties().contains(PartieDossier.PIECES)) {
            add(new H2("Pièces jointes demandées"),
                    new Paragraph("Déposez les pièces demandées avant de renvoyer le dossier."),
                    new PiecesPanel(pieces, task.communId(), true));
        }
        TextArea reponse = area("Votre réponse à l'instructeur", null, 4000);
        reponse.setRequiredIndicatorVisible(true);
        CharacterLimit.setHelp(reponse, "Expliquez ce que vous avez complété.");
        Button envoyer = new Button("Renvoyer le dossier complété", e -> {
            Map<PartieDossier, String> textes = new EnumMap<>(PartieDossier.class);
            areas.forEach((p, a) -> textes.put(p, a.getValue()));
            submit(() -> instructions.completeFile(task.taskId(), new ComplementData(textes, reponse.getValue())),
                    "Votre dossier complété a été renvoyé au service.");
        });
        envoyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reponse, envoyer);
    }

    private static String valueOf(Commun commun, PartieDossier partie) {
        return switch (partie) {
            case RESUME -> commun.resume();
            case BESOIN -> commun.besoin();
            case INTERET_GENERAL -> commun.interetGeneral();
            case GOUVERNANCE -> commun.gouvernance();
            case PRODUCTIONS -> commun.productions();
            case BUDGET, PIECES -> null;
        };
    }

    private static TextArea area(String label, String value, int max) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setMinHeight("6em");
        CharacterLimit.apply(area, max);
        if (value != null) {
            area.setValue(value);
        }
        return area;
    }
}
