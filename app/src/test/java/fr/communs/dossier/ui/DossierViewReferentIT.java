package fr.communs.dossier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.TabSheet;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointeService;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The file screen for a référent (built by Spring as the router does): read only, and only where their avis was asked. */
@SpringBootTest
@ActiveProfiles("test")
class DossierViewReferentIT {
    @Autowired Fixtures fx;
    @Autowired PieceJointeService pieces;
    @Autowired ApplicationContext context;

    Fixtures.Transmis t;
    String culture;
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis(null, (commun, porteur) -> pieces.upload(commun, porteur, CategoriePiece.STATUTS, "statuts.pdf",
                new ByteArrayInputStream(Echantillons.pdf("Statuts"))));
        culture = fx.referent("Culture et patrimoine");
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private DossierView open(String email) {
        fx.as(email);
        String id = String.valueOf(t.communId());
        return Views.enter(context, ui, DossierView.class, "dossiers/" + id, "communId", id);
    }

    private static List<String> tabs(DossierView view) {
        List<String> titles = new ArrayList<>();
        Views.descendants(view).filter(TabSheet.class::isInstance).map(TabSheet.class::cast).forEach(sheet -> {
            for (int i = 0; i < sheet.getTabCount(); i++) {
                titles.add(sheet.getTabAt(i).getLabel());
            }
        });
        return titles;
    }

    @Test
    void a_referent_asked_for_an_avis_sees_the_file_their_question_and_the_pieces_read_only() {
        fx.avisDemande(t.communId(), culture);

        DossierView view = open(culture);

        assertThat(tabs(view)).containsExactly("Votre avis", "Pièces (1)");
        assertThat(Views.text(view)).contains("Dossier transmis", "lecture seule");
        TabSheet sheet = Views.descendants(view).filter(TabSheet.class::isInstance).map(TabSheet.class::cast)
                .findFirst().orElseThrow();
        assertThat(Views.text(sheet.getComponent(sheet.getTabAt(0)))).contains("Quel est l'avis de votre direction ?");
        assertThat(Views.descendants(view).filter(Button.class::isInstance)
                .filter(com.vaadin.flow.component.Component::isVisible).map(b -> ((Button) b).getText()))
                .doesNotContain("Je m'en occupe", "Attribuer", "Enregistrer la décision", "Ajouter la note",
                        "Demander un avis à un référent", "Annuler la demande");
    }

    @Test
    void a_referent_not_asked_gets_nothing_of_the_file() {
        DossierView view = open(culture);

        assertThat(tabs(view)).isEmpty();
        assertThat(view.getChildren().count()).isZero();
    }

    @Test
    void an_agent_of_the_service_still_gets_the_whole_back_office_screen() {
        DossierView view = open(fx.account(fr.communs.security.Roles.AGENT));

        assertThat(tabs(view)).contains("Instruction", "Groupement", "Avis", "Messages", "Historique", "Notes");
    }
}
