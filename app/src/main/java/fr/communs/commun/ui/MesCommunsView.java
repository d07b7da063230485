package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.contribution.ContributionService;
import fr.communs.commun.DemandeGroupement;
import fr.communs.commun.GroupementService;
import fr.communs.commun.GroupementService.MonCommun;
import fr.communs.contribution.StatutContribution;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The communs of the person's structures: what waits for them (invitations, requests to answer, roles to confirm,
 * contribution offers to decide), their drafts, the communs they take part in and the contributions they bring.
 */
@Route(value = "mes-communs", layout = MainLayout.class)
@PageTitle("Mes communs — Communs")
@RolesAllowed(Roles.STRUCTURE)
class MesCommunsView extends VerticalLayout {

    /** One thing to do, with where to do it. */
    record ATraiter(long communId, String communTitre, String structureNom, String quoi, OffsetDateTime depuis) {
    }

    private final CommunService communs;
    private final ErrorPanel draftErrors = new ErrorPanel();
    final Div brouillons = new Div();

    MesCommunsView(CommunService communs, GroupementService groupements, ContributionService contributions,
                   StructureService structures) {
        this.communs = communs;
        addClassName("page");
        brouillons.setWidthFull();
        Button deposer = new Button("Déposer une idée de commun", e -> getUI().ifPresent(ui -> ui.navigate("deposer")));
        deposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Mes communs"), deposer);

        List<MonCommun> mine = groupements.myCommuns();
        List<ATraiter> todo = new ArrayList<>();
        for (DemandeGroupement d : groupements.myPending()) {
            todo.add(new ATraiter(d.communId(), d.communTitre(), d.structureNom(),
                    d.sens() == DemandeGroupement.Sens.INVITATION
                            ? "Invitation à rejoindre le groupement (" + d.role().libelle().toLowerCase() + ") : à vous de répondre"
                            : "Votre demande pour rejoindre le groupement attend la réponse du porteur", d.createdAt()));
        }
        for (DemandeGroupement d : groupements.requestsToAnswer()) {
            todo.add(new ATraiter(d.communId(), d.communTitre(), d.structureNom(),
                    "Demande à rejoindre votre groupement (" + d.role().libelle().toLowerCase() + ") : à accepter ou refuser",
                    d.createdAt()));
        }
        for (MonCommun m : mine) {
            if (m.commun().statut() != CommunStatut.EN_CONSTITUTION) {
                continue;
            }
            if (!m.confirme()) {
                todo.add(new ATraiter(m.commun().id(), m.commun().titre(), m.structureNom(),
                        "Confirmer votre participation en tant que " + m.role().libelle().toLowerCase(), null));
            }
            if (m.porteurPropose()) {
                todo.add(new ATraiter(m.commun().id(), m.commun().titre(), m.structureNom(),
                        "Le porteur vous propose de devenir porteur administratif : à accepter ou décliner", null));
            }
            if (m.role() == fr.communs.commun.RoleGroupement.PORTEUR) {
                long offres = contributions.offres(m.commun().id()).stream()
                        .filter(o -> o.statut() == StatutContribution.PROPOSEE).count();
                if (offres > 0) {
                    todo.add(new ATraiter(m.commun().id(), m.commun().titre(), m.structureNom(), offres
                            + (offres > 1 ? " propositions de contribution à accepter ou refuser"
                            : " proposition de contribution à accepter ou refuser"), null));
                }
            }
        }
        add(new H2("À traiter"));
        if (todo.isEmpty()) {
            add(muted("Rien ne vous attend pour l'instant."));
        } else {
            Grid<ATraiter> grid = grid();
            grid.addComponentColumn(t -> new Anchor("communs/" + t.communId(), t.communTitre())).setHeader("Commun").setFlexGrow(3);
            grid.addColumn(ATraiter::structureNom).setHeader("Ma structure").setFlexGrow(2);
            grid.addColumn(ATraiter::quoi).setHeader("À faire").setFlexGrow(4);
            grid.addColumn(t -> t.depuis() == null ? "" : Ui.dateTime(t.depuis())).setHeader("Depuis le").setFlexGrow(1);
            grid.setItems(todo);
            add(grid);
        }

        add(new H2("Brouillons"), draftErrors, brouillons);
        showDrafts();

        add(new H2("Communs auxquels mes structures participent"));
        if (mine.isEmpty()) {
            add(muted("Vos structures ne participent encore à aucun commun publié. Parcourez les « Communs déposés » "
                    + "pour en rejoindre un, ou déposez votre idée."));
        } else {
            Grid<MonCommun> grid = grid();
            grid.addComponentColumn(m -> new Anchor("communs/" + m.commun().id(), m.commun().titre())).setHeader("Commun").setFlexGrow(3);
            grid.addColumn(m -> m.commun().porteurNom()).setHeader("Porteur administratif").setFlexGrow(2);
            grid.addColumn(MonCommun::structureNom).setHeader("Ma structure").setFlexGrow(2);
            grid.addColumn(m -> m.role().libelle()).setHeader("Son rôle").setFlexGrow(1);
            grid.addComponentColumn(m -> {
                Span badge = new Span(m.commun().statut().libelle());
                badge.addClassName("badge");
                return badge;
            }).setHeader("État").setFlexGrow(2);
            grid.setItems(mine);
            add(grid);
        }

        record Apport(String structureNom, fr.communs.structure.StructureContribution contribution) {
        }
        List<Apport> apports = new ArrayList<>();
        structures.myStructures().stream().filter(s -> !s.enAttente()).forEach(s -> structures
                .contributionsOf(s.structure().id()).forEach(c -> apports.add(new Apport(s.structure().nom(), c))));
        add(new H2("Contributions apportées par mes structures"));
        if (apports.isEmpty()) {
            add(muted("Aucune contribution acceptée pour l'instant."));
        } else {
            Grid<Apport> grid = grid();
            grid.addComponentColumn(a -> new Anchor("communs/" + a.contribution().communId(), a.contribution().titre()))
                    .setHeader("Commun").setFlexGrow(3);
            grid.addColumn(Apport::structureNom).setHeader("Ma structure").setFlexGrow(2);
            grid.addColumn(a -> a.contribution().type() + " : " + a.contribution().description())
                    .setHeader("Contribution").setFlexGrow(4);
            apports.sort(Comparator.comparing(a -> a.contribution().titre()));
            grid.setItems(apports);
            add(grid);
        }
    }

