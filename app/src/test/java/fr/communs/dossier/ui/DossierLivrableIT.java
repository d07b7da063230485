package fr.communs.dossier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The agents' file screen (built by Spring as the router does, no browser) has a "Livrable" tab once it is deposited. */
@SpringBootTest
@ActiveProfiles("test")
class DossierLivrableIT {
    @Autowired Fixtures fx;
    @Autowired AssembleeService assemblee;
    @Autowired LivrableService livrables;
    @Autowired ApplicationContext context;

    Fixtures.Transmis t;
    String agent;
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.aLAssemblee(t, new BigDecimal("12000"));
        fx.as(agent);
        assemblee.recordVote(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("12000"), LocalDate.of(2026, 3, 12)));
        fx.logout();
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private DossierView open() {
        fx.as(agent);
        String id = String.valueOf(t.communId());
        return Views.enter(context, ui, DossierView.class, "dossiers/" + id, "communId", id);
    }

    /** The tab titles of the file screen, and the content of the "Livrable" tab if there is one. */
    private static Optional<Component> livrableTab(DossierView view, List<String> titles) {
        TabSheet sheet = Views.descendants(view).filter(TabSheet.class::isInstance).map(TabSheet.class::cast).findFirst().orElseThrow();
        Component found = null;
        for (int i = 0; i < sheet.getTabCount(); i++) {
            Tab tab = sheet.getTabAt(i);
            titles.add(tab.getLabel());
            if ("Livrable".equals(tab.getLabel())) {
                found = sheet.getComponent(tab);
            }
        }
        return Optional.ofNullable(found);
    }

    @Test
    void the_file_screen_has_no_livrable_tab_until_the_livrable_is_deposited() {
        List<String> titles = new ArrayList<>();
        assertThat(livrableTab(open(), titles)).isEmpty();
        assertThat(titles).contains("Instruction", "Historique").doesNotContain("Livrable");
    }

    @Test
    void the_livrable_tab_shows_the_livrable_and_the_retour_d_experience_to_the_agents() {
        fx.as(t.porteurEmail());
        livrables.deposit(fx.task(t.communId(), CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(),
                new LivrableData("Guide de la coopération", "https://exemple.org/guide",
                        "Un guide pas à pas.", "La constitution du groupement a pris trois mois."));

        Component tab = livrableTab(open(), new ArrayList<>()).orElseThrow();
        assertThat(tab.getElement().getTextRecursively()).contains("Guide de la coopération", "https://exemple.org/guide",
                "Un guide pas à pas.", "Retour d'expérience sur la constitution du dossier",
                "La constitution du groupement a pris trois mois.");
    }
}
