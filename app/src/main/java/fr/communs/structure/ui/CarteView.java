package fr.communs.structure.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.layout.MainLayout;
import fr.communs.structure.AnnuaireFilter;
import fr.communs.structure.AnnuaireService;
import fr.communs.structure.MapPoint;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;

/**
 * "Carte du réseau": the structures on a Leaflet map (clustered markers), with the directory's filters and a
 * keyboard-accessible list beside it. Without map tiles (offline), markers are still shown.
 */
@Route(value = "carte", layout = MainLayout.class)
@PageTitle("Carte du réseau — Communs")
@AnonymousAllowed
@StyleSheet("context://webjars/leaflet/1.9.4/dist/leaflet.css")
@StyleSheet("context://webjars/leaflet-markercluster/1.4.1/MarkerCluster.css")
@StyleSheet("context://webjars/leaflet-markercluster/1.4.1/MarkerCluster.Default.css")
@JavaScript("context://webjars/leaflet/1.9.4/dist/leaflet.js")
@JavaScript("context://webjars/leaflet-markercluster/1.4.1/leaflet.markercluster.js")
@JavaScript("context://scripts/carte-reseau.js")
class CarteView extends VerticalLayout implements BeforeEnterObserver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnnuaireService annuaire;
    private final String tileUrl;
    private final String attribution;
    private final AnnuaireFiltres filtres = new AnnuaireFiltres();
    private final Div map = new Div();
    private final Paragraph tilesUnavailable = new Paragraph("Le fond de carte n'a pas pu être chargé : les structures "
            + "restent affichées, et la liste à côté de la carte reste utilisable.");
    private final UnorderedList list = new UnorderedList();
    private final Span total = new Span();
    private final Anchor liste = new Anchor("structures", "Voir en liste");
    private AnnuaireFilter current = AnnuaireFilter.none();

    CarteView(AnnuaireService annuaire,
              @Value("${communs.carte.tuiles:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String tileUrl,
              @Value("${communs.carte.attribution:© les contributeurs d'OpenStreetMap}") String attribution) {
        this.annuaire = annuaire;
        this.tileUrl = tileUrl;
        this.attribution = attribution;
        addClassName("page");
        map.setId("carte-reseau");
        map.addClassName("carte");
        map.getElement().setAttribute("role", "region");
        map.getElement().setAttribute("aria-label", "Carte des structures");
        map.getElement().addEventListener("tiles-unavailable", e -> tilesUnavailable.setVisible(true));
        tilesUnavailable.addClassName("muted");
        tilesUnavailable.setVisible(false);
        list.addClassName("carte-liste");
        Div side = new Div(list);
        side.addClassName("carte-cote");
        side.getElement().setAttribute("aria-label", "Liste des structures affichées sur la carte");
        HorizontalLayout body = new HorizontalLayout(map, side);
        body.setWidthFull();
        map.setWidth("65%");
        side.setWidth("35%");
        filtres.onChange(() -> {
            current = filtres.value();
            refresh(true);
        });
        HorizontalLayout actions = new HorizontalLayout(total, liste);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H1("Carte du réseau"), filtres, actions, tilesUnavailable, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        filtres.read(params);
        current = AnnuaireFiltres.fromParameters(params);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh(false);
    }

    private void refresh(boolean updateUrl) {
        List<MapPoint> points = annuaire.mapPoints(current);
        filtres.showFacets(annuaire.facets(current));
        total.setText(points.size() + (points.size() > 1 ? " structures sur la carte" : " structure sur la carte"));
        var p = AnnuaireFiltres.parameters(current);
        liste.setHref(new Location("structures", QueryParameters.simple(p)).getPathWithQueryParameters());
        if (updateUrl) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("carte", QueryParameters.simple(p))));
        }
        list.removeAll();
        if (points.isEmpty()) {
            list.add(new ListItem("Aucune structure ne correspond à ces filtres."));
        }
        for (MapPoint point : points) {
            Button show = new Button(point.nom() + " — " + point.commune(),
                    e -> map.getElement().executeJs("window.communsCarte.focus(this, $0)", String.valueOf(point.id())));
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            show.setAriaLabel("Montrer " + point.nom() + " sur la carte");
            Anchor fiche = new Anchor("structures/" + point.id(), "fiche");
            fiche.getElement().setAttribute("aria-label", "Fiche de " + point.nom());
            list.add(new ListItem(show, fiche));
        }
        map.getElement().executeJs("window.communsCarte.init(this, $0, $1, $2)", tileUrl, attribution, json(points));
    }

    static String json(List<MapPoint> points) {
        try {
            return JSON.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
