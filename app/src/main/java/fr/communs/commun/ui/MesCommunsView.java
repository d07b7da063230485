package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.DemandeGroupement;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/** The communs of the person's structures: invitations and requests waiting, drafts, communs they take part in. */
@Route(value = "mes-communs", layout = MainLayout.class)
@PageTitle("Mes communs — Communs")
@RolesAllowed(Roles.STRUCTURE)
class MesCommunsView extends VerticalLayout {

    MesCommunsView(CommunService communs, GroupementService groupements) {
        addClassName("page");
        Button deposer = new Button("Déposer une idée de commun", e -> getUI().ifPresent(ui -> ui.navigate("deposer")));
        deposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Mes communs"), deposer);

        List<DemandeGroupement> pending = groupements.myPending();
        add(new H2("Invitations et demandes en attente"));
        if (pending.isEmpty()) {
            add(muted("Aucune invitation ni demande en attente."));
        } else {
            Grid<DemandeGroupement> grid = grid();
            grid.addComponentColumn(d -> new Anchor("communs/" + d.communId(), d.communTitre())).setHeader("Commun").setFlexGrow(3);
            grid.addColumn(DemandeGroupement::structureNom).setHeader("Structure").setFlexGrow(2);
            grid.addColumn(d -> d.sens() == DemandeGroupement.Sens.INVITATION ? "Invitation reçue : à vous de répondre"
                    : "Demande envoyée : en attente du porteur").setHeader("Situation").setFlexGrow(3);
            grid.addColumn(d -> d.role().libelle()).setHeader("Rôle").setFlexGrow(1);
            grid.addColumn(d -> Ui.dateTime(d.createdAt())).setHeader("Le").setFlexGrow(1);
            grid.setItems(pending);
            add(grid);
        }

        List<Commun> drafts = communs.myDrafts();
        add(new H2("Brouillons"));
        if (drafts.isEmpty()) {
            add(muted("Aucun brouillon."));
        } else {
            Grid<Commun> grid = grid();
            grid.addComponentColumn(c -> new Anchor("communs/" + c.id() + "/modifier",
                    c.titre().isBlank() ? "Brouillon sans titre" : c.titre())).setHeader("Titre").setFlexGrow(3);
            grid.addColumn(Commun::porteurNom).setHeader("Structure").setFlexGrow(2);
            grid.addColumn(c -> Ui.dateTime(c.createdAt())).setHeader("Commencé le").setFlexGrow(1);
            grid.setItems(drafts);
            add(grid);
        }

        Map<Commun, RoleGroupement> mine = groupements.myCommuns();
        add(new H2("Communs auxquels mes structures participent"));
        if (mine.isEmpty()) {
            add(muted("Vos structures ne participent encore à aucun commun publié. Parcourez les « Communs déposés » "
                    + "pour en rejoindre un, ou déposez votre idée."));
        } else {
            Grid<Map.Entry<Commun, RoleGroupement>> grid = grid();
            grid.addComponentColumn(e -> new Anchor("communs/" + e.getKey().id(), e.getKey().titre())).setHeader("Commun").setFlexGrow(3);
            grid.addColumn(e -> e.getKey().porteurNom()).setHeader("Porteur").setFlexGrow(2);
            grid.addColumn(e -> e.getValue().libelle()).setHeader("Rôle de ma structure").setFlexGrow(1);
            grid.addComponentColumn(e -> Ui.badge(e.getKey().statut().libelle(), !e.getKey().statut().termine()))
                    .setHeader("État").setFlexGrow(2);
            grid.setItems(List.copyOf(mine.entrySet()));
            add(grid);
        }
    }

    private static <T> Grid<T> grid() {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Paragraph muted(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("muted");
        return p;
    }
}
