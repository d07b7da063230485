package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.base.Dates;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.commun.CommunFilter;
import fr.communs.commun.CommunSearchService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.CommunSummary;
import fr.communs.commun.Enjeu;
import fr.communs.commune.Commune;
import fr.communs.commune.CommuneService;
import fr.communs.commune.ui.CommuneField;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Public list "Communs déposés": text search, filters (défi, enjeu, commune, state, "cherche des partenaires")
 * mirrored in the URL so that a filtered list can be shared, and a lazily loaded grid.
 */
@Route(value = "communs", layout = MainLayout.class)
@PageTitle("Communs déposés — Communs")
@AnonymousAllowed
class CommunListView extends VerticalLayout implements BeforeEnterObserver {
    static final String ROUTE = "communs";
    private static final int LIBELLE_MAX = 50;

    private final CommunSearchService communs;
    private final CommuneService communes;
    private final List<Defi> defis;
    private final TextField texte = new TextField("Rechercher");
    private final Select<Defi> defi = new Select<>();
    private final Select<Enjeu> enjeu = new Select<>();
    private final CommuneField commune;
    private final Select<CommunStatut> statut = new Select<>();
    private final Checkbox partenaires = new Checkbox("Cherche des partenaires");
    private final Span total = new Span();
    private final Grid<CommunSummary> grid = new Grid<>();
    private final Paragraph emptyText = new Paragraph();
    private final Button clear = new Button("Effacer les filtres", VaadinIcon.CLOSE_SMALL.create());
    private final Div empty = new Div(emptyText, clear);
    private CommunSummary focused;
    private boolean loading;

    CommunListView(CommunSearchService communs, CampagneService campagnes, CommuneService communes) {
        this.communs = communs;
        this.communes = communes;
        this.defis = campagnes.current().map(Campagne::defis).orElse(List.of());
        this.commune = new CommuneField("Commune concernée", communes,
                campagnes.current().map(Campagne::territoireCode).orElse(null));
        addClassName("page");

        texte.setPlaceholder("Titre ou résumé");
        texte.setPrefixComponent(VaadinIcon.SEARCH.create());
        texte.setClearButtonVisible(true);
        texte.setMaxLength(CommunFilter.TEXTE_MAX);
        texte.setValueChangeMode(ValueChangeMode.LAZY);

        defi.setLabel("Défi");
        defi.setItems(defis);
        defi.setEmptySelectionAllowed(true);
        defi.setEmptySelectionCaption("Tous les défis");
        defi.setItemLabelGenerator(d -> d == null ? "Tous les défis" : defiLabel(d));
        defi.setVisible(!defis.isEmpty());

        enjeu.setLabel("Enjeu");
        enjeu.setItems(Enjeu.values());
        enjeu.setEmptySelectionAllowed(true);
        enjeu.setEmptySelectionCaption("Tous les enjeux");
        enjeu.setItemLabelGenerator(e -> e == null ? "Tous les enjeux" : e.libelle());

        commune.setHelperText(null);
        commune.setPlaceholder("Toutes");

        statut.setLabel("État du dossier");
        statut.setItems(Arrays.stream(CommunStatut.values()).filter(s -> s != CommunStatut.BROUILLON).toList());
        statut.setEmptySelectionAllowed(true);
        statut.setEmptySelectionCaption("Tous les états");
        statut.setItemLabelGenerator(s -> s == null ? "Tous les états" : s.libelle());

        texte.addValueChangeListener(e -> changed());
        defi.addValueChangeListener(e -> changed());
        enjeu.addValueChangeListener(e -> changed());
        commune.addValueChangeListener(e -> changed());
        statut.addValueChangeListener(e -> changed());
        partenaires.addValueChangeListener(e -> changed());

        FlexLayout filters = new FlexLayout(texte, defi, enjeu, commune, statut, partenaires);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setWidthFull();

        total.getElement().setAttribute("aria-live", "polite");
        total.addClassName("muted");

        configureGrid();

        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> clearFilters());
        empty.addClassName("card");

