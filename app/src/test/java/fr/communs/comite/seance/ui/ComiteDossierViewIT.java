package fr.communs.comite.seance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import fr.communs.comite.deport.DeportService;
import fr.communs.instruction.InstructionService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.support.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** « Dossier pour le comité »: what a member reads before the audition, and « Je me déporte… » from there. */
@SpringBootTest
@ActiveProfiles("test")
class ComiteDossierViewIT {
    @Autowired Fixtures fx;
    @Autowired ApplicationContext context;
    @Autowired InstructionService instructions;
    @Autowired DeportService deports;
    /** Held here: Vaadin keeps the current UI by a weak reference only. */
    UI ui;

    @AfterEach
    void tearDown() {
        fx.logout();
        TestUi.closeAll();
    }

    @Test
    void a_member_reads_the_synthesis_and_the_amount_asked_before_the_seance_then_a_recused_member_is_refused() {
        fx.campagne();
        String membre = fx.account(Roles.COMITE);
        Fixtures.Transmis t = fx.transmis();
        String agent = fx.recevable(t);
        fx.as(agent);
        instructions.saveSyntheseComite(t.communId(), "Synthèse pour la séance : un groupement solide.");
        instructions.annotate(t.communId(), "Note interne jamais montrée");
        fx.seance(t.communId());

        fx.as(membre);
        ui = TestUi.open();
        String id = String.valueOf(t.communId());
        ComiteDossierView page = Views.enter(context, ui, ComiteDossierView.class, "comite/dossiers/" + id, "communId", id);
        String texte = Views.text(page);
        assertThat(texte).contains("Dossier pour le comité", "Audition prévue le", "Synthèse de l'instruction pour le comité",
                "Synthèse pour la séance : un groupement solide.", "Ce que demande le groupement", "Pièces jointes du dossier")
                .doesNotContain("Note interne");
        assertThat(Views.descendants(page).filter(Button.class::isInstance).map(b -> ((Button) b).getText()))
                .anyMatch(s -> s.startsWith("Je me déporte"));

        deports.declarer(t.communId(), "Je préside une structure du groupement.");
        ComiteDossierView refus = Views.enter(context, ui, ComiteDossierView.class, "comite/dossiers/" + id, "communId", id);
        assertThat(Views.text(refus)).contains("Vous n'avez pas accès à ce dossier");
        assertThat(Views.text(refus)).doesNotContain("Synthèse pour la séance");
    }
}
