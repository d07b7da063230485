package fr.communs.comite.membre.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.membre.Membre;
import fr.communs.comite.membre.MembreService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Administrators manage the Comité d'accompagnement des communs: the members with their collège, organisation and
 * active period; invite a new member by e-mail, change one, link their other accounts, deactivate one (a confirmation
 * names the consequence: their open scoring tasks are retired) or bring them back.
 */
@Route(value = "admin/comite", layout = MainLayout.class)
@PageTitle("Comité d'accompagnement — Communs")
@RolesAllowed(Roles.ADMIN)
class ComiteAdminView extends VerticalLayout {
    private final MembreService membres;
    private final StructureService structures;
    final ErrorPanel errors = new ErrorPanel();
    final Button inviter = new Button("Inviter un membre…", VaadinIcon.ENVELOPE_O.create());
    final Checkbox inactifs = new Checkbox("Montrer aussi les membres inactifs");
    final Grid<Membre> grid = new Grid<>(Membre.class, false);
    final Paragraph vide = new Paragraph();
    final Span resume = new Span();
    /** The dialog or confirmation open now, for the tests. */
    Component ouvert;

    ComiteAdminView(MembreService membres, StructureService structures) {
        this.membres = membres;
        this.structures = structures;
        addClassName("page");
        add(new H1("Comité d'accompagnement des communs"));
        Paragraph intro = new Paragraph("Les membres du comité lisent les dossiers présentés en séance, notent les "
                + "auditions et proposent des contributions. Chacun siège dans un collège et représente une organisation ; "
                + "une structure de l'annuaire compte pour les déports (conflits d'intérêts).");
        intro.addClassName("muted");
        inviter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        inviter.addClickListener(e -> ouvrirInvitation());
        inactifs.addValueChangeListener(e -> rafraichir());
        HorizontalLayout barre = new HorizontalLayout(inviter, inactifs,
                new com.vaadin.flow.component.html.Anchor("admin/comite/grille", "Grille de notation du comité"));
        barre.setAlignItems(Alignment.BASELINE);

        grid.addComponentColumn(this::nom).setHeader("Nom").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(Membre::email).setHeader("Courriel").setAutoWidth(true);
        grid.addColumn(m -> m.college().libelle()).setHeader("Collège").setAutoWidth(true);
        grid.addColumn(Membre::organisationAffichee).setHeader("Organisation représentée").setFlexGrow(1);
        grid.addColumn(ComiteAdminView::periode).setHeader("Période d'activité").setAutoWidth(true);
        grid.addComponentColumn(ComiteAdminView::etat).setHeader("État").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", "Membres du comité");
        vide.addClassName("muted");
        add(intro, errors, barre, resume, grid, vide);
        rafraichir();
    }

    /** Reads the members again (each action ends here). */
    void rafraichir() {
        List<Membre> tous = membres.membres();
        List<Membre> montres = inactifs.getValue() ? tous : tous.stream().filter(Membre::actif).toList();
        long actifs = tous.stream().filter(Membre::actif).count();
        resume.setText(actifs == 0 ? "Aucun membre actif aujourd'hui."
                : actifs == 1 ? "1 membre actif aujourd'hui" + autres(tous.size() - 1)
                : actifs + " membres actifs aujourd'hui" + autres(tous.size() - (int) actifs));
        grid.setItems(montres);
        grid.setVisible(!montres.isEmpty());
        vide.setVisible(montres.isEmpty());
        vide.setText(tous.isEmpty() ? "Le comité n'a encore aucun membre : invitez le premier avec « Inviter un membre »."
                : "Aucun membre actif aujourd'hui : cochez « Montrer aussi les membres inactifs » pour voir les autres.");
    }

    private static String autres(int inactifs) {
        return inactifs <= 0 ? "." : inactifs == 1 ? " (et 1 inactif)." : " (et " + inactifs + " inactifs).";
    }

    private Component nom(Membre m) {
        Div div = new Div(new Span(m.nomComplet()));
        if (m.invitationEnAttente()) {
            Span attente = new Span("invitation en attente");
            attente.addClassNames("badge");
            attente.getElement().setAttribute("title", "La personne n'a pas encore activé son compte (lien reçu par courriel).");
            div.add(new Span(" "), attente);
        }
        if (!m.autresComptes().isEmpty()) {
            Span liens = new Span(m.autresComptes().size() == 1 ? "1 compte lié" : m.autresComptes().size() + " comptes liés");
            liens.addClassName("muted");
            div.add(new Div(liens));
        }
        return div;
    }

