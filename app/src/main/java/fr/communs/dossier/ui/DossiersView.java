package fr.communs.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.base.CommunStatut;
import fr.communs.dossier.DossierFiltre;
import fr.communs.dossier.DossierFiltre.Instructeur;
import fr.communs.dossier.DossierLigne;
import fr.communs.dossier.DossierService;
import fr.communs.dossier.DossierTri;
import fr.communs.instruction.Agent;
import fr.communs.instruction.InstructionService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.messagerie.MessageService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The agents' back office "Dossiers": every file of the current appel with counts per state, "Mes dossiers",
 * filters kept in the URL (shareable, e.g. {@code dossiers?instructeur=moi}), a lazily loaded grid sorted on the
 * server, "Je m'en occupe" on files nobody instructs, and bulk actions on the selected files (assign, message, label,
 * export).
 */
@Route(value = TaskScreens.DOSSIERS, layout = MainLayout.class)
@PageTitle("Dossiers — Communs")
@RolesAllowed(Roles.AGENT)
class DossiersView extends VerticalLayout implements BeforeEnterObserver {
    static final int PAGE_SIZE = 50;
    private static final String ETAT_TOUS = "tous";
    private static final DossierTri TRI_PAR_DEFAUT = DossierTri.TRANSMIS_LE;
    /** Newest files first by default. */
    private static final SortDirection SENS_PAR_DEFAUT = SortDirection.DESCENDING;
    /** The states shown as tabs, in the cycle's order after the transmitted ones. */
    private static final List<CommunStatut> ETATS = List.of(CommunStatut.EN_INSTRUCTION, CommunStatut.COMPLEMENTS_DEMANDES,
            CommunStatut.NON_RECEVABLE, CommunStatut.AU_COMITE, CommunStatut.A_L_ASSEMBLEE, CommunStatut.REJETE,
            CommunStatut.LAUREAT, CommunStatut.LIVRABLE_DEPOSE, CommunStatut.EN_CONSTITUTION, CommunStatut.DEPOT_CLOS);

    /** One choice of the "Instructeur" filter: everybody, me, nobody, or one agent. */
    record ChoixInstructeur(Instructeur mode, Long agentId, String libelle) {
    }

    private final DossierService dossiers;
    private final InstructionService instructions;
    private final MessageService messages;
    private final Optional<Campagne> campagne;
    private final long moi;
    private final List<Agent> agents;

    private final Tabs portee = new Tabs();
    private final Tab tousLesDossiers = new Tab("Tous les dossiers");
    private final Tab mesDossiers = new Tab("Mes dossiers");
    private final FlexLayout etats = new FlexLayout();
    /** Empty: the transmitted files (default); {@link DossierFiltre#PUBLIES}: every file; else one state. */
    private Set<CommunStatut> statuts = Set.of();

    private final TextField texte = new TextField("Rechercher");
    private final Select<Defi> defi = new Select<>();
    private final ComboBox<ChoixInstructeur> instructeur = new ComboBox<>("Instructeur");
    private final ComboBox<String> etiquette = new ComboBox<>("Étiquette");
    private final Checkbox enRetard = new Checkbox("En retard seulement");
    private final Button effacer = new Button("Effacer les filtres", VaadinIcon.CLOSE_SMALL.create());
    private final ChoixInstructeur tous;
    private final ChoixInstructeur moiChoix;
    private final ChoixInstructeur personne;

    private final Span total = new Span();
    final Grid<DossierLigne> grid = new Grid<>();
    private Grid.Column<DossierLigne> transmisColumn;
    /** The "Colonnes" menu: columns shown or hidden (the less useful ones hidden by default, to fit 1 400 px). */
    final Button colonnes = new Button("Colonnes", VaadinIcon.TABLE.create());
    final ContextMenu colonnesMenu = new ContextMenu();
    private final Div empty = new Div();
    private final BulkBar bulk;

    private DossierFiltre filtre = DossierFiltre.transmis();
    private int count;
    private boolean loading;

