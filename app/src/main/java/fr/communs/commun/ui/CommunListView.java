package fr.communs.commun.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.commun.CommunFilter;
import fr.communs.commun.CommunService;
import fr.communs.commun.CommunStatut;
import fr.communs.commun.CommunSummary;

/** Public list "Communs déposés": search, filter by state, lazy-loaded pages of 50. */
@Route(value = "communs", layout = MainLayout.class)
@PageTitle("Communs déposés — Communs")
@AnonymousAllowed
class CommunListView extends VerticalLayout {
    private final CommunService communs;
    private final TextField search = new TextField("Rechercher");
    private final ComboBox<CommunStatut> statut = new ComboBox<>("État du dossier");
    private final Grid<CommunSummary> grid = new Grid<>();
    private final Span total = new Span();
    private final Paragraph empty = new Paragraph("Aucun commun ne correspond à votre recherche.");

    CommunListView(CommunService communs) {
        this.communs = communs;
        addClassName("page");
        search.setPlaceholder("Titre ou résumé");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(100);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        statut.setItems(CommunStatut.values());
        statut.setItemLabelGenerator(CommunStatut::libelle);
        statut.setClearButtonVisible(true);
        statut.setPlaceholder("Tous");
        statut.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, statut, total);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> new Anchor("communs/" + c.id(), c.titre())).setHeader("Commun").setFlexGrow(3);
        grid.addColumn(CommunSummary::porteurNom).setHeader("Porteur").setFlexGrow(2);
        grid.addColumn(c -> c.nombreStructures() + (c.nombreStructures() > 1 ? " structures" : " structure"))
                .setHeader("Groupement").setFlexGrow(1);
        grid.addComponentColumn(c -> {
            Span s = new Span(c.statut().libelle());
            s.addClassName("badge");
            return s;
        }).setHeader("État").setFlexGrow(2);
        grid.addColumn(c -> Ui.dateTime(c.createdAt())).setHeader("Déposé le").setFlexGrow(1);
        grid.setPageSize(50);
        grid.setHeight("640px");
        add(new H1("Communs déposés"), filters, grid, empty);
        refresh();
    }

    private void refresh() {
        CommunFilter filter = new CommunFilter(search.getValue(), statut.getValue());
        int count = communs.count(filter);
        total.setText(count + (count > 1 ? " communs" : " commun"));
        grid.setItems(q -> communs.search(filter, q.getOffset(), q.getLimit()).stream(), q -> communs.count(filter));
        empty.setVisible(count == 0);
        grid.setVisible(count > 0);
    }
}
