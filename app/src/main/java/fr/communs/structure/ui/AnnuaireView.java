package fr.communs.structure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.structure.AnnuaireFilter;
import fr.communs.structure.AnnuaireService;
import fr.communs.structure.AnnuaireSort;
import fr.communs.structure.Domaine;
import fr.communs.structure.Structure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** "Liste des structures": full-text search, facets with live counts, sort, pages; the URL holds the filters. */
@Route(value = "structures", layout = MainLayout.class)
@PageTitle("Liste des structures — Communs")
@AnonymousAllowed
class AnnuaireView extends VerticalLayout implements BeforeEnterObserver {
    static final int PAGE_SIZE = 20;

    private final AnnuaireService annuaire;
    private final AnnuaireFiltres filtres = new AnnuaireFiltres();
    private final Select<AnnuaireSort> tri = new Select<>();
    private final Span total = new Span();
    private final Div results = new Div();
    private final HorizontalLayout pager = new HorizontalLayout();
    private final Anchor carte = new Anchor("carte", "Voir sur la carte du réseau");
    private final Anchor export = new Anchor();
    private int page = 1;
    private boolean loading;

    AnnuaireView(AnnuaireService annuaire) {
        this.annuaire = annuaire;
        addClassName("page");
        tri.setLabel("Trier par");
        tri.setItems(AnnuaireSort.values());
        tri.setItemLabelGenerator(AnnuaireSort::libelle);
        tri.setValue(AnnuaireSort.NOM);
        tri.addValueChangeListener(e -> {
            if (!loading) {
                page = 1;
                refresh();
            }
        });
        filtres.onChange(() -> {
            page = 1;
            refresh();
        });
        results.setWidthFull();
        results.getElement().setAttribute("aria-live", "polite");
        export.setText("Exporter la liste (CSV)");
        export.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(total, carte, export);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout filtersAndSort = new HorizontalLayout(filtres, tri);
        filtersAndSort.setAlignItems(FlexComponent.Alignment.BASELINE);
        filtersAndSort.setWidthFull();
        add(new H1("Liste des structures"), new Paragraph("Trouvez des partenaires pour votre groupement : associations, "
                + "coopératives, mutuelles… Les statuts ESS sont déclarés par les structures, puis vérifiés par le Département."),
                filtersAndSort, actions, results, pager);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        loading = true;
        try {
            filtres.read(params);
            tri.setValue(AnnuaireFiltres.first(params, "tri").flatMap(v -> AnnuaireFiltres.enumValue(AnnuaireSort.class, v))
                    .orElse(AnnuaireSort.NOM));
            page = AnnuaireFiltres.first(params, "page").filter(v -> v.matches("\\d{1,5}")).map(Integer::parseInt).orElse(1);
        } finally {
            loading = false;
        }
        show(AnnuaireFiltres.fromParameters(params));
    }

    private void refresh() {
        show(filtres.value());
        Map<String, String> p = new LinkedHashMap<>(filtres.toParameters());
        if (tri.getValue() != AnnuaireSort.NOM) {
            p.put("tri", tri.getValue().name());
        }
        if (page > 1) {
            p.put("page", String.valueOf(page));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("structures", QueryParameters.simple(p))));
    }

    private void show(AnnuaireFilter filter) {
        int count = annuaire.count(filter);
        int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(Math.max(1, page), pages);
        total.setText(count + (count > 1 ? " structures trouvées" : " structure trouvée"));
        filtres.showFacets(annuaire.facets(filter));
        results.removeAll();
        if (count == 0) {
            results.add(new Paragraph("Aucune structure ne correspond à votre recherche. Essayez avec moins de filtres."));
        }
        for (Structure s : annuaire.search(filter, tri.getValue(), (page - 1) * PAGE_SIZE, PAGE_SIZE)) {
            results.add(card(s));
        }
        Ui.fillPager(pager, page, pages, target -> {
            page = target;
            refresh();
        });
        Map<String, String> p = AnnuaireFiltres.parameters(filter);
        carte.setHref(new Location("carte", QueryParameters.simple(p)).getPathWithQueryParameters());
        export.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = annuaire.exportCsv(filter).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "structures.csv", "text/csv; charset=UTF-8", csv.length);
        }));
    }

    static Div card(Structure s) {
        Div card = new Div();
        card.addClassNames("card", "structure-card");
        H2 title = new H2();
        title.add(new Anchor("structures/" + s.id(), s.nom()));
        Paragraph meta = new Paragraph(s.formeJuridique().libelle() + " · " + s.commune() + " (" + s.codeDepartement() + ")");
        meta.addClassName("muted");
        HorizontalLayout badges = new HorizontalLayout(Ui.badge(s.ess() ? "ESS" : "Hors ESS", s.ess()),
                StructureBadges.verification(s));
        badges.setSpacing(true);
        card.add(title, meta, badges);
        if (!s.domaines().isEmpty()) {
            Span domaines = new Span(s.domaines().stream().map(Domaine::libelle).sorted().collect(Collectors.joining(" · ")));
            domaines.addClassName("hashtags");
            card.add(domaines);
        }
        if (s.description() != null) {
            Paragraph d = new Paragraph(s.description().length() > 240 ? s.description().substring(0, 240) + "…" : s.description());
            card.add(d);
        }
        return card;
    }
}