    static String periode(Membre m) {
        return m.actifAu() == null ? "depuis le " + Ui.date(m.actifDu())
                : "du " + Ui.date(m.actifDu()) + " au " + Ui.date(m.actifAu());
    }

    private static Component etat(Membre m) {
        if (m.desactiveLe() != null) {
            return Ui.badge("Désactivé le " + Ui.date(m.desactiveLe().atZoneSameInstant(Dates.ZONE).toLocalDate()), false);
        }
        if (m.actif()) {
            return Ui.badge("Actif", true);
        }
        if (m.actifDu().isAfter(Dates.today())) {
            return Ui.badge("À venir", false);
        }
        return Ui.badge(m.actifAu() != null && m.actifAu().isBefore(Dates.today()) ? "Période terminée" : "Compte fermé", false);
    }

    private Component actions(Membre m) {
        Button modifier = new Button("Modifier…", e -> ouvrirModification(m.id()));
        modifier.getElement().setAttribute("aria-label", "Modifier " + m.nomComplet());
        modifier.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button bascule;
        if (m.desactiveLe() == null) {
            bascule = new Button("Désactiver…", e -> confirmerDesactivation(m));
            bascule.getElement().setAttribute("aria-label", "Désactiver " + m.nomComplet());
            bascule.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        } else {
            bascule = new Button("Réactiver", e -> reactiver(m));
            bascule.getElement().setAttribute("aria-label", "Réactiver " + m.nomComplet());
            bascule.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout actions = new HorizontalLayout(modifier, bascule);
        actions.setSpacing(true);
        return actions;
    }

    private void ouvrirInvitation() {
        InvitationDialog dialog = new InvitationDialog(membres, structures.directory(), this::rafraichir);
        ouvert = dialog;
        dialog.open();
    }

    void ouvrirModification(long membreId) {
        Membre[] m = new Membre[1];
        if (errors.run(() -> m[0] = membres.membre(membreId))) {
            MembreDialog dialog = new MembreDialog(membres, m[0], structures.directory(), this::rafraichir);
            ouvert = dialog;
            dialog.open();
        }
    }

    void confirmerDesactivation(Membre m) {
        int[] ouvertes = new int[1];
        if (!errors.run(() -> ouvertes[0] = membres.notationsOuvertes(m.id()))) {
            return;
        }
        ConfirmDialog confirmation = new ConfirmDialog();
        confirmation.setHeader("Désactiver " + m.nomComplet() + " ?");
        confirmation.setText(texteDesactivation(m.nomComplet(), ouvertes[0]));
        confirmation.setCancelable(true);
        confirmation.setCancelText("Annuler");
        confirmation.setConfirmText(ouvertes[0] == 0 ? "Désactiver"
                : ouvertes[0] == 1 ? "Désactiver et retirer sa notation" : "Désactiver et retirer ses " + ouvertes[0] + " notations");
        confirmation.setConfirmButtonTheme("error primary");
        confirmation.addConfirmListener(e -> desactiver(m));
        ouvert = confirmation;
        confirmation.open();
    }

    static String texteDesactivation(String nom, int ouvertes) {
        return nom + " ne fera plus partie du comité à partir d'aujourd'hui : plus compté(e) dans le quorum, plus "
                + "convoqué(e) aux séances. " + (ouvertes == 0 ? "Aucune notation n'est en cours."
                : (ouvertes == 1 ? "Sa notation en cours sera retirée" : "Ses " + ouvertes + " notations en cours seront retirées")
                + " : les dossiers concernés poursuivent leur cycle avec les notes des autres membres, sans la sienne.")
                + " Son compte reste ouvert et vous pourrez le (la) réactiver.";
    }

    private void desactiver(Membre m) {
        int[] retirees = new int[1];
        if (errors.run(() -> retirees[0] = membres.desactiver(m.id(), m.version()))) {
            Ui.success(m.nomComplet() + " est désactivé(e)." + (retirees[0] == 0 ? ""
                    : retirees[0] == 1 ? " Sa notation en cours est retirée." : " Ses " + retirees[0] + " notations en cours sont retirées."));
        }
        rafraichir();
    }

    private void reactiver(Membre m) {
        if (errors.run(() -> membres.reactiver(m.id(), m.version()))) {
            Ui.success(m.nomComplet() + " est de nouveau membre du comité (dans sa période d'activité).");
        }
        rafraichir();
    }
}