    DossiersView(DossierService dossiers, InstructionService instructions, MessageService messages,
                 CampagneService campagnes, CurrentUser currentUser) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.messages = messages;
        this.campagne = campagnes.current();
        this.moi = currentUser.require().id();
        this.agents = instructions.agents();
        this.tous = new ChoixInstructeur(Instructeur.TOUS, null, "Tous les instructeurs");
        this.moiChoix = new ChoixInstructeur(Instructeur.MOI, null, "Moi");
        this.personne = new ChoixInstructeur(Instructeur.PERSONNE, null, "Non attribué");
        this.bulk = new BulkBar();
        addClassNames("page", "page-large");
        setWidthFull();

        portee.add(tousLesDossiers, mesDossiers);
        portee.getElement().setAttribute("aria-label", "Portée de la liste");
        portee.addSelectedChangeListener(e -> {
            if (loading) {
                return;
            }
            boolean mine = portee.getSelectedTab() == mesDossiers;
            loading = true;
            try {
                if (mine) {
                    instructeur.setValue(moiChoix);
                } else if (instructeur.getValue() != null && instructeur.getValue().mode() == Instructeur.MOI) {
                    instructeur.setValue(tous);
                }
            } finally {
                loading = false;
            }
            changed();
        });

        etats.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        etats.getStyle().set("gap", "var(--lumo-space-s)");
        etats.getElement().setAttribute("role", "group");
        etats.getElement().setAttribute("aria-label", "États des dossiers");