    /** The drafts of the person's structures, each with "Continuer" and "Supprimer" (after confirmation). */
    private void showDrafts() {
        brouillons.removeAll();
        List<Commun> drafts = communs.myDrafts();
        if (drafts.isEmpty()) {
            brouillons.add(muted("Aucun brouillon."));
            return;
        }
        Grid<Commun> grid = grid();
        grid.addComponentColumn(c -> new Anchor("communs/" + c.id() + "/modifier", titre(c))).setHeader("Titre").setFlexGrow(3);
        grid.addColumn(Commun::porteurNom).setHeader("Structure").setFlexGrow(2);
        grid.addColumn(c -> Ui.dateTime(c.createdAt())).setHeader("Commencé le").setFlexGrow(1);
        grid.addComponentColumn(c -> {
            Button delete = new Button("Supprimer", e -> BrouillonSuppression.confirm(titre(c), () -> deleteDraft(c.id())));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel("Supprimer le brouillon « " + titre(c) + " »");
            return delete;
        }).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(drafts);
        brouillons.add(grid);
    }

    /** Deletes a draft (the service checks again that it is still a draft of one of the caller's structures). */
    void deleteDraft(long communId) {
        if (draftErrors.run(() -> communs.deleteDraft(communId))) {
            Ui.success("Le brouillon est supprimé.");
        }
        showDrafts();
    }

    private static String titre(Commun c) {
        return c.titre().isBlank() ? "Brouillon sans titre" : c.titre();
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
