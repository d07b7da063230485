package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.Montants;
import fr.communs.base.NotAllowedException;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Séances du comité": the séances, the latest first, 20 per page (agents: all; comité members: theirs); for an agent,
 * "Nouvelle séance" and the files declared recevable that wait for a séance.
 */
@Route(value = TaskScreens.SEANCES, layout = MainLayout.class)
@PageTitle("Séances du comité — Communs")
@RolesAllowed({Roles.AGENT, Roles.COMITE})
class SeancesView extends VerticalLayout {
    static final int PAGE_SIZE = 20;

    private final SeanceService service;
    private final boolean agent;
    final H1 title = new H1("Séances du comité");
    final Button nouvelle = new Button("Nouvelle séance", VaadinIcon.PLUS.create());
    final Grid<Seance> seances = new Grid<>();
    final Paragraph aucune = new Paragraph();
    final HorizontalLayout pager = new HorizontalLayout();
    final Grid<DossierEnAttente> attente = new Grid<>();
    final Paragraph aucunEnAttente = new Paragraph("Aucun dossier n'attend de séance : les dossiers que l'instruction "
            + "déclare recevables apparaîtront ici.");
    /** The dialog open now, for the tests. */
    SeanceFormDialog dialog;
    private final Map<Long, Integer> nombreDossiers = new HashMap<>();
    private List<DossierEnAttente> enAttente = List.of();
    private int page = 1;

    SeancesView(SeanceService service, CurrentUser currentUser) {
        this.service = service;
        this.agent = currentUser.hasRole(Roles.AGENT);
        addClassName("page");
        title.getElement().setAttribute("tabindex", "-1");
        add(title);
        if (agent) {
            nouvelle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            nouvelle.addClickListener(e -> openForm());
            Paragraph intro = new Paragraph("Créez une séance avec son ordre du jour : les dossiers déclarés recevables "
                    + "qui attendent une séance, un créneau d'audition chacun.");
            intro.addClassName("muted");
            add(intro, nouvelle);
        } else {
            Paragraph intro = new Paragraph("Les séances auxquelles vous êtes convoqué(e) comme membre du comité.");
            intro.addClassName("muted");
            add(intro);
        }

        seances.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        seances.setAllRowsVisible(true);
        seances.setAriaLabel("Séances du comité");
        seances.addComponentColumn(s -> {
            Anchor a = new Anchor(SeanceUi.seancePath(s.id()), Ui.dateTime(s.debut()));
            a.getElement().setAttribute("aria-label", "Séance du " + Ui.dateTime(s.debut()));
            return a;
        }).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        seances.addColumn(s -> SeanceUi.ou(s)).setHeader("Lieu ou lien").setFlexGrow(3);
        seances.addColumn(s -> s.statut().libelle()).setHeader("Statut").setAutoWidth(true).setFlexGrow(0);
        seances.addColumn(s -> {
            int n = nombreDossiers.getOrDefault(s.id(), 0);
            return n == 0 ? "Aucun" : String.valueOf(n);
        }).setHeader("Dossiers").setAutoWidth(true).setFlexGrow(0);
        aucune.setText(agent ? "Aucune séance pour l'instant. Créez la première avec « Nouvelle séance »."
                : "Vous n'êtes convoqué(e) à aucune séance pour l'instant.");
        add(seances, aucune, pager);

        if (agent) {
            attente.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
            attente.setAllRowsVisible(true);
            attente.setAriaLabel("Dossiers en attente de séance");
            attente.addComponentColumn(d -> new Anchor(TaskScreens.DOSSIERS + "/" + d.communId(), d.titre()))
                    .setHeader("Dossier").setFlexGrow(3);
            attente.addColumn(DossierEnAttente::porteurNom).setHeader("Porteur").setFlexGrow(2);
            attente.addColumn(d -> d.montantDemande() == null ? "" : Montants.format(d.montantDemande()))
                    .setHeader("Montant demandé").setAutoWidth(true).setFlexGrow(0);
            attente.addColumn(d -> d.depuis() == null ? "" : Ui.date(d.depuis().toLocalDate()))
                    .setHeader("Transmis le").setAutoWidth(true).setFlexGrow(0);
            add(new H2("Dossiers en attente de séance"), attente, aucunEnAttente);
        }
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        refresh();
    }

    private void refresh() {
        try {
            int count = service.count();
            int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
            page = Math.min(Math.max(1, page), pages);
            List<Seance> shown = service.seances((page - 1) * PAGE_SIZE, PAGE_SIZE);
            nombreDossiers.clear();
            for (Seance s : shown) {
                nombreDossiers.put(s.id(), (int) service.ordreDuJour(s.id()).stream()
                        .filter(a -> a.statut() != Audition.Statut.DEPLACEE).count());
            }
            seances.setItems(shown);
            seances.setVisible(!shown.isEmpty());
            aucune.setVisible(shown.isEmpty());
            Ui.fillPager(pager, page, pages, target -> {
                page = target;
                refresh();
                title.getElement().executeJs("this.focus()");
            });
            if (agent) {
                enAttente = service.dossiersEnAttente();
                attente.setItems(enAttente);
                attente.setVisible(!enAttente.isEmpty());
                aucunEnAttente.setVisible(enAttente.isEmpty());
            }
        } catch (NotAllowedException e) {
            removeAll();
            Paragraph p = new Paragraph(e.getMessage());
            p.addClassName("error-panel");
            p.getElement().setAttribute("role", "alert");
            add(title, p);
        }
    }

    private void openForm() {
        dialog = new SeanceFormDialog(service, service.dossiersEnAttente(),
                id -> getUI().orElse(com.vaadin.flow.component.UI.getCurrent()).navigate(SeanceUi.seancePath(id)));
        dialog.open();
    }
}