        add(new H1("Communs déposés"),
                new Paragraph("Les idées de communs publiées par les structures du territoire : rejoignez un groupement "
                        + "en constitution ou suivez l'avancement des dossiers."),
                filters, total, grid, empty);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", "Communs déposés");
        grid.addComponentColumn(c -> new Anchor(ROUTE + "/" + c.id(), c.titre())).setHeader("Titre").setFlexGrow(3);
        grid.addColumn(CommunSummary::porteurNom).setHeader("Porteur").setFlexGrow(2);
        grid.addColumn(c -> c.defis().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .setHeader("Défis").setFlexGrow(0).setWidth("6em");
        grid.addComponentColumn(c -> {
            Span s = new Span(c.statut().libelle());
            s.addClassName("badge");
            return s;
        }).setHeader("État").setFlexGrow(2);
        grid.addColumn(CommunSummary::nombreStructures).setHeader("Structures").setFlexGrow(0).setWidth("8em");
        grid.addComponentColumn(c -> c.cherchePartenaires() ? Ui.badge("Cherche des partenaires", true) : new Span())
                .setHeader("Partenaires").setFlexGrow(1);
        grid.addColumn(c -> c.publieLe() == null ? "" : Ui.date(c.publieLe().atZoneSameInstant(Dates.ZONE).toLocalDate()))
                .setHeader("Publié le").setFlexGrow(0).setWidth("8em");
        grid.setPageSize(50);
        grid.setHeight("640px");
        // Keyboard: Enter on a focused row opens the commun (the title link also works with Tab).
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        grid.getElement().addEventListener("keydown", e -> open(focused))
                .setFilter("event.key === 'Enter' && event.target === element");
    }

    private void open(CommunSummary c) {
        if (c != null) {
            getUI().ifPresent(ui -> ui.navigate(ROUTE + "/" + c.id()));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        loading = true;
        try {
            texte.setValue(first(params, "q").map(v -> v.length() > CommunFilter.TEXTE_MAX
                    ? v.substring(0, CommunFilter.TEXTE_MAX) : v).orElse(""));
            defi.setValue(first(params, "defi").filter(v -> v.matches("\\d{1,3}")).map(Integer::parseInt)
                    .flatMap(n -> defis.stream().filter(d -> d.numero() == n).findFirst()).orElse(null));
            enjeu.setValue(first(params, "enjeu").flatMap(v -> enumValue(Enjeu.class, v)).orElse(null));
            commune.setValue(first(params, "commune").filter(v -> v.matches("[0-9AB]{5}"))
                    .flatMap(communes::find).orElse(null));
            statut.setValue(first(params, "etat").flatMap(v -> enumValue(CommunStatut.class, v))
                    .filter(s -> s != CommunStatut.BROUILLON).orElse(null));
            partenaires.setValue(first(params, "partenaires").filter("oui"::equals).isPresent());
        } finally {
            loading = false;
        }
        show();
    }

    private void changed() {
        if (loading) {
            return;
        }
        show();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(ROUTE, QueryParameters.simple(parameters()))));
    }

    private void clearFilters() {
        loading = true;
        try {
            texte.clear();
            defi.clear();
            enjeu.clear();
            commune.clear();
            statut.clear();
            partenaires.clear();
        } finally {
            loading = false;
        }
        changed();
    }

    CommunFilter filter() {
        return new CommunFilter(texte.getValue(), statut.getValue(), defi.getValue() == null ? null : defi.getValue().id(),
                enjeu.getValue(), commune.getValue() == null ? null : commune.getValue().codeInsee(),
                partenaires.getValue());
    }

    /** The filters as query parameters (only those set). */
    private Map<String, String> parameters() {
        CommunFilter f = filter();
        Map<String, String> p = new LinkedHashMap<>();
        if (f.texte() != null) {
            p.put("q", f.texte());
        }
        if (defi.getValue() != null) {
            p.put("defi", String.valueOf(defi.getValue().numero()));
        }
        if (f.enjeu() != null) {
            p.put("enjeu", f.enjeu().name());
        }
        if (f.codeInsee() != null) {
            p.put("commune", f.codeInsee());
        }
        if (f.statut() != null) {
            p.put("etat", f.statut().name());
        }
        if (f.cherchePartenaires()) {
            p.put("partenaires", "oui");
        }
        return p;
    }

    private void show() {
        CommunFilter filter = filter();
        int count = communs.count(filter);
        total.setText(count == 0 ? "" : count + (count > 1 ? " communs" : " commun"));
        grid.setItems(q -> communs.search(filter, q.getOffset(), q.getLimit()).stream(), q -> communs.count(filter));
        focused = null;
        boolean filtered = !filter.isEmpty();
        emptyText.setText(filtered ? "Aucun commun ne correspond à ces critères." : "Aucun commun n'a encore été publié.");
        clear.setVisible(filtered);
        empty.setVisible(count == 0);
        grid.setVisible(count > 0);
    }

    static String defiLabel(Defi d) {
        String libelle = d.libelle().length() > LIBELLE_MAX ? d.libelle().substring(0, LIBELLE_MAX - 1).strip() + "…"
                : d.libelle();
        return "Défi " + d.numero() + " — " + libelle;
    }

    private static Optional<String> first(QueryParameters params, String name) {
        return params.getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }
}
