package fr.communs.structure.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import fr.communs.structure.AnnuaireFilter;
import fr.communs.structure.Domaine;
import fr.communs.structure.Facets;
import fr.communs.structure.FormeJuridique;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory's and the map's filters, with live counts, read from and written to the URL so that a
 * filtered list can be shared.
 */
class AnnuaireFiltres extends FlexLayout {
    private final TextField texte = new TextField("Rechercher");
    private final ComboBox<Domaine> domaine = new ComboBox<>("Domaine d'intervention");
    private final ComboBox<FormeJuridique> forme = new ComboBox<>("Forme juridique");
    private final Select<String> ess = new Select<>();
    private final ComboBox<Facets.Count> epci = new ComboBox<>("Intercommunalité (EPCI)");
    private final ComboBox<Facets.Count> commune = new ComboBox<>("Commune");
    private Facets facets;
    private boolean silent;
    private Runnable onChange = () -> { };

    AnnuaireFiltres() {
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-m)");
        texte.setPlaceholder("Nom, activité, commune…");
        texte.setPrefixComponent(VaadinIcon.SEARCH.create());
        texte.setClearButtonVisible(true);
        texte.setMaxLength(100);
        texte.setValueChangeMode(ValueChangeMode.LAZY);
        domaine.setItems(Domaine.values());
        domaine.setItemLabelGenerator(d -> d.libelle() + count(facets == null ? null : facets.domaines().get(d)));
        forme.setItems(FormeJuridique.values());
        forme.setItemLabelGenerator(f -> f.libelle() + count(facets == null ? null : facets.formes().get(f)));
        ess.setLabel("ESS");
        ess.setItems("oui", "non");
        ess.setEmptySelectionAllowed(true);
        ess.setEmptySelectionCaption("Toutes");
        ess.setItemLabelGenerator(v -> "oui".equals(v) ? "Relève de l'ESS" + count(facets == null ? null : facets.ess())
                : "non".equals(v) ? "Hors ESS" + count(facets == null ? null : facets.nonEss()) : "Toutes");
        epci.setItemLabelGenerator(c -> c.libelle() + count(c.count()));
        commune.setItemLabelGenerator(c -> c.libelle() + count(c.count()));
        for (var combo : List.of(domaine, forme, epci, commune)) {
            combo.setClearButtonVisible(true);
            combo.setPlaceholder("Tous");
        }
        texte.addValueChangeListener(e -> changed());
        domaine.addValueChangeListener(e -> changed());
        forme.addValueChangeListener(e -> changed());
        ess.addValueChangeListener(e -> changed());
        epci.addValueChangeListener(e -> changed());
        commune.addValueChangeListener(e -> changed());
        add(texte, domaine, forme, ess, epci, commune);
    }

    private static String count(Integer n) {
        return n == null ? " (0)" : " (" + n + ")";
    }

    private void changed() {
        if (!silent) {
            onChange.run();
        }
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    AnnuaireFilter value() {
        String t = texte.getValue() == null || texte.getValue().isBlank() ? null : texte.getValue().strip();
        return new AnnuaireFilter(t, domaine.getValue(), forme.getValue(),
                "oui".equals(ess.getValue()) ? Boolean.TRUE : "non".equals(ess.getValue()) ? Boolean.FALSE : null,
                epci.getValue() == null ? null : epci.getValue().code(),
                commune.getValue() == null ? null : commune.getValue().code());
    }

    /** Shows the live counts of the current result set (keeps the selected values). */
    void showFacets(Facets f) {
        silent = true;
        try {
            this.facets = f;
            String epciCode = epci.getValue() == null ? pendingEpci : epci.getValue().code();
            String communeCode = commune.getValue() == null ? pendingCommune : commune.getValue().code();
            epci.setItems(f.epcis());
            commune.setItems(f.communes());
            f.epcis().stream().filter(c -> c.code().equals(epciCode)).findFirst().ifPresent(epci::setValue);
            f.communes().stream().filter(c -> c.code().equals(communeCode)).findFirst().ifPresent(commune::setValue);
            pendingEpci = null;
            pendingCommune = null;
            domaine.getListDataView().refreshAll();
            forme.getListDataView().refreshAll();
            ess.getListDataView().refreshAll();
        } finally {
            silent = false;
        }
    }

    private String pendingEpci;
    private String pendingCommune;

    /** Sets the filters from the URL's query parameters, without firing change events. */
    void read(QueryParameters params) {
        silent = true;
        try {
            texte.setValue(first(params, "q").orElse(""));
            domaine.setValue(first(params, "domaine").flatMap(v -> enumValue(Domaine.class, v)).orElse(null));
            forme.setValue(first(params, "forme").flatMap(v -> enumValue(FormeJuridique.class, v)).orElse(null));
            ess.setValue(first(params, "ess").filter(v -> v.equals("oui") || v.equals("non")).orElse(null));
            pendingEpci = first(params, "epci").filter(v -> v.matches("\\d{9}")).orElse(null);
            pendingCommune = first(params, "commune").filter(v -> v.matches("[0-9AB]{5}")).orElse(null);
        } finally {
            silent = false;
        }
    }

    /** The filters as query parameters (only those set). */
    Map<String, String> toParameters() {
        return parameters(value());
    }

    /** A filter as query parameters (only those set). */
    static Map<String, String> parameters(AnnuaireFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.texte() != null) {
            p.put("q", f.texte());
        }
        if (f.domaine() != null) {
            p.put("domaine", f.domaine().name());
        }
        if (f.forme() != null) {
            p.put("forme", f.forme().name());
        }
        if (f.ess() != null) {
            p.put("ess", f.ess() ? "oui" : "non");
        }
        if (f.epci() != null) {
            p.put("epci", f.epci());
        }
        if (f.communeInsee() != null) {
            p.put("commune", f.communeInsee());
        }
        return p;
    }

    /** The filter a URL describes, before facets are loaded (for the first query). */
    static AnnuaireFilter fromParameters(QueryParameters params) {
        return new AnnuaireFilter(first(params, "q").filter(v -> !v.isBlank()).map(v -> v.length() > 100 ? v.substring(0, 100) : v).orElse(null),
                first(params, "domaine").flatMap(v -> enumValue(Domaine.class, v)).orElse(null),
                first(params, "forme").flatMap(v -> enumValue(FormeJuridique.class, v)).orElse(null),
                first(params, "ess").map(v -> v.equals("oui") ? Boolean.TRUE : v.equals("non") ? Boolean.FALSE : null).orElse(null),
                first(params, "epci").filter(v -> v.matches("\\d{9}")).orElse(null),
                first(params, "commune").filter(v -> v.matches("[0-9AB]{5}")).orElse(null));
    }

    static Optional<String> first(QueryParameters params, String name) {
        return params.getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }
}
