package fr.communs.comite;

import static fr.communs.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.base.Dates;
import fr.communs.commun.CommunService;
import fr.communs.db.tables.records.NotificationRecord;
import fr.communs.instruction.InstructionService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who is told what around the comité, on the real services and engine: the members when their audition tasks are
 * created (in the engine's job, nobody logged in, once even if the job is retried), the agents when the last score
 * is in, the groupement when the avis is recorded. Notifications and outbox mails are read back from the database.
 *
 * <p>These cover the files in flight on the cycle's previous definition (comité without séances: "Convoquer le
 * comité", "Noter l'audition" per member, "Enregistrer l'avis du comité"), served by {@link ComiteService}: each test
 * deploys that definition as the latest version before starting its file and removes it afterwards. Where the current
 * definition tells people differently, the assertions here stay the legacy ones.
 */
@SpringBootTest
@ActiveProfiles("test")
class ComiteNotificationsIT {
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Fixtures fx;
    @Autowired Notified notified;
    @Autowired ComiteService comite;
    @Autowired CommunService communs;
    @Autowired InstructionService instructions;
    @Autowired ConfigurableApplicationContext context;

    @Autowired DSLContext dsl;

    /** The previous definition's deployment, on which this class's files run. */
    String ancienne;

    /**
     * At least two comité members, so that "each member" and "the last score" mean something; files started from now
     * on run on the previous definition.
     */
    @BeforeEach
    void setUp() {
        fx.campagne();
        while (dsl.fetchCount(APP_USER, APP_USER.ROLE.eq(Roles.COMITE).and(APP_USER.ACTIF.isTrue())) < 2) {
            fx.account(Roles.COMITE);
        }
        ancienne = fx.ancienneDefinition();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
        if (ancienne != null) {
            fx.retirerAncienneDefinition(ancienne);
            ancienne = null;
        }
    }

    private String titre(long communId) {
        fx.logout();
        return communs.get(communId).titre();
    }

    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void each_comite_member_is_told_by_notification_and_mail_with_the_link_to_their_own_audition_task() {
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);                                    // the convocation job runs with nobody logged in
        String titre = titre(t.communId());

        List<Task> auditions = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_AUDITION);
        assertThat(auditions).hasSizeGreaterThanOrEqualTo(2);
        for (Task audition : auditions) {
            String email = fx.emailOf(Long.parseLong(audition.getAssignee()));
            String lien = "taches/audition/" + audition.getId();
            String avant = JOUR.format(audition.getDueDate().toInstant().atZone(Dates.ZONE));
            assertThat(notified.of(email, NotificationType.AUDITION_A_NOTER, lien)).singleElement().satisfies(n -> {
                assertThat(n.getTitre()).isEqualTo("Audition à noter : « " + titre + " »");
                assertThat(n.getTexte()).contains("« " + titre + " »", "est prêt pour votre notation",
                        "avant le " + avant);
            });
            assertThat(notified.mails(email, "[Communs] Audition à noter : « " + titre + " »")).singleElement()
                    .satisfies(m -> assertThat(m.getTexte()).contains("est prêt pour votre notation", "/" + lien));
            assertThat(notified.count(NotificationType.AUDITION_A_NOTER, lien)).as("only the member of the task").isEqualTo(1);
        }
    }

    @Test
    void a_convocation_job_rolled_back_after_a_first_notification_and_retried_tells_each_member_once() {
        Fixtures.Transmis t = fx.transmis();
        AtomicInteger created = new AtomicInteger();
        ApplicationListener<ApplicationEvent> failOnSecondAudition = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DelegateTask task
                    && "create".equals(task.getEventName())
                    && CycleCommunProcess.TASK_NOTER_AUDITION.equals(task.getTaskDefinitionKey())
                    && created.incrementAndGet() == 2) {
                throw new IllegalStateException("Panne simulée pendant la convocation du comité");
            }
        };
        context.addApplicationListener(failOnSecondAudition);
        try {
            fx.recevable(t);                                // first attempt fails after one member was notified; retried
        } finally {
            context.removeApplicationListener(failOnSecondAudition);
        }

        List<Task> auditions = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_AUDITION);
        assertThat(auditions).hasSizeGreaterThanOrEqualTo(2);
        assertThat(created.get()).as("a first attempt created tasks and was rolled back").isEqualTo(auditions.size() + 2);
        String titre = titre(t.communId());
        assertThat(notified.countTitled(NotificationType.AUDITION_A_NOTER, "Audition à noter : « " + titre + " »"))
                .isEqualTo(auditions.size());
        for (Task audition : auditions) {
            String email = fx.emailOf(Long.parseLong(audition.getAssignee()));
            assertThat(notified.of(email, NotificationType.AUDITION_A_NOTER, "taches/audition/" + audition.getId())).hasSize(1);
            assertThat(notified.mails(email, "[Communs] Audition à noter : « " + titre + " »")).hasSize(1);
        }
    }

    @Test
    void only_the_last_score_tells_the_instructeur_and_no_other_agent_with_the_link_to_the_avis_task() {
        Fixtures.Transmis t = fx.transmis();
        String instructeur = fx.recevable(t);
        String autreAgent = fx.account(Roles.AGENT);
        String titre = "Toutes les notes du comité sont arrivées pour « " + titre(t.communId()) + " »";
        List<Task> auditions = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_AUDITION);
        for (Task audition : auditions.subList(0, auditions.size() - 1)) {
            fx.as(fx.emailOf(Long.parseLong(audition.getAssignee())));
            comite.score(audition.getId(), new NotesAudition(4, 4, 4, 4, null));
        }
        assertThat(notified.countTitled(NotificationType.NOTES_COMITE, titre)).as("scores still awaited").isZero();

        Task last = auditions.get(auditions.size() - 1);
        fx.as(fx.emailOf(Long.parseLong(last.getAssignee())));
        comite.score(last.getId(), new NotesAudition(2, 3, 4, 5, "Dernière note"));
        fx.logout();

        String lien = "taches/avis-comite/" + fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE).getId();
        assertThat(notified.of(instructeur, NotificationType.NOTES_COMITE, lien)).singleElement().satisfies(n -> {
            assertThat(n.getTitre()).isEqualTo(titre);
            assertThat(n.getTexte()).isEqualTo(titre + " : l'avis du comité peut être enregistré.");
        });
        assertThat(notified.mails(instructeur, "[Communs] " + titre)).singleElement()
                .satisfies(m -> assertThat(m.getTexte()).contains("l'avis du comité peut être enregistré", "/" + lien));
        assertThat(notified.of(autreAgent, NotificationType.NOTES_COMITE, lien)).isEmpty();
        assertThat(notified.countTitled(NotificationType.NOTES_COMITE, titre)).isEqualTo(1);
    }

    @Test
    void every_agent_is_told_that_the_scores_are_in_when_the_file_has_no_instructeur() {
        Fixtures.Transmis t = fx.transmis();
        String ancienInstructeur = fx.recevable(t);
        fx.as(ancienInstructeur);
        instructions.release(t.communId());
        String autreAgent = fx.account(Roles.AGENT);
        fx.scoredAncien(t.communId());

        String lien = "taches/avis-comite/" + fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE).getId();
        assertThat(notified.of(ancienInstructeur, NotificationType.NOTES_COMITE, lien)).hasSize(1);
        assertThat(notified.of(autreAgent, NotificationType.NOTES_COMITE, lien)).hasSize(1);
    }

    @Test
    void the_porteur_and_every_member_are_told_the_avis_the_subsidy_proposed_and_the_other_contributions() {
        Fixtures.Transmis t = fx.transmis();
        String agent = fx.recevable(t);
        fx.scoredAncien(t.communId());
        String titre = titre(t.communId());
        fx.as(agent);
        comite.recordAvis(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE).getId(), new AvisComite(
                AvisComite.Avis.RESERVE, new BigDecimal("12000.50"), "Un local à Alès\nUn accompagnement juridique"));
        fx.logout();

        String lien = "communs/" + t.communId();
        for (String email : List.of(t.porteurEmail(), t.membreEmail(), t.contributeurEmail())) {
            List<NotificationRecord> rows = notified.of(email, NotificationType.AVIS_COMITE, lien);
            assertThat(rows).singleElement().satisfies(n -> {
                assertThat(n.getTitre()).isEqualTo("Avis du Comité d'accompagnement : « " + titre + " »");
                assertThat(spaces(n.getTexte())).contains("a rendu un avis réservé sur votre dossier",
                        "Subvention proposée au vote de l'Assemblée départementale : 12 000,50 €.",
                        "Contributions non financières proposées par le comité :\nUn local à Alès\nUn accompagnement juridique",
                        "Prochaine étape : le vote de l'Assemblée départementale.");
            });
            assertThat(notified.mails(email, "[Communs] Avis du Comité d'accompagnement : « " + titre + " »"))
                    .singleElement().satisfies(m -> assertThat(spaces(m.getTexte()))
                            .contains("avis réservé", "12 000,50 €", "Un local à Alès", "/" + lien));
        }
        assertThat(notified.of(agent, NotificationType.AVIS_COMITE, lien)).as("not the agent who recorded it").isEmpty();
    }

    @Test
    void an_unfavourable_avis_without_subsidy_nor_contribution_says_so_in_plain_words() {
        Fixtures.Transmis t = fx.transmis();
        String agent = fx.recevable(t);
        fx.scoredAncien(t.communId());
        fx.as(agent);
        comite.recordAvis(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE).getId(),
                new AvisComite(AvisComite.Avis.DEFAVORABLE, BigDecimal.ZERO, "  "));
        fx.logout();

        assertThat(notified.of(t.membreEmail(), NotificationType.AVIS_COMITE, "communs/" + t.communId()))
                .singleElement().satisfies(n -> assertThat(n.getTexte()).contains("a rendu un avis défavorable",
                        "Le comité ne propose pas de subvention du Département.",
                        "Le comité ne propose pas de contribution non financière."));
    }
}
