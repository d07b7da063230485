package fr.communs.comite.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.notification.NotificationType;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The groupement is told its file's avis when the séance closes — the avis, never the individual scores. */
@SpringBootTest
@ActiveProfiles("test")
class AvisNotificationsIT {
    @Autowired Fixtures fx;
    @Autowired Notified notified;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    @Test
    void each_groupement_learns_its_avis_with_motivation_and_subsidy_when_the_seance_closes_not_before() {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.scored(t.communId());
        long seance = fx.seanceOf(t.communId());
        fx.avisSeance(t.communId(), new AvisSeance(AvisSeance.Type.RESERVE, "Un projet utile au territoire.",
                "Préciser la gouvernance.", new BigDecimal("8500.50")));
        String lien = "communs/" + t.communId() + "/avis-comite";
        assertThat(notified.of(t.porteurEmail(), NotificationType.AVIS_COMITE, lien)).as("not before the close").isEmpty();

        fx.close(seance);

        for (String email : java.util.List.of(t.porteurEmail(), t.membreEmail())) {
            assertThat(notified.of(email, NotificationType.AVIS_COMITE, lien)).singleElement().satisfies(n -> {
                assertThat(n.getTitre()).contains("Avis du comité");
                assertThat(n.getTexte()).contains("favorable avec réserves", "500,50", "Préciser la gouvernance.",
                        "Un projet utile au territoire.").doesNotContainIgnoringCase("note");
            });
        }
    }
}
