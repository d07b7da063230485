package fr.communs.livrable.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import fr.communs.task.ui.TaskView;
import jakarta.annotation.security.RolesAllowed;

/** The laureate groupement deposits its livrable and its retour d'expérience. */
@Route(value = TaskScreens.LIVRABLE + "/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class LivrableTaskView extends TaskView {
    private final LivrableService livrables;

    LivrableTaskView(TaskService tasks, LivrableService livrables) {
        super(tasks, CycleCommunProcess.TASK_DEPOSER_LIVRABLE);
        this.livrables = livrables;
    }

    @Override
    protected void build(OpenTask task) {
        add(new Paragraph("Le livrable doit être partageable et appropriable : il diffuse vos pratiques de coopération "
                + "sous la forme de votre choix (outils, récit, guide…). Le retour d'expérience porte sur la constitution "
                + "du dossier ; il participera à l'évaluation de l'appel."),
                new Paragraph("Le titre, le lien et la description du livrable seront publiés sur la page du commun ; "
                        + "le retour d'expérience n'est lu que par le Département."));
        TextField titre = new TextField("Titre du livrable");
        CharacterLimit.apply(titre, 200);
        titre.setRequiredIndicatorVisible(true);
        titre.setWidthFull();
        TextField lien = new TextField("Lien vers le livrable (facultatif)");
        lien.setPlaceholder("https://…");
        CharacterLimit.apply(lien, 500);
        lien.setWidthFull();
        TextArea description = area("Description du livrable");
        TextArea retour = area("Retour d'expérience sur la constitution du dossier");
        Button deposer = new Button("Déposer le livrable", e -> submit(() -> livrables.deposit(task.taskId(),
                new LivrableData(titre.getValue(), lien.getValue(), description.getValue(), retour.getValue())),
                "Merci ! Votre livrable et votre retour d'expérience sont déposés."));
        deposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(titre, lien, description, retour, deposer);
    }

    private static TextArea area(String label) {
        TextArea area = new TextArea(label);
        CharacterLimit.apply(area, 4000);
        area.setRequiredIndicatorVisible(true);
        area.setWidthFull();
        area.setMinHeight("6em");
        return area;
    }
}