        add(new H1("Dossiers"), new Paragraph("Les dossiers de l'appel en cours : filtrez, triez, prenez ceux que vous "
                + "instruisez et agissez sur plusieurs à la fois (attribution, message aux groupements, étiquettes, export)."),
                portee, etats, filters(), bulk, listeEntete(), grid, empty);
        configureGrid();
        configureEmpty();
        if (campagne.isEmpty()) {
            removeAll();
            add(new H1("Dossiers"), new Paragraph("Aucun appel à communs n'est ouvert : il n'y a pas de dossier à afficher."));
        }
    }

    // ------------------------------------------------------------------ filters

    private FlexLayout filters() {
        texte.setPlaceholder("Titre ou porteur");
        texte.setPrefixComponent(VaadinIcon.SEARCH.create());
        texte.setClearButtonVisible(true);
        texte.setMaxLength(DossierFiltre.TEXTE_MAX);
        texte.setValueChangeMode(ValueChangeMode.LAZY);

        List<Defi> defis = campagne.map(Campagne::defis).orElse(List.of());
        defi.setLabel("Défi");
        defi.setItems(defis);
        defi.setEmptySelectionAllowed(true);
        defi.setEmptySelectionCaption("Tous les défis");
        defi.setItemLabelGenerator(d -> d == null ? "Tous les défis" : defiLabel(d));
        defi.setVisible(!defis.isEmpty());

        List<ChoixInstructeur> choix = new ArrayList<>(List.of(tous, moiChoix, personne));
        agents.stream().filter(a -> a.id() != moi)
                .forEach(a -> choix.add(new ChoixInstructeur(Instructeur.AGENT, a.id(), a.libelle())));
        instructeur.setItems(choix);
        instructeur.setItemLabelGenerator(ChoixInstructeur::libelle);
        instructeur.setValue(tous);
        instructeur.setAllowCustomValue(false);

        etiquette.setItems(dossiers.labels());
        etiquette.setPlaceholder("Toutes");
        etiquette.setClearButtonVisible(true);

        effacer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        effacer.addClickListener(e -> clearFilters());

        texte.addValueChangeListener(e -> changed());
        defi.addValueChangeListener(e -> changed());
        instructeur.addValueChangeListener(e -> {
            if (e.getValue() == null && !loading) {
                instructeur.setValue(tous);      // "Tous" rather than an empty field
                return;
            }
            if (!loading) {
                loading = true;
                try {
                    portee.setSelectedTab(e.getValue() != null && e.getValue().mode() == Instructeur.MOI ? mesDossiers : tousLesDossiers);
                } finally {
                    loading = false;
                }
            }
            changed();
        });
        etiquette.addValueChangeListener(e -> changed());
        enRetard.addValueChangeListener(e -> changed());

        FlexLayout filters = new FlexLayout(texte, defi, instructeur, etiquette, enRetard, effacer);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setWidthFull();
        return filters;
    }

    private DossierFiltre readFiltre() {
        ChoixInstructeur i = instructeur.getValue() == null ? tous : instructeur.getValue();
        return new DossierFiltre(statuts, defi.getValue() == null ? null : defi.getValue().id(), i.mode(), i.agentId(),
                etiquette.getValue(), Checks.clean(texte.getValue()), enRetard.getValue());
    }

    private void changed() {
        if (loading) {
            return;
        }
        grid.deselectAll();
        refresh();
        updateUrl();
    }

    private void clearFilters() {
        loading = true;
        try {
            texte.clear();
            defi.clear();
            instructeur.setValue(tous);
            etiquette.clear();
            enRetard.clear();
            statuts = Set.of();
            portee.setSelectedTab(tousLesDossiers);
        } finally {
            loading = false;
        }
        changed();
    }

    private void selectEtat(Set<CommunStatut> value) {
        statuts = value;
        changed();
    }

    // ------------------------------------------------------------------ URL

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getLocation().getQueryParameters());
    }

    /** Sets the filters and the sort from the address's parameters, then loads the list. */
    void show(QueryParameters params) {
        if (campagne.isEmpty()) {
            return;
        }
        loading = true;
        try {
            texte.setValue(first(params, "q").map(v -> v.length() > DossierFiltre.TEXTE_MAX
                    ? v.substring(0, DossierFiltre.TEXTE_MAX) : v).orElse(""));
            defi.setValue(first(params, "defi").filter(v -> v.matches("\\d{1,3}")).map(Integer::parseInt)
                    .flatMap(n -> campagne.get().defis().stream().filter(d -> d.numero() == n).findFirst()).orElse(null));
            instructeur.setValue(first(params, "instructeur").map(this::choixInstructeur).orElse(tous));
            portee.setSelectedTab(instructeur.getValue().mode() == Instructeur.MOI ? mesDossiers : tousLesDossiers);
            etiquette.setValue(first(params, "etiquette")
                    .filter(v -> etiquette.getListDataView().getItems().anyMatch(v::equals)).orElse(null));
            enRetard.setValue(first(params, "retard").filter("oui"::equals).isPresent());
            String etat = first(params, "etat").orElse("");
            statuts = ETAT_TOUS.equals(etat) ? DossierFiltre.PUBLIES
                    : enumValue(CommunStatut.class, etat).filter(DossierFiltre.PUBLIES::contains).map(Set::of).orElse(Set.of());
            Optional<DossierTri> triDemande = first(params, "tri").flatMap(v -> enumValue(DossierTri.class, v));
            DossierTri tri = triDemande.orElse(TRI_PAR_DEFAUT);
            // No sort in the address: the default (newest first); a column named without "ordre=desc": ascending.
            boolean desc = triDemande.isEmpty() ? SENS_PAR_DEFAUT == SortDirection.DESCENDING
                    : first(params, "ordre").filter("desc"::equals).isPresent();
            grid.getColumns().stream().filter(c -> tri.name().equals(c.getKey())).findFirst()
                    .ifPresent(c -> grid.sort(desc ? GridSortOrder.desc(c).build() : GridSortOrder.asc(c).build()));
        } finally {
            loading = false;
        }
        refresh();
    }

    private ChoixInstructeur choixInstructeur(String value) {
        if ("moi".equals(value)) {
            return moiChoix;
        }
        if ("personne".equals(value)) {
            return personne;
        }
        if (value.matches("\\d{1,18}")) {
            long id = Long.parseLong(value);
            if (id == moi) {
                return moiChoix;
            }
            return instructeur.getListDataView().getItems()
                    .filter(c -> c.mode() == Instructeur.AGENT && c.agentId() == id).findFirst().orElse(tous);
        }
        return tous;
    }

    private void updateUrl() {
        Map<String, String> p = new LinkedHashMap<>();
        if (statuts.equals(DossierFiltre.PUBLIES)) {
            p.put("etat", ETAT_TOUS);
        } else if (statuts.size() == 1) {
            p.put("etat", statuts.iterator().next().name());
        }
        ChoixInstructeur i = instructeur.getValue() == null ? tous : instructeur.getValue();
        switch (i.mode()) {
            case MOI -> p.put("instructeur", "moi");
            case PERSONNE -> p.put("instructeur", "personne");
            case AGENT -> p.put("instructeur", String.valueOf(i.agentId()));
            case TOUS -> { }
        }
        if (defi.getValue() != null) {
            p.put("defi", String.valueOf(defi.getValue().numero()));
        }
        if (etiquette.getValue() != null) {
            p.put("etiquette", etiquette.getValue());
        }
        if (!texte.getValue().isBlank()) {
            p.put("q", texte.getValue().strip());
        }
        if (enRetard.getValue()) {
            p.put("retard", "oui");
        }
        List<GridSortOrder<DossierLigne>> sort = grid.getSortOrder();
        if (!sort.isEmpty()) {
            GridSortOrder<DossierLigne> o = sort.get(0);
            if (!TRI_PAR_DEFAUT.name().equals(o.getSorted().getKey()) || o.getDirection() != SENS_PAR_DEFAUT) {
                p.put("tri", o.getSorted().getKey());
                if (o.getDirection() == SortDirection.DESCENDING) {
                    p.put("ordre", "desc");
                }
            }
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(TaskScreens.DOSSIERS, QueryParameters.simple(p))));
    }

    // ------------------------------------------------------------------ counts and grid

    /** Reads the counts again, redraws the state tabs and reloads the grid with the current filters. */
    private void refresh() {
        if (campagne.isEmpty()) {
            return;
        }
        filtre = readFiltre();
        Map<CommunStatut, Integer> counts;
        try {
            counts = dossiers.countsByStatut(filtre);
        } catch (ValidationException e) {
            Ui.error(String.join(" ", e.errors()));
            return;
        }
        count = filtre.statutsEffectifs().stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        fillEtats(counts);
        total.setText(count == 0 ? "" : count + (count > 1 ? " dossiers" : " dossier"));
        grid.getDataProvider().refreshAll();
        boolean filtered = !filtre.equals(DossierFiltre.transmis());
        effacer.setVisible(filtered && count > 0);
        empty.setVisible(count == 0);
        grid.setVisible(count > 0);
        bulk.update();
    }

    private void fillEtats(Map<CommunStatut, Integer> counts) {
        etats.removeAll();
        int transmis = DossierFiltre.TRANSMIS.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        int tousLesEtats = counts.values().stream().mapToInt(Integer::intValue).sum();
        etats.add(chip("Transmis (" + transmis + ")", statuts.isEmpty(), Set.of()));
        for (CommunStatut s : ETATS) {
            boolean selected = statuts.size() == 1 && statuts.contains(s);
            if (counts.getOrDefault(s, 0) > 0 || selected) {      // empty states would only push the list down
                etats.add(chip(s.libelle() + " (" + counts.getOrDefault(s, 0) + ")", selected, Set.of(s)));
            }
        }
        etats.add(chip("Tous (" + tousLesEtats + ")", statuts.equals(DossierFiltre.PUBLIES), DossierFiltre.PUBLIES));
    }

    private Button chip(String text, boolean selected, Set<CommunStatut> value) {
        Button b = new Button(text, e -> selectEtat(value));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (selected) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        b.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        return b;
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.getElement().setAttribute("aria-label", "Dossiers");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        ((GridMultiSelectionModel<DossierLigne>) grid.getSelectionModel()).setSelectionColumnFrozen(true);
        // Widths add up to about 63rem: with the selection column, the grid fits the page at 1 400 px wide (menu
        // open) without cutting a column; cells wrap. "Défis" and "Territoire" are hidden by default ("Colonnes").
        grid.addComponentColumn(l -> new Anchor(TaskScreens.DOSSIERS + "/" + l.communId(), l.titre()))
                .setHeader("Titre").setKey(DossierTri.TITRE.name()).setSortProperty(DossierTri.TITRE.name())
                .setWidth("13rem").setFlexGrow(3).setResizable(true).setFrozen(true);
        grid.addComponentColumn(l -> {
            Span s = new Span(l.statut().libelle());
            s.addClassName("badge");
            return s;
        }).setHeader("État").setKey(DossierTri.STATUT.name()).setSortProperty(DossierTri.STATUT.name())
                .setWidth("8rem").setFlexGrow(1);
        grid.addColumn(DossierLigne::porteur).setHeader("Porteur").setKey(DossierTri.PORTEUR.name())
                .setSortProperty(DossierTri.PORTEUR.name()).setWidth("9.5rem").setFlexGrow(2).setResizable(true);
        grid.addColumn(l -> String.join(", ", l.defis())).setHeader("Défis").setKey(COLONNE_DEFIS).setWidth("6rem")
                .setFlexGrow(0).setVisible(false);
        grid.addColumn(l -> l.territoire() == null ? "" : l.territoire()).setHeader("Territoire").setKey(COLONNE_TERRITOIRE)
                .setWidth("9rem").setFlexGrow(1).setResizable(true).setVisible(false);
        transmisColumn = grid.addColumn(l -> l.transmisLe() == null ? "—"
                        : Ui.date(l.transmisLe().atZoneSameInstant(Dates.ZONE).toLocalDate()))
                .setHeader("Transmis le").setKey(DossierTri.TRANSMIS_LE.name())
                .setSortProperty(DossierTri.TRANSMIS_LE.name()).setFlexGrow(0).setWidth("7rem");
        grid.addComponentColumn(this::instructeurCell).setHeader("Instructeur").setKey(DossierTri.INSTRUCTEUR.name())
                .setSortProperty(DossierTri.INSTRUCTEUR.name()).setWidth("9.5rem").setFlexGrow(1);
        grid.addComponentColumn(DossiersView::echeanceCell).setHeader("Échéance").setKey(DossierTri.ECHEANCE.name())
                .setSortProperty(DossierTri.ECHEANCE.name()).setFlexGrow(0).setWidth("8rem");
        grid.addComponentColumn(this::etiquettesCell).setHeader("Étiquettes").setKey(COLONNE_ETIQUETTES).setWidth("8rem")
                .setFlexGrow(1);
        grid.setMultiSort(false);
        grid.setPageSize(PAGE_SIZE);
        grid.setHeight("640px");

        // The files are identified by their id: the selection survives a reload of the rows (new label, instructeur…).
        grid.setItems(new CallbackDataProvider<DossierLigne, Void>(query -> {
            DossierTri tri = TRI_PAR_DEFAUT;
            boolean asc = SENS_PAR_DEFAUT == SortDirection.ASCENDING;
            if (!query.getSortOrders().isEmpty()) {
                QuerySortOrder o = query.getSortOrders().get(0);
                tri = enumValue(DossierTri.class, o.getSorted()).orElse(TRI_PAR_DEFAUT);
                asc = o.getDirection() == SortDirection.ASCENDING;
            }
            return dossiers.page(filtre, tri, asc, query.getOffset(), query.getLimit()).stream();
        }, query -> count, DossierLigne::communId));
        grid.sort(GridSortOrder.desc(transmisColumn).build());
        configureColonnes();
        grid.addSortListener(e -> {
            if (!loading) {
                updateUrl();
            }
        });
        grid.addSelectionListener(e -> bulk.update());
    }

    /** The count of files, and the menu of the columns shown, above the grid. */
    private FlexLayout listeEntete() {
        colonnes.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        colonnes.setTooltipText("Choisir les colonnes affichées");
        FlexLayout entete = new FlexLayout(total, colonnes);
        entete.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        entete.setAlignItems(FlexComponent.Alignment.BASELINE);
        entete.setWidthFull();
        return entete;
    }

    private void configureColonnes() {
        colonnesMenu.setTarget(colonnes);
        colonnesMenu.setOpenOnClick(true);
        for (Grid.Column<DossierLigne> column : grid.getColumns()) {
            if (column.getKey() == null || column.getKey().equals(DossierTri.TITRE.name())) {
                continue;      // the selection column, and the title that links to the file, always stay
            }
            String libelle = COLONNES.getOrDefault(column.getKey(), column.getKey());
            MenuItem item = colonnesMenu.addItem(libelle, e -> column.setVisible(e.getSource().isChecked()));
            item.setCheckable(true);
            item.setChecked(column.isVisible());
        }
    }

    private void configureEmpty() {
        Button clear = new Button("Effacer les filtres", VaadinIcon.CLOSE_SMALL.create(), e -> clearFilters());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        empty.add(new Paragraph("Aucun dossier ne correspond à ces filtres."), clear);
        empty.addClassName("card");
        empty.setVisible(false);
    }

    private com.vaadin.flow.component.Component instructeurCell(DossierLigne l) {
        if (l.instructeurId() != null) {
            return new Span(l.instructeurId() == moi ? l.instructeurNom() + " (moi)" : l.instructeurNom());
        }
        if (!DossierFiltre.TRANSMIS.contains(l.statut()) || l.statut().termine()) {
            return new Span("—");
        }
        Button take = new Button("Je m'en occupe", e -> {
            if (run(() -> instructions.take(l.communId()))) {
                Ui.success("Vous instruisez désormais le dossier « " + l.titre() + " ».");
            }
            refresh();
        });
        take.addThemeVariants(ButtonVariant.LUMO_SMALL);
        take.setAriaLabel("Je m'occupe du dossier « " + l.titre() + " »");
        return take;
    }

    private static com.vaadin.flow.component.Component echeanceCell(DossierLigne l) {
        if (l.echeance() == null) {
            return new Span("—");
        }
        String date = Ui.date(l.echeance().toLocalDate());
        if (l.enRetard(LocalDateTime.now(Dates.ZONE))) {
            Span late = new Span("En retard : " + date);
            late.addClassNames("badge", "ko");
            return late;
        }
        return new Span(date);
    }

    private com.vaadin.flow.component.Component etiquettesCell(DossierLigne l) {
        FlexLayout badges = new FlexLayout();
        badges.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        for (String e : l.etiquettes()) {
            Span badge = new Span(e);
            badge.addClassName("badge");
            badge.getStyle().set("font-size", "var(--lumo-font-size-xs)");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                if (run(() -> dossiers.removeLabel(l.communId(), e))) {
                    Ui.success("Étiquette « " + e + " » retirée du dossier « " + l.titre() + " ».");
                }
                afterLabels();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Retirer l'étiquette « " + e + " » du dossier « " + l.titre() + " »");
            remove.setTooltipText("Retirer l'étiquette");
            badge.add(remove);
            badges.add(badge);
        }
        return badges;
    }

    /** Labels changed: the filter's list of labels and the grid are read again. */
    private void afterLabels() {
        String value = etiquette.getValue();
        loading = true;
        try {
            List<String> labels = dossiers.labels();
            etiquette.setItems(labels);
            etiquette.setValue(value != null && labels.contains(value) ? value : null);
        } finally {
            loading = false;
        }
        bulk.refreshLabels();
        refresh();
    }

    /**
     * Runs a service call from a button of the list; a refusal is shown as a French notification. Returns true when
     * the call succeeded.
     */
    static boolean run(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ValidationException e) {
            Ui.error(String.join(" ", e.errors()));
        } catch (NotAllowedException e) {
            Ui.error(e.getMessage());
        } catch (PessimisticLockingFailureException e) {
            Ui.error("Quelqu'un agit sur ces dossiers au même moment : réessayez dans un instant.");
        }
        return false;
    }

    private List<Long> selection() {
        return grid.getSelectedItems().stream().map(DossierLigne::communId).sorted().toList();
    }

    // ------------------------------------------------------------------ bulk actions

    /** The bar of actions on the selected files, shown while some are selected. */
    private final class BulkBar extends FlexLayout {
        private final Span selected = new Span();
        private final ComboBox<Agent> agent = new ComboBox<>();
        private final EtiquetteField label =
                new EtiquetteField("Étiquette à ajouter aux dossiers sélectionnés (choisissez ou saisissez-en une)");

        BulkBar() {
            setFlexWrap(FlexWrap.WRAP);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            getStyle().set("gap", "var(--lumo-space-s)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("box-sizing", "border-box");
            setWidthFull();
            getElement().setAttribute("role", "region");
            getElement().setAttribute("aria-label", "Actions sur les dossiers sélectionnés");
            selected.getElement().setAttribute("aria-live", "polite");
            selected.getStyle().set("font-weight", "600");

            agent.setPlaceholder("Attribuer à…");
            agent.setAriaLabel("Agent à qui attribuer les dossiers sélectionnés");
            agent.setItems(agents);
            agent.setItemLabelGenerator(a -> a.id() == moi ? a.nom() + " (moi)" : a.libelle());
            agent.setClearButtonVisible(true);
            agent.setWidth("18em");
            Button assign = new Button("Attribuer", e -> assign());

            Button message = new Button("Envoyer un message", VaadinIcon.ENVELOPE_O.create(),
                    e -> new MessageGroupementsDialog(messages, selection(), this::afterMessage).open());

            label.setWidth("16em");
            refreshLabels();
            Button addLabel = new Button("Ajouter", e -> addLabel());

            Button export = new Button("Exporter", VaadinIcon.DOWNLOAD.create(),
                    e -> new ExportDialog(dossiers, selection()).open());
            Button clear = new Button("Tout désélectionner", e -> grid.deselectAll());
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

            add(selected, agent, assign, message, label, addLabel, export, clear);
            setVisible(false);
        }

        void update() {
            int n = grid.getSelectedItems().size();
            selected.setText(n + (n > 1 ? " dossiers sélectionnés" : " dossier sélectionné"));
            setVisible(n > 0);
        }

        void refreshLabels() {
            label.setLabels(dossiers.labels());
        }

        private void assign() {
            List<Long> ids = selection();
            Agent to = agent.getValue();
            if (to == null) {
                Ui.error("Choisissez l'agent à qui attribuer les dossiers sélectionnés.");
                agent.focus();
                return;
            }
            if (run(() -> instructions.assign(ids, to.id()))) {
                String qui = to.id() == moi ? "vous" : to.nom();
                Ui.success(ids.size() == 1 ? "Le dossier est attribué à " + qui + "."
                        : ids.size() + " dossiers sont attribués à " + qui + ".");
                agent.clear();
            }
            refresh();
        }

        private void addLabel() {
            List<Long> ids = selection();
            String value = label.getValue();
            if (run(() -> dossiers.addLabel(ids, value))) {
                Ui.success("Étiquette « " + value.strip() + " » ajoutée à " + (ids.size() == 1 ? "1 dossier." : ids.size() + " dossiers."));
                label.clear();
                afterLabels();
            }
        }

        private void afterMessage(int sent) {
            Ui.success(sent == 1 ? "Message envoyé au groupement du dossier : ses membres sont prévenus."
                    : "Message envoyé aux groupements des " + sent + " dossiers : leurs membres sont prévenus.");
            refresh();
        }
    }

    // ------------------------------------------------------------------ helpers

    static final String COLONNE_DEFIS = "DEFIS";
    static final String COLONNE_TERRITOIRE = "TERRITOIRE";
    static final String COLONNE_ETIQUETTES = "ETIQUETTES";
    /** Names of the columns in the "Colonnes" menu, by key. */
    private static final Map<String, String> COLONNES = Map.of(DossierTri.STATUT.name(), "État",
            DossierTri.PORTEUR.name(), "Porteur", COLONNE_DEFIS, "Défis", COLONNE_TERRITOIRE, "Territoire",
            DossierTri.TRANSMIS_LE.name(), "Transmis le", DossierTri.INSTRUCTEUR.name(), "Instructeur",
            DossierTri.ECHEANCE.name(), "Échéance", COLONNE_ETIQUETTES, "Étiquettes");

    static String defiLabel(Defi d) {
        String libelle = d.libelle().length() > 50 ? d.libelle().substring(0, 49).strip() + "…" : d.libelle();
        return "Défi " + d.numero() + " — " + libelle;
    }

    private static Optional<String> first(QueryParameters params, String name) {
        return params.getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }
}
