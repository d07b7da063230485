package fr.communs.comite.deport.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.comite.deport.DeportService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Je me déporte": the button, its dialog (reason required), then the member reads why they are recused. */
@SpringBootTest
@ActiveProfiles("test")
class DeportButtonIT {
    @Autowired DeportService deports;
    @Autowired Fixtures fx;
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void a_member_declares_through_the_dialog_and_then_reads_why_they_are_recused() {
        String membre = fx.account(Roles.COMITE);
        Fixtures.Transmis t = fx.transmis();
        String agent = fx.recevable(t);
        fx.enAudition(t.communId());   // on a séance: the member reads the file and has its scoring task
        AtomicInteger apres = new AtomicInteger();

        fx.as(agent);
        assertThat(DeportComponents.boutonDeport(deports, t.communId(), apres::incrementAndGet).isVisible())
                .as("an agent does not recuse themselves").isFalse();

        fx.as(membre);
        DeportButton bouton = (DeportButton) DeportComponents.boutonDeport(deports, t.communId(), apres::incrementAndGet);
        assertThat(bouton.isVisible()).isTrue();
        bouton.bouton.click();
        assertThat(bouton.dialog.isOpened()).isTrue();
        assertThat(Views.text(bouton.dialog)).contains("Vous ne noterez pas ce dossier");
        bouton.confirmer.click();
        assertThat(bouton.errors.shown()).containsExactly("Le champ « Motif du déport » est obligatoire.");
        assertThat(apres.get()).isZero();

        bouton.motif.setValue("Je siège au bureau de l'association porteuse.");
        bouton.confirmer.click();

        assertThat(bouton.dialog.isOpened()).isFalse();
        assertThat(apres.get()).isEqualTo(1);
        assertThat(Views.text(bouton)).contains("Vous êtes déporté(e) de ce dossier",
                "Déport déclaré par le membre : Je siège au bureau de l'association porteuse.");
        assertThat(deports.monDeport(t.communId())).isPresent();
        fx.runJobs(t.communId());
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)).extracting(task -> task.getAssignee())
                .as("their scoring task is retired").doesNotContain(String.valueOf(fx.idOf(membre)));

        fx.as(agent);
        assertThat(Views.text(DeportComponents.listeDeports(deports, t.communId())))
                .contains("Personne " + membre + " — Déport déclaré par le membre");
    }
}
