package fr.communs.commun;

import fr.communs.base.CommunStatut;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.notification.Notification;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.Rappel;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reminders before the deposit deadline (7 and 2 days before), through the real engine on embedded PostgreSQL.
 * The job executor is off in tests: the test runs the timer job, then the reminder task's asynchronous job.
 */
@SpringBootTest
@ActiveProfiles("test")
class RappelDepotIT {
    @Autowired Fixtures fx;
    @Autowired CampagneService campagnes;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired NotificationService notifications;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    long porteur;
    String porteurEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    @Test
    void seven_days_before_the_deadline_every_structure_of_the_groupement_is_told_what_still_blocks_eligibility() {
        long id = fx.deposit(porteurEmail, porteur);
        long membre = fx.structure(true, "30");
        String membreEmail = fx.account(Roles.STRUCTURE, membre);
        join(id, membre, membreEmail);
        long invitee = fx.structure(true, "30");
        String inviteeEmail = fx.account(Roles.STRUCTURE, invitee);
        fx.as(porteurEmail);
        groupements.invite(id, invitee, RoleGroupement.MEMBRE, null);
        String outsider = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));

        fx.as(porteurEmail);
        List<Eligibility.Rule> blocking = groupements.eligibility(id).rules().stream().filter(r -> !r.ok()).toList();
        assertThat(blocking).as("two structures only: the groupement is not eligible yet").isNotEmpty();
        int porteurBefore = unread(porteurEmail);
        int membreBefore = unread(membreEmail);
        int inviteeBefore = unread(inviteeEmail);
        int outsiderBefore = unread(outsider);
        String porteurTask = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        Job timer = reminderTimer(id, Rappel.J7);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(deadline().toInstant().minus(Duration.ofDays(7))));

        fx.logout();
        management.executeJob(timer.getId());
        fx.runJobs(id);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(fx.processInstanceId(id))
                .activityId(CycleCommunProcess.TASK_RAPPELER_MEMBRES_7_JOURS).finished().count()).isEqualTo(1);
        assertThat(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId())
                .as("the porteur's task goes on").isEqualTo(porteurTask);
        assertThat(reminderTimer(id, Rappel.J2)).as("the J-2 reminder is still to come").isNotNull();
        fx.as(porteurEmail);
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        for (String email : List.of(porteurEmail, membreEmail)) {
            assertThat(unread(email)).as("unread notifications of %s", email)
                    .isEqualTo(email.equals(porteurEmail) ? porteurBefore + 1 : membreBefore + 1);
            fx.as(email);
            Notification rappel = notifications.mine(0, 10).get(0);
            assertThat(rappel.type()).isEqualTo(NotificationType.RAPPEL_DEPOT);
            assertThat(rappel.titre()).contains(communs.get(id).titre());
            assertThat(rappel.lien()).isEqualTo("communs/" + id);
            assertThat(rappel.texte()).contains("n'est pas encore transmis", "Ce qui bloque encore");
            blocking.forEach(rule -> assertThat(rappel.texte()).contains(rule.libelle(), rule.explication()));
        }
        assertThat(unread(inviteeEmail)).as("an invited structure is not yet in the groupement").isEqualTo(inviteeBefore);
        assertThat(unread(outsider)).isEqualTo(outsiderBefore);
    }

    @Test
    void moving_the_deadline_moves_the_reminders_still_to_come_and_never_repeats_one_already_sent() {
        long id = fx.deposit(porteurEmail, porteur);
        String pid = fx.processInstanceId(id);
        Campagne c = campagnes.current().orElseThrow();
        String admin = fx.admin();
        OffsetDateTime later = c.dateLimiteDepot().plusDays(10).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime evenLater = c.dateLimiteDepot().plusDays(20).truncatedTo(ChronoUnit.SECONDS);
        try {
            fx.as(admin);
            assertThat(campagnes.update(c.id(), with(c, later))).isGreaterThanOrEqualTo(1);
            for (Rappel rappel : Rappel.values()) {
                Date expected = Date.from(later.toInstant().minus(Duration.ofDays(rappel.joursAvant())));
                assertThat(reminderTimer(id, rappel).getDuedate()).as("%s", rappel.timerId()).isEqualTo(expected);
                assertThat(runtime.getVariable(pid, rappel.dateVariable())).isEqualTo(expected);
            }

            fx.logout();
            management.executeJob(reminderTimer(id, Rappel.J7).getId());
            fx.runJobs(id);
            fx.as(admin);
            campagnes.update(c.id(), with(c, evenLater));

            assertThat(reminderTimer(id, Rappel.J7)).as("the J-7 reminder was sent: not created again").isNull();
            assertThat(reminderTimer(id, Rappel.J2).getDuedate())
                    .isEqualTo(Date.from(evenLater.toInstant().minus(Duration.ofDays(2))));
            assertThat(runtime.getVariable(pid, CycleCommunProcess.VAR_DATE_LIMITE_DEPOT))
                    .isEqualTo(Date.from(evenLater.toInstant()));
            assertThat(management.createJobQuery().processInstanceId(pid).activityId(CycleCommunProcess.TIMER_FIN_DEPOT)
                    .singleResult().getDuedate()).isEqualTo(Date.from(evenLater.toInstant()));
        } finally {
            fx.as(admin);
            campagnes.update(c.id(), with(c, c.dateLimiteDepot()));
        }
    }

    /** The porteur invites the structure, which accepts (and so confirms its participation). */
    private void join(long communId, long structureId, String memberEmail) {
        fx.as(porteurEmail);
        long invitation = groupements.invite(communId, structureId, RoleGroupement.MEMBRE, null);
        fx.as(memberEmail);
        groupements.answerInvitation(invitation, true, null);
        fx.logout();
    }

    private int unread(String email) {
        fx.as(email);
        try {
            return notifications.unreadCount();
        } finally {
            fx.logout();
        }
    }

    private OffsetDateTime deadline() {
        return campagnes.current().orElseThrow().dateLimiteDepot();
    }

    private Job reminderTimer(long communId, Rappel rappel) {
        return management.createJobQuery().processInstanceId(fx.processInstanceId(communId)).timers()
                .activityId(rappel.timerId()).singleResult();
    }

    private static CampagneSettings with(Campagne c, OffsetDateTime deadline) {
        return new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(), c.territoireCode(), deadline,
                c.dateComite());
    }
}
