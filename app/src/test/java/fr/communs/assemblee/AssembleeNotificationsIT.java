package fr.communs.assemblee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.commun.CommunService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The groupement is told the Assemblée's result (with the amount and the date of the séance), and the subsidy voted
 * is public once adopted; on the real services, notifications and outbox mails read back from the database.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssembleeNotificationsIT {
    @Autowired Fixtures fx;
    @Autowired Notified notified;
    @Autowired AssembleeService assemblee;
    @Autowired CommunService communs;

    Fixtures.Transmis t;
    String agent;
    String titre;
    String lien;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.aLAssemblee(t, new BigDecimal("12000"));
        titre = communs.get(t.communId()).titre();
        lien = "communs/" + t.communId();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private void vote(ResultatVote resultat, String montant, LocalDate seance) {
        fx.as(agent);
        assemblee.recordVote(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(resultat, montant == null ? null : new BigDecimal(montant), seance));
        fx.logout();
    }

    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void every_member_is_told_the_subsidy_voted_with_its_amount_and_the_date_of_the_seance() {
        vote(ResultatVote.ADOPTE, "12000.50", LocalDate.of(2026, 3, 12));

        for (String email : List.of(t.porteurEmail(), t.membreEmail(), t.contributeurEmail())) {
            assertThat(notified.of(email, NotificationType.RESULTAT_ASSEMBLEE, lien)).singleElement().satisfies(n -> {
                assertThat(n.getTitre()).isEqualTo("Subvention votée : « " + titre + " »");
                assertThat(spaces(n.getTexte())).startsWith("Lors de sa séance du 12/03/2026, l'Assemblée départementale "
                        + "a voté une subvention de 12 000,50 € pour votre commun « " + titre + " ».")
                        .contains("Prochaine étape : le dépôt de votre livrable");
            });
            assertThat(notified.mails(email, "[Communs] Subvention votée : « " + titre + " »")).singleElement()
                    .satisfies(m -> assertThat(spaces(m.getTexte())).contains("12/03/2026", "12 000,50 €", "/" + lien));
        }
        assertThat(notified.of(agent, NotificationType.RESULTAT_ASSEMBLEE, lien)).isEmpty();
    }

    @Test
    void an_adjourned_then_rejected_vote_tells_the_members_each_time_and_nothing_is_shown_as_voted() {
        vote(ResultatVote.AJOURNE, null, LocalDate.of(2026, 3, 12));
        vote(ResultatVote.REJETE, null, LocalDate.of(2026, 4, 9));

        assertThat(notified.of(t.membreEmail(), NotificationType.RESULTAT_ASSEMBLEE, lien)).hasSize(2).satisfiesExactly(
                ajourne -> {
                    assertThat(ajourne.getTitre()).isEqualTo("Vote ajourné : « " + titre + " »");
                    assertThat(ajourne.getTexte()).isEqualTo("Lors de sa séance du 12/03/2026, l'Assemblée départementale "
                            + "a ajourné le vote de la subvention proposée pour votre commun « " + titre
                            + " » : elle sera soumise à une prochaine séance.");
                },
                rejete -> {
                    assertThat(rejete.getTitre()).isEqualTo("Subvention non votée : « " + titre + " »");
                    assertThat(rejete.getTexte()).startsWith("Lors de sa séance du 09/04/2026, l'Assemblée départementale "
                            + "n'a pas voté la subvention proposée");
                });
        assertThat(notified.mails(t.porteurEmail(), "[Communs] Subvention non votée : « " + titre + " »")).hasSize(1);
        assertThat(assemblee.subventionVotee(t.communId())).isEmpty();
    }

    @Test
    void the_subsidy_voted_is_public_once_adopted_after_an_adjournment() {
        assertThat(assemblee.subventionVotee(t.communId())).isEmpty();
        vote(ResultatVote.AJOURNE, null, LocalDate.of(2026, 3, 12));
        assertThat(assemblee.subventionVotee(t.communId())).isEmpty();
        vote(ResultatVote.ADOPTE, "9500", LocalDate.of(2026, 4, 9));

        fx.logout();                                        // anyone, even not logged in
        assertThat(assemblee.subventionVotee(t.communId())).hasValueSatisfying(s -> {
            assertThat(s.montant()).isEqualByComparingTo("9500");
            assertThat(s.dateSeance()).isEqualTo(LocalDate.of(2026, 4, 9));
        });
    }
}
