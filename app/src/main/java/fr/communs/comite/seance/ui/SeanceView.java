package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import fr.communs.comite.pv.ProcesVerbalService;
import fr.communs.comite.pv.ui.PdfDownloadHandler;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.Quorum;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A séance: when and where, its agenda (slot, file, porteur, status, quorum, recused members) and, for an agent, what
 * can be done at its stage — in preparation: change it, add a file, change a slot, adjourn a file, cancel it, record
 * attendance and open it; open: the scores and the avis of each file, then close it. A comité member reads the same
 * page without the agents' actions and is told which files they are recused from. Every action is one service call;
 * its refusal is shown at the top of the page (or of its dialog), nothing typed is lost.
 */
@Route(value = TaskScreens.SEANCES + "/:seanceId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({Roles.AGENT, Roles.COMITE})
class SeanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final SeanceService service;
    private final TaskService tasks;
    private final boolean agent;
    final ErrorPanel errors = new ErrorPanel();
    final H1 title = new H1("Séance du comité");
    final Grid<Audition> ordre = new Grid<>();
    final Map<Long, RadioButtonGroup<Presence>> presences = new LinkedHashMap<>();
    final Button modifier = new Button("Modifier la séance");
    final Button ajouter = new Button("Ajouter un dossier");
    final Button annuler = new Button("Annuler la séance");
    final Button enregistrerPresences = new Button("Enregistrer les présences");
    final Button ouvrir = new Button("Ouvrir la séance");
    final Button clore = new Button("Clore la séance");
    final Div documents = new Div();
    /** The confirmation open now, for the tests. */
    ConfirmDialog confirmation;
    /** The dialog open now, for the tests. */
    Dialog dialog;
    private long seanceId;
    private final ProcesVerbalService procesVerbaux;
    private Seance seance;
    private Map<Long, Quorum> quorums = Map.of();
    private Set<Long> deports = Set.of();
    private String pageTitle = "Séance du comité — Communs";

    SeanceView(SeanceService service, TaskService tasks, CurrentUser currentUser, ProcesVerbalService procesVerbaux) {
        this.service = service;
        this.procesVerbaux = procesVerbaux;
        this.tasks = tasks;
        this.agent = currentUser.hasRole(Roles.AGENT);
        addClassName("page");
        title.getElement().setAttribute("tabindex", "-1");
        documents.setId("seance-documents");
        documents.addClassName("card");
        modifier.addClickListener(e -> openDialog(new SeanceEditDialog(service, seance, this::reload)));
        ajouter.addClickListener(e -> openDialog(CreneauDialog.ajout(service, seance, this::reload)));
        annuler.addClickListener(e -> openDialog(new MotifDialog(service, seance, this::reload)));
        enregistrerPresences.addClickListener(e -> savePresences());
        ouvrir.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ouvrir.addClickListener(e -> confirmOpen());
        clore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        clore.addClickListener(e -> confirmClose());
        annuler.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            seanceId = Long.parseLong(event.getRouteParameters().get("seanceId").orElse(""));
        } catch (NumberFormatException e) {
            removeAll();
            add(title, new Paragraph("Cette adresse ne correspond à aucune séance."), new Anchor(TaskScreens.SEANCES,
                    "Toutes les séances"));
            return;
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    /** Reads the séance again and rebuilds the page (after each action). */
    void reload() {
        removeAll();
        presences.clear();
        try {
            seance = service.get(seanceId);
            List<Audition> auditions = service.ordreDuJour(seanceId);
            quorums = service.quorums(seanceId).stream().collect(Collectors.toMap(Quorum::communId, Function.identity(),
                    (a, b) -> a));
            deports = agent ? Set.of() : service.mesDeports(seanceId);
            List<MembreSeance> membres = service.membres(seanceId);
            build(auditions, membres);
        } catch (NotAllowedException | ValidationException e) {
            Paragraph p = new Paragraph(e.getMessage());
            p.addClassName("error-panel");
            p.getElement().setAttribute("role", "alert");
            add(title, p, new Anchor(TaskScreens.SEANCES, "Toutes les séances"));
        }
    }

    private void build(List<Audition> auditions, List<MembreSeance> membres) {
        title.setText("Séance du comité du " + Ui.dateTime(seance.debut()));
        pageTitle = "Séance du " + Ui.date(seance.debut().toLocalDate()) + " — Communs";
        add(new Anchor(TaskScreens.SEANCES, "← Toutes les séances"), title, errors, entete());

        if (agent && seance.statut() == Seance.Statut.PREPARATION) {
            HorizontalLayout actions = new HorizontalLayout(modifier, ajouter, annuler);
            actions.getStyle().set("flex-wrap", "wrap");
            add(actions);
        }

        add(new H2("Ordre du jour"));
        List<Audition> visibles = auditions;
        if (visibles.isEmpty()) {
            add(new Paragraph("Aucun dossier à l'ordre du jour."));
        } else {
            add(quorumResume(), grid(visibles));
        }

        add(presencesSection(membres));

        if (agent && seance.statut() == Seance.Statut.PREPARATION) {
            Paragraph aide = new Paragraph("Relevez la présence de chaque membre avant d'ouvrir la séance. À l'ouverture, "
                    + "les membres présents non déportés reçoivent une tâche de notation par dossier.");
            aide.addClassName("muted");
            add(aide, ouvrir);
        }
        if (agent && seance.statut() == Seance.Statut.OUVERTE) {
            Paragraph aide = new Paragraph("La séance se clôt quand chaque dossier entendu a reçu son avis (ou a été "
                    + "ajourné par le comité) et que les dossiers sans quorum ont été ajournés.");
            aide.addClassName("muted");
            add(aide, clore);
        }
        if (seance.statut() == Seance.Statut.OUVERTE || seance.statut() == Seance.Statut.CLOSE) {
            documents.removeAll();
            Anchor resultats = new Anchor(String.format(SeanceUi.RESULTATS_ROUTE, seanceId), "Résultats et classement de la séance");
            Anchor pv = new Anchor(new PdfDownloadHandler(() -> procesVerbaux.procesVerbal(seanceId)), AttachmentType.DOWNLOAD,
                    seance.statut() == Seance.Statut.CLOSE ? "Procès-verbal (PDF)" : "Projet de procès-verbal (PDF)");
            pv.getElement().setAttribute("aria-label", "Procès-verbal de la séance, document PDF");
            UnorderedList liste = new UnorderedList(new ListItem(resultats), new ListItem(pv));
            documents.add(new H2("Documents"), liste);
            add(documents);
        }
    }

    private Component entete() {
        Div card = new Div();
        card.addClassName("card");
        Paragraph statut = new Paragraph("Statut : ");
        statut.add(Ui.badge(seance.statut().libelle(), seance.statut() != Seance.Statut.ANNULEE));
        if (seance.ouverteLe() != null) {
            statut.add(new Span(" — ouverte le " + Ui.dateTime(seance.ouverteLe())));
        }
        if (seance.closeLe() != null) {
            statut.add(new Span(", close le " + Ui.dateTime(seance.closeLe())));
        }
        card.add(new Paragraph("Date : " + Ui.dateTime(seance.debut()) + " (heure de Paris)"));
        if (seance.lieu() != null) {
            card.add(new Paragraph("Lieu : " + seance.lieu()));
        }
        if (seance.lienVisio() != null) {
            Paragraph lien = new Paragraph("Lien de visioconférence : ");
            Anchor a = new Anchor(seance.lienVisio(), seance.lienVisio(), AnchorTarget.BLANK);
            a.getElement().setAttribute("rel", "noopener noreferrer");
            lien.add(a);
            card.add(lien);
        }
        card.add(statut);
        return card;
    }

    private Component quorumResume() {
        Quorum q = quorums.values().stream().findFirst().orElse(null);
        if (q == null) {
            return new Span();
        }
        Paragraph p = new Paragraph("Quorum : " + q.requis() + (q.requis() > 1 ? " votants requis" : " votant requis")
                + " par dossier, sur " + q.actifs() + (q.actifs() > 1 ? " membres actifs" : " membre actif")
                + " du comité. Un membre vote s'il est présent et n'est pas déporté du dossier.");
        p.addClassName("muted");
        return p;
    }

    private Grid<Audition> grid(List<Audition> auditions) {
        ordre.removeAllColumns();
        ordre.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        ordre.setAllRowsVisible(true);
        ordre.setAriaLabel("Ordre du jour de la séance");
        ordre.addColumn(SeanceUi::creneau).setHeader("Créneau").setAutoWidth(true).setFlexGrow(0);
        ordre.addComponentColumn(a -> deports.contains(a.communId()) ? new com.vaadin.flow.component.html.Span(a.titre())
                : new Anchor(ComiteDossierView.path(a.communId()), a.titre())).setHeader("Dossier (lire)").setFlexGrow(3).setWidth("12em");
        ordre.addColumn(Audition::porteurNom).setHeader("Porteur").setFlexGrow(2);
        ordre.addColumn(a -> a.statut() == Audition.Statut.DEPLACEE && a.motif() != null
                ? a.statut().libelle() + " : " + a.motif() : a.statut().libelle()).setHeader("Statut").setFlexGrow(2);
        ordre.addColumn(this::quorumTexte).setHeader("Quorum").setWidth("9em").setFlexGrow(1);
        ordre.addColumn(a -> {
            Quorum q = quorums.get(a.communId());
            return q == null ? "" : q.deportes().isEmpty() ? "Aucun(e)" : String.join(", ", q.deportes());
        }).setHeader("Déporté(e)s").setFlexGrow(2);
        ordre.addComponentColumn(this::actions).setHeader("Actions").setFlexGrow(2).setWidth("13em");
        ordre.setItems(auditions);
        return ordre;
    }

    /** "2 votants / 3 requis (quorum non atteint)". */
    String quorumTexte(Audition a) {
        Quorum q = quorums.get(a.communId());
        if (q == null) {
            return "—";
        }
        int n = q.votants().size();
        return n + (n > 1 ? " votants / " : " votant / ") + q.requis() + (q.requis() > 1 ? " requis" : " requis")
                + (q.atteint() ? " (atteint)" : " (non atteint)");
    }

    Component actions(Audition a) {
        HorizontalLayout cell = new HorizontalLayout();
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        cell.getStyle().set("flex-wrap", "wrap");
        boolean deporte = deports.contains(a.communId());
        if (deporte) {
            Span s = new Span("Vous êtes déporté(e) de ce dossier");
            s.addClassNames("badge", "ko");
            cell.add(s);
        }
        Seance.Statut st = seance.statut();
        boolean entendu = a.statut() == Audition.Statut.TENUE;
        if (entendu && !deporte && (st == Seance.Statut.OUVERTE || st == Seance.Statut.CLOSE)) {
            Anchor notes = new Anchor(String.format(SeanceUi.NOTES_ROUTE, seanceId, a.communId()), "Notes du comité");
            notes.getElement().setAttribute("aria-label", "Notes du comité : « " + a.titre() + " »");
            cell.add(notes);
        }
        if (agent && entendu) {
            cell.add(new Anchor("dossiers/" + a.communId() + "/contributions-comite", "Contributions"));
        }
        if (agent && entendu && st == Seance.Statut.OUVERTE) {
            tasks.openTask(a.communId(), CycleCommunProcess.TASK_AVIS_SEANCE).ifPresent(t -> {
                Anchor avis = new Anchor(TaskScreens.pathOf(CycleCommunProcess.TASK_AVIS_SEANCE, t.taskId()),
                        "Enregistrer l'avis du comité");
                avis.getElement().setAttribute("aria-label", "Enregistrer l'avis du comité : « " + a.titre() + " »");
                cell.add(avis);
            });
        }
        if (agent && a.statut() == Audition.Statut.PREVUE) {
            if (st == Seance.Statut.PREPARATION) {
                Button creneau = new Button("Modifier le créneau",
                        e -> openDialog(CreneauDialog.modification(service, seance, a, this::reload)));
                creneau.addThemeVariants(ButtonVariant.LUMO_SMALL);
                creneau.setAriaLabel("Modifier le créneau de « " + a.titre() + " »");
                cell.add(creneau);
            }
            if (st == Seance.Statut.PREPARATION || st == Seance.Statut.OUVERTE) {
                Button ajourner = new Button("Ajourner",
                        e -> openDialog(new AjournementDialog(service, seance, a, this::reload)));
                ajourner.addThemeVariants(ButtonVariant.LUMO_SMALL);
                ajourner.setAriaLabel("Ajourner « " + a.titre() + " »");
                cell.add(ajourner);
            }
        }
        return cell;
    }

    private Component presencesSection(List<MembreSeance> membres) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H2("Présences"));
        if (membres.isEmpty()) {
            section.add(new Paragraph("Aucun membre actif du comité à la date de cette séance."));
            return section;
        }
        boolean editable = agent && (seance.statut() == Seance.Statut.PREPARATION || seance.statut() == Seance.Statut.OUVERTE);
        if (!editable) {
            UnorderedList liste = new UnorderedList();
            for (MembreSeance m : membres) {
                liste.add(new ListItem(m.nom() + (m.organisation() == null ? "" : " — " + m.organisation()) + " : "
                        + (m.presence() == null ? "présence non relevée" : m.presence().libelle())));
            }
            section.add(liste);
            return section;
        }
        for (MembreSeance m : membres) {
            RadioButtonGroup<Presence> group = new RadioButtonGroup<>(m.nom()
                    + (m.organisation() == null ? "" : " — " + m.organisation()));
            group.setItems(Presence.values());
            group.setItemLabelGenerator(Presence::libelle);
            group.setValue(m.presence());
            if (m.presence() == null) {
                group.setHelperText("Présence non relevée");
            }
            presences.put(m.membreId(), group);
            section.add(group);
        }
        section.add(enregistrerPresences);
        return section;
    }

    private void savePresences() {
        Map<Long, Presence> valeurs = new LinkedHashMap<>();
        presences.forEach((id, group) -> {
            if (group.getValue() != null) {
                valeurs.put(id, group.getValue());
            }
        });
        if (errors.run(() -> service.enregistrerPresences(seanceId, valeurs))) {
            long manquants = presences.values().stream().filter(g -> g.getValue() == null).count();
            Ui.success(manquants == 0 ? "Les présences sont enregistrées."
                    : "Les présences sont enregistrées ; " + manquants + (manquants > 1 ? " membres restent" : " membre reste")
                    + " à relever avant l'ouverture.");
            reload();
        } else {
            errors.reveal();
        }
    }

    private void confirmOpen() {
        confirmation = SeanceUi.confirmation("Ouvrir la séance ?",
                "Les membres présents non déportés recevront une tâche de notation par dossier. Un dossier sans quorum "
                        + "ne sera pas noté : il restera à ajourner. La séance ne pourra plus être modifiée.",
                "Ouvrir la séance", false);
        confirmation.addConfirmListener(e -> {
            List<Quorum> ouverts = new java.util.ArrayList<>();
            if (errors.run(() -> ouverts.addAll(service.ouvrir(seanceId)))) {
                long sans = ouverts.stream().filter(q -> !q.atteint()).count();
                Ui.success("La séance est ouverte." + (sans == 0 ? " Tous les dossiers ont leur quorum."
                        : sans == 1 ? " Un dossier n'a pas son quorum : ajournez-le."
                        : " " + sans + " dossiers n'ont pas leur quorum : ajournez-les."));
                reload();
            } else {
                errors.reveal();
            }
        });
        confirmation.open();
    }

    private void confirmClose() {
        confirmation = SeanceUi.confirmation("Clore la séance ?",
                "Les avis seront transmis et les dossiers passeront au vote de l'Assemblée ; les notes ne pourront plus "
                        + "être corrigées.", "Clore la séance", false);
        confirmation.addConfirmListener(e -> {
            if (errors.run(() -> service.clore(seanceId))) {
                Ui.success("La séance est close : les dossiers avec un avis passent au vote de l'Assemblée.");
                reload();
            } else {
                errors.reveal();
            }
        });
        confirmation.open();
    }

    private void openDialog(Dialog d) {
        errors.clear();
        dialog = d;
        d.open();
    }
}
