package fr.communs.comite.notation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two members submitting their scores at the same moment, made deterministic: the second member's whole submission
 * runs while the first member's transaction is still open (not committed). Each member's task is its own execution
 * and the count of scores is moved on by the asynchronous continuation after each task, so neither waits for the
 * other, both scores count, none is doubled, and the avis opens once.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotationConcurrenceIT {
    @Autowired Fixtures fx;
    @Autowired NotationService notations;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext dsl;
    @Autowired fr.communs.campagne.CampagneService campagnes;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private void soumettre(Task task, int note) {
        List<NoteCritere> notes = notations.fiche(task.getId()).grille().stream()
                .map(c -> new NoteCritere(c.id(), Math.min(note, c.noteMax()), "Note " + note)).toList();
        notations.soumettre(task.getId(), notes);
    }

    @Test
    void two_members_submitting_at_the_same_time_both_count_none_is_doubled_and_the_avis_opens_once() throws Exception {
        fx.campagne();
        fx.account(Roles.COMITE);
        fx.account(Roles.COMITE);
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        long seanceId = fx.enAudition(t.communId());
        List<Task> taches = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE);
        assertThat(taches).hasSizeGreaterThanOrEqualTo(2);
        Task a = taches.get(0);
        Task b = taches.get(1);
        String emailA = fx.emailOf(Long.parseLong(a.getAssignee()));
        String emailB = fx.emailOf(Long.parseLong(b.getAssignee()));

        CountDownLatch aSoumis = new CountDownLatch(1);
        CountDownLatch bSoumis = new CountDownLatch(1);
        boolean[] bSansAttendre = new boolean[1];
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> premier = threads.submit(() -> {
                fx.as(emailA);
                try {
                    tx.executeWithoutResult(status -> {
                        soumettre(a, 4);
                        aSoumis.countDown();
                        try {
                            bSansAttendre[0] = bSoumis.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } finally {
                    fx.logout();
                }
            });
            Future<?> second = threads.submit(() -> {
                try {
                    assertThat(aSoumis.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fx.as(emailB);
                try {
                    tx.executeWithoutResult(status -> {
                        soumettre(b, 2);
                        bSoumis.countDown();
                    });
                } finally {
                    fx.logout();
                }
            });
            second.get(60, TimeUnit.SECONDS);
            premier.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(bSansAttendre[0]).as("the second submission ran while the first transaction was still open").isTrue();
        assertThat(dsl.fetchCount(dsl.selectFrom(fr.communs.db.Tables.COMITE_NOTATION)
                .where(fr.communs.db.Tables.COMITE_NOTATION.COMMUN_ID.eq(t.communId())))).isEqualTo(2);
        fx.as(fx.account(Roles.AGENT));
        int criteres = notations.grille(campagnes.current().orElseThrow().id()).size();
        assertThat(dsl.fetchCount(dsl.selectFrom(fr.communs.db.Tables.COMITE_SCORE)
                .where(fr.communs.db.Tables.COMITE_SCORE.COMMUN_ID.eq(t.communId())))).isEqualTo(2 * criteres);
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)).extracting(Task::getId)
                .doesNotContain(a.getId(), b.getId());

        fx.runJobs(t.communId());
        for (Task reste : fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)) {
            fx.score(reste, 3);
        }
        fx.runJobs(t.communId());
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_AVIS_SEANCE)).as("every score counted: the avis opens once")
                .hasSize(1);
        fx.as(fx.account(Roles.AGENT));
        assertThat(notations.notes(seanceId, t.communId())).hasSize(taches.size());
    }
}
