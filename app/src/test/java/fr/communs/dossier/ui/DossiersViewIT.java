package fr.communs.dossier.ui;

import static fr.communs.db.Tables.COMMUN;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import elemental.json.Json;
import com.vaadin.flow.router.QueryParameters;
import fr.communs.campagne.CampagneService;
import fr.communs.dossier.DossierLigne;
import fr.communs.dossier.DossierService;
import fr.communs.dossier.DossierTri;
import fr.communs.instruction.InstructionService;
import fr.communs.messagerie.MessageService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The agents' "Dossiers" grid, instantiated on the real services (no browser): default sort and columns. */
@SpringBootTest
@ActiveProfiles("test")
class DossiersViewIT {
    @Autowired Fixtures fx;
    @Autowired DossierService dossiers;
    @Autowired InstructionService instructions;
    @Autowired MessageService messages;
    @Autowired CampagneService campagnes;
    @Autowired CurrentUser currentUser;
    @Autowired DSLContext dsl;

    /** Held here: Vaadin keeps the current UI through a weak reference only. */
    UI ui;
    String marque;
    /** This test's files, oldest transmitted first. */
    List<Long> ids;

    @BeforeEach
    void setUp() {
        fx.campagne();
        String agent = fx.account(Roles.AGENT);
        ids = IntStream.range(0, 3).mapToObj(i -> fx.transmis().communId()).toList();
        // Transmitted on three different days, the first one the oldest (not the order of the ids, on purpose).
        OffsetDateTime base = OffsetDateTime.now().minusDays(10);
        dsl.update(COMMUN).set(COMMUN.DATE_TRANSMISSION, base.plusDays(1)).where(COMMUN.COMMUN_ID.eq(ids.get(1))).execute();
        dsl.update(COMMUN).set(COMMUN.DATE_TRANSMISSION, base.plusDays(2)).where(COMMUN.COMMUN_ID.eq(ids.get(0))).execute();
        dsl.update(COMMUN).set(COMMUN.DATE_TRANSMISSION, base.plusDays(3)).where(COMMUN.COMMUN_ID.eq(ids.get(2))).execute();
        fx.as(agent);
        marque = "vue " + System.nanoTime();
        dossiers.addLabel(ids, marque);
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private DossiersView open(Map<String, String> params) {
        DossiersView view = new DossiersView(dossiers, instructions, messages, campagnes, currentUser);
        view.show(QueryParameters.simple(params));
        return view;
    }

    private static List<Long> rows(DossiersView view) {
        return view.grid.getLazyDataView().getItems().map(DossierLigne::communId).toList();
    }

    @Test
    void the_newest_transmitted_files_come_first_by_default() {
        DossiersView view = open(Map.of("etiquette", marque));

        GridSortOrder<DossierLigne> sort = view.grid.getSortOrder().get(0);
        assertThat(sort.getSorted().getKey()).isEqualTo(DossierTri.TRANSMIS_LE.name());
        assertThat(sort.getDirection()).isEqualTo(SortDirection.DESCENDING);
        assertThat(rows(view)).containsExactly(ids.get(2), ids.get(0), ids.get(1));
    }

    @Test
    void a_sort_named_in_the_address_is_ascending_unless_it_says_desc() {
        assertThat(rows(open(Map.of("etiquette", marque, "tri", DossierTri.TRANSMIS_LE.name()))))
                .containsExactly(ids.get(1), ids.get(0), ids.get(2));
        assertThat(rows(open(Map.of("etiquette", marque, "tri", DossierTri.TRANSMIS_LE.name(), "ordre", "desc"))))
                .containsExactly(ids.get(2), ids.get(0), ids.get(1));
    }

    @Test
    void the_defis_and_territory_columns_are_hidden_by_default_and_can_be_shown_from_the_columns_menu() {
        DossiersView view = open(Map.of("etiquette", marque));

        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(c -> c.getHeaderText()))
                .containsExactly("Titre", "État", "Porteur", "Transmis le", "Instructeur", "Échéance", "Étiquettes");
        Grid.Column<DossierLigne> territoire = view.grid.getColumnByKey(DossiersView.COLONNE_TERRITOIRE);
        assertThat(territoire.isVisible()).isFalse();
        assertThat(view.colonnes.getText()).isEqualTo("Colonnes");

        MenuItem item = view.colonnesMenu.getItems().stream().filter(i -> i.getText().equals("Territoire")).findFirst().orElseThrow();
        assertThat(item.isChecked()).isFalse();
        // A click as the browser sends it (the DOM event toggles the check mark, then runs the menu's listener).
        item.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(item.getElement(), "click", Json.createObject()));
        assertThat(item.isChecked()).isTrue();
        assertThat(territoire.isVisible()).isTrue();
    }
}
