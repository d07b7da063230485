package fr.communs.comite.notation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.layout.Ui;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.FicheNotation;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.notation.Notation;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.layout.MainLayout;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The comité's scores of one file at a séance: a member's own (corrigible while the séance is open) then, once
 * submitted, the other members' (read-only); every score for an agent. A recused member is told so and sees nothing.
 */
@Route(value = "comite/seances/:seanceId([0-9]{1,18})/dossiers/:communId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({Roles.AGENT, Roles.COMITE})
class NotesDossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final NotationService notation;
    private final SeanceService seances;
    private final CommunFiles files;
    private final CurrentUser currentUser;
    private final ErrorPanel errors = new ErrorPanel();

    NotesDossierView(NotationService notation, SeanceService seances, CommunFiles files, CurrentUser currentUser) {
        this.notation = notation;
        this.seances = seances;
        this.files = files;
        this.currentUser = currentUser;
        addClassName("page");
    }

    static String path(long seanceId, long communId) {
        return "comite/seances/" + seanceId + "/dossiers/" + communId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long seanceId;
        long communId;
        try {
            seanceId = Long.parseLong(event.getRouteParameters().get("seanceId").orElse(""));
            communId = Long.parseLong(event.getRouteParameters().get("communId").orElse(""));
        } catch (NumberFormatException e) {
            add(new H1("Notes du comité"), new Paragraph("Cette adresse ne correspond à aucun dossier."));
            return;
        }
        add(new H1("Notes du comité"), errors);
        try {
            Seance seance = seances.get(seanceId);
            add(new Anchor("seances/" + seanceId, "← Retour à la séance"), new Paragraph("Séance " + seance.ouEtQuand() + "."));
            boolean membre = currentUser.hasRole(Roles.COMITE);
            if (membre) {
                mesNotes(seanceId, communId);
            }
            List<Notation> toutes = notation.notes(seanceId, communId);
            List<Critere> grille = notation.grille(seance.campagneId());
            add(new H2(membre ? "Les notes des autres membres" : "Les notes des membres"));
            List<Notation> affichees = membre ? toutes.stream().filter(n -> n.membreId() != currentUser.require().id()).toList() : toutes;
            if (affichees.isEmpty()) {
                add(new Paragraph("Aucune note pour l'instant."));
            } else {
                add(grid(grille, affichees));
            }
            add(new H2("Dossier du commun"), files.of(communId));
        } catch (NotAllowedException e) {
            Paragraph p = new Paragraph(e.getMessage());
            p.getElement().setAttribute("role", "alert");
            p.addClassName("error-panel");
            add(p);
        }
    }

    private void mesNotes(long seanceId, long communId) {
        FicheNotation fiche = notation.fiche(seanceId, communId);
        add(new Paragraph("Dossier : « " + fiche.titre() + " » (porté par " + fiche.porteurNom() + ")"));
        if (fiche.mienne() == null) {
            return;
        }
        add(new H2("Vos notes"));
        GrilleForm form = new GrilleForm(fiche.grille(), fiche.mienne());
        add(form);
        if (fiche.corrigible()) {
            Button corriger = new Button("Corriger mes notes");
            corriger.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            corriger.addClickListener(e -> {
                if (errors.run(() -> notation.corriger(seanceId, communId, form.read(), fiche.mienne().version()))) {
                    Ui.success("Vos notes sont corrigées.");
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } else {
                    errors.reveal();
                }
            });
            add(corriger);
        } else {
            form.setReadOnly(true);
            add(new Paragraph("La séance est close : les notes ne se corrigent plus."));
        }
    }

    private static Grid<Notation> grid(List<Critere> grille, List<Notation> notations) {
        Grid<Notation> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Notation::membreNom).setHeader("Membre du comité").setFlexGrow(2);
        for (Critere c : grille) {
            grid.addColumn(n -> {
                var note = n.note(c.id());
                if (note == null) {
                    return "";
                }
                return note.note() + " / " + c.noteMax() + (note.commentaire() == null ? "" : " — " + note.commentaire());
            }).setHeader(c.numero() + ". " + c.libelle()).setFlexGrow(3);
        }
        grid.setItems(notations);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return "Notes du comité — Communs";
    }
}
