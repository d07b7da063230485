package fr.communs.structure.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.commune.CommuneService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/** "Inscrire ma structure": the person becomes the structure's administrator. */
@Route(value = "structures/nouvelle", layout = MainLayout.class)
@PageTitle("Inscrire ma structure — Communs")
@RolesAllowed(Roles.STRUCTURE)
class InscrireStructureView extends VerticalLayout {
    InscrireStructureView(StructureService structures, CommuneService communes) {
        addClassName("page");
        ErrorPanel errors = new ErrorPanel();
        StructureForm form = new StructureForm(communes);
        Button save = new Button("Inscrire la structure", e -> {
            long[] id = new long[1];
            if (errors.run(() -> id[0] = structures.register(form.read()))) {
                ActingStructure.set(id[0]);
                Ui.success("Votre structure est inscrite. Le Département vérifiera son statut ESS et son implantation.");
                getUI().ifPresent(ui -> ui.navigate("structures/" + id[0]));
            } else {
                form.markErrors(errors.shown());
                errors.reveal();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Inscrire ma structure"), new Paragraph("Vous en deviendrez administrateur : vous pourrez modifier "
                + "sa fiche et accepter les personnes qui demandent à la rejoindre."), errors, form, save);
    }
}

