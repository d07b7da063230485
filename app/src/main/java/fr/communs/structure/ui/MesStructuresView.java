package fr.communs.structure.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.JoinRequest;
import fr.communs.structure.Membership;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * "Mes structures": the structures a person belongs to, the one they act for, their pending requests, and for
 * administrators the requests to accept.
 */
@Route(value = "mes-structures", layout = MainLayout.class)
@PageTitle("Mes structures — Communs")
@RolesAllowed(Roles.STRUCTURE)
class MesStructuresView extends VerticalLayout {
    private final StructureService structures;

    MesStructuresView(StructureService structures) {
        this.structures = structures;
        addClassName("page");
        refresh();
    }

    private void refresh() {
        removeAll();
        add(new H1("Mes structures"));
        List<Membership> mine = structures.myStructures();
        List<Membership> members = mine.stream().filter(m -> !m.enAttente()).toList();
        HorizontalLayout actions = new HorizontalLayout(
                new Button("Inscrire ma structure", e -> getUI().ifPresent(ui -> ui.navigate("structures/nouvelle"))),
                new Button("Rejoindre une structure existante", e -> getUI().ifPresent(ui -> ui.navigate("structures"))));
        ((Button) actions.getComponentAt(0)).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (members.isEmpty()) {
            add(new Paragraph("Vous n'agissez encore pour aucune structure. Inscrivez la vôtre, ou trouvez-la dans la liste "
                    + "des structures et demandez à la rejoindre : ses administrateurs accepteront votre demande."));
        } else {
            RadioButtonGroup<Structure> acting = new RadioButtonGroup<>("J'agis pour");
            acting.setItems(members.stream().map(Membership::structure).toList());
            acting.setItemLabelGenerator(Structure::nom);
            long current = ActingStructure.get().orElse(members.get(0).structure().id());
            members.stream().map(Membership::structure).filter(s -> s.id() == current).findFirst().ifPresent(acting::setValue);
            acting.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    ActingStructure.set(e.getValue().id());
                    Ui.success("Vous agissez désormais pour « " + e.getValue().nom() + " ».");
                }
            });
            add(acting);
        }
        add(actions);
        for (Membership m : mine) {
            add(card(m));
        }
    }

    private Div card(Membership m) {
        Structure s = m.structure();
        Div card = new Div();
        card.addClassName("card");
        H2 title = new H2();
        title.add(new Anchor("structures/" + s.id(), s.nom()));
        HorizontalLayout badges = new HorizontalLayout(StructureBadges.verification(s),
                new Span(m.enAttente() ? "Demande en attente" : m.administrateur() ? "Administrateur" : "Membre"));
        badges.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(title, badges);
        if (m.administrateur()) {
            card.add(new Anchor("structures/" + s.id() + "/modifier", "Modifier la fiche"));
            List<JoinRequest> requests = structures.pendingRequests(s.id());
            if (!requests.isEmpty()) {
                card.add(new H3("Demandes pour rejoindre la structure"));
            }
            for (JoinRequest r : requests) {
                ErrorPanel errors = new ErrorPanel();
                Button accept = new Button("Accepter", e -> decide(errors, r, true));
                accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
                accept.setAriaLabel("Accepter la demande de " + r.nomComplet());
                Button decline = new Button("Refuser", e -> decide(errors, r, false));
                decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                decline.setAriaLabel("Refuser la demande de " + r.nomComplet());
                HorizontalLayout line = new HorizontalLayout(new Span(r.nomComplet() + " (" + r.email() + ")"
                        + (r.message() == null ? "" : " : « " + r.message() + " »")), accept, decline);
                line.setAlignItems(FlexComponent.Alignment.BASELINE);
                card.add(errors, line);
            }
        }
        return card;
    }

    private void decide(ErrorPanel errors, JoinRequest r, boolean accept) {
        if (errors.run(() -> structures.decideRequest(r.structureId(), r.userId(), accept))) {
            Ui.success(accept ? r.nomComplet() + " est maintenant membre de la structure." : "La demande a été refusée.");
            refresh();
        }
    }
}
