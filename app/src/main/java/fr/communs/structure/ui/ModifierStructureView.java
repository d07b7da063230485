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

/** Its administrators edit a structure's record. */
@Route(value = "structures/:structureId([0-9]{1,18})/modifier", layout = MainLayout.class)
@PageTitle("Modifier la fiche — Communs")
@PermitAll
class ModifierStructureView extends VerticalLayout implements BeforeEnterObserver {
    private final StructureService structures;
    private final CommuneService communes;

    ModifierStructureView(StructureService structures, CommuneService communes) {
        this.structures = structures;
        this.communes = communes;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("structureId").orElseThrow());
        Structure s = structures.find(id).orElseThrow(() -> new NotFoundException("Structure introuvable"));
        if (!structures.callerAdministers(id)) {
            throw new NotFoundException("Réservé aux administrateurs de la structure");
        }
        int version = s.version();
        removeAll();
        ErrorPanel errors = new ErrorPanel();
        StructureForm form = new StructureForm(communes);
        form.setValue(s);
        Button save = new Button("Enregistrer", e -> {
            if (errors.run(() -> structures.update(id, version, form.read()))) {
                Ui.success("La fiche est enregistrée.");
                getUI().ifPresent(ui -> ui.navigate("structures/" + id));
            } else {
                form.markErrors(errors.shown());
                errors.reveal();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Modifier la fiche de " + s.nom()), new Paragraph("Si vous changez la forme juridique, les "
                + "agréments ou la commune, le Département vérifiera de nouveau la fiche."), errors, form, save);
    }
}
