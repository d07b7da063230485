package fr.communs.base.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.CommunsApplication;
import fr.communs.base.DatabaseUnavailable;
import fr.communs.base.ui.ErrorView;
import fr.communs.campagne.CampagneService;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.Notation;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.notation.NoteCritere;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault tests on an application of its own (own embedded PostgreSQL, own data directory, real web server): the
 * postmaster is killed (SIGKILL) while a transmission, an instruction decision and a comité member's scores (at an
 * open séance) are stuck mid-way
 * on a lock held from another connection. Each file is then entirely as before the action (every row of our schema
 * and of the engine's runtime and history tables compared), the watchdog restarts PostgreSQL, and the same action
 * succeeds. Then, the watchdog suspended, the database stays down: the French error page comes within seconds, the
 * health endpoint says DOWN, and the application stops within 10 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailureIT {
    private static final List<AppreciationCritere> FAVORABLE = Arrays.stream(fr.communs.instruction.Critere.values())
            .map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList();

    static ConfigurableApplicationContext app;
    static SupervisedPostgres pg;
    static Fixtures fx;
    static DataSource dataSource;
    static int port;
    static java.nio.file.Path dir;

    @BeforeAll
    static void start() throws Exception {
        // A data directory of its own in durable mode (synchronous_commit on, as in production): what was committed
        // before a kill must survive it.
        dir = java.nio.file.Files.createTempDirectory("communs-panne-");
        app = new SpringApplicationBuilder(CommunsApplication.class).profiles("test")
                .run("--server.port=0", "--communs.embedded-postgres.data-dir=" + dir.resolve("pgdata"));
        pg = app.getBean(SupervisedPostgres.class);
        assertThat(pg.dataDirectory()).isEqualTo(dir.resolve("pgdata"));
        fx = app.getBean(Fixtures.class);
        dataSource = app.getBean(DataSource.class);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        fx.campagne();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null && app.isActive()) {
            app.close();
        }
        if (dir != null) {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void the_health_endpoint_answers_up_without_details_to_anyone_and_the_rest_of_the_actuator_is_closed() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        for (String closed : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/health/db",
                "/actuator/metrics", "/actuator/loggers")) {
            HttpResponse<String> answer = get(closed);
            // Refused, unknown, or sent to the login page: never the endpoint's content.
            assertThat(answer.statusCode()).as(closed).isIn(302, 401, 403, 404);
            assertThat(answer.body()).as(closed).doesNotContain("\"status\"", "propertySources", "beans", "names");
        }
    }

    @Test
    @Order(2)
    void a_transmission_killed_mid_way_leaves_the_file_as_before_and_succeeds_after_the_restart() throws Exception {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long id = fx.deposit(porteurEmail, porteur);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        fx.logout();
        String taskId = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        GroupementService groupements = app.getBean(GroupementService.class);

        killWhileStuck(taskId, () -> {
            fx.as(porteurEmail);
            groupements.transmit(taskId);
        });

        fx.as(porteurEmail);
        groupements.transmit(taskId);
        fx.logout();
        assertThat(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE)).isNotNull();
    }

    @Test
    @Order(3)
    void an_instruction_decision_killed_mid_way_leaves_the_file_as_before_and_succeeds_after_the_restart() throws Exception {
        Fixtures.Transmis file = fx.transmis();
        String agent = fx.account(Roles.AGENT);
        InstructionService instructions = app.getBean(InstructionService.class);
        fx.as(agent);
        instructions.take(file.communId());
        fx.logout();
        String taskId = fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId();
        InstructionDecision recevable = InstructionDecision.of(CycleCommunProcess.DecisionInstruction.RECEVABLE, FAVORABLE, null);

        killWhileStuck(taskId, () -> {
            fx.as(agent);
            instructions.decide(taskId, recevable);
        });

        fx.as(agent);
        instructions.decide(taskId, recevable);
        fx.logout();
        fx.runJobs(file.communId()); // the engine's asynchronous continuations run
        assertThat(fx.isWaitingAt(file.communId(), CycleCommunProcess.TASK_ATTENDRE_SEANCE))
                .as("le dossier recevable attend une séance du comité").isTrue();
        fx.as(agent);
        assertThat(app.getBean(SeanceService.class).dossiersEnAttente()).extracting(DossierEnAttente::communId)
                .contains(file.communId());
        fx.logout();
    }

    @Test
    @Order(4)
    void a_comite_score_killed_mid_way_leaves_the_file_as_before_and_succeeds_after_the_restart() throws Exception {
        Fixtures.Transmis file = fx.transmis();
        fx.recevable(file);
        long seanceId = fx.enAudition(file.communId()); // on a séance, opened: one scoring task per present member
        Task audition = fx.tasks(file.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).get(0);
        String member = fx.emailOf(Long.parseLong(audition.getAssignee()));
        long memberId = Long.parseLong(audition.getAssignee());
        NotationService notation = app.getBean(NotationService.class);
        fx.as(member);
        List<Critere> grille = notation.fiche(audition.getId()).grille();
        fx.logout();
        assertThat(grille).hasSizeGreaterThan(1);
        List<NoteCritere> notes = new ArrayList<>();
        for (int i = 0; i < grille.size(); i++) {
            Critere c = grille.get(i);
            notes.add(new NoteCritere(c.id(), Math.min(c.noteMax(), 1 + i % 4), i == 0 ? "Gouvernance claire" : null));
        }

        killWhileStuck(audition.getId(), () -> {
            fx.as(member);
            notation.soumettre(audition.getId(), notes);
        });
        // nothing of the scores was kept, and the member's task is still open
        assertThat(scoresOf(seanceId, file.communId(), memberId)).isZero();
        assertThat(fx.tasks(file.communId(), CycleCommunProcess.TASK_NOTER_SEANCE))
                .anyMatch(t -> t.getId().equals(audition.getId()));

        fx.as(member);
        notation.soumettre(audition.getId(), notes);
        fx.logout();
        fx.runJobs(file.communId()); // the task is asynchronous after
        assertThat(fx.tasks(file.communId(), CycleCommunProcess.TASK_NOTER_SEANCE))
                .noneMatch(t -> t.getId().equals(audition.getId()));
        assertThat(scoresOf(seanceId, file.communId(), memberId)).isEqualTo(grille.size());
        fx.as(member);
        Notation stored = notation.notes(seanceId, file.communId()).stream().filter(n -> n.membreId() == memberId)
                .findFirst().orElseThrow();
        fx.logout();
        assertThat(stored.notes()).containsExactlyInAnyOrderElementsOf(notes);
    }

    /** How many criteria of this member's scores on the file at the séance are stored (0: none, not even the header). */
    private static int scoresOf(long seanceId, long communId, long memberId) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM app.comite_notation WHERE seance_id = " + seanceId
                     + " AND commun_id = " + communId + " AND app_user_id = " + memberId + "), (SELECT count(*) FROM "
                     + "app.comite_score WHERE seance_id = " + seanceId + " AND commun_id = " + communId
                     + " AND app_user_id = " + memberId + ")")) {
            rs.next();
            int headers = rs.getInt(1);
            int scores = rs.getInt(2);
            assertThat(headers).as("en-tête de la notation").isEqualTo(scores == 0 ? 0 : 1);
            return scores;
        }
    }

    @Test
    @Order(5)
    void with_the_database_down_a_page_fails_within_seconds_into_the_french_unavailable_page_and_health_says_down()
            throws Exception {
        pg.supervise(false);
        kill();
        CampagneService campagnes = app.getBean(CampagneService.class);
        long t0 = System.nanoTime();
        Exception failure = null;
        try {
            campagnes.current();
        } catch (Exception e) {
            failure = e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Base arrêtée : échec d'une lecture en " + millis + " ms");
        assertThat(failure).isNotNull();
        assertThat(DatabaseUnavailable.isCause(failure)).as(String.valueOf(failure)).isTrue();
        assertThat(millis).isLessThan(5_000);

        UI.setCurrent(new UI());
        try {
            ErrorView page = new ErrorView();
            assertThat(page.show("communs", failure)).isEqualTo(503);
            assertThat(page.heading()).isEqualTo("Service momentanément indisponible");
            assertThat(page.getPageTitle()).startsWith("Service momentanément indisponible");
            assertThat(page.getElement().getOuterHTML()).contains("Réessayer", "Nouvel essai automatique");
        } finally {
            UI.setCurrent(null);
        }

        long h0 = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health");
        System.out.println("Base arrêtée : /actuator/health répond en " + (System.nanoTime() - h0) / 1_000_000 + " ms");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    @Order(6)
    void with_the_database_down_the_application_stops_within_ten_seconds() {
        long t0 = System.nanoTime();
        app.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Arrêt de l'application, base arrêtée : " + millis + " ms");
        assertThat(app.isActive()).isFalse();
        assertThat(millis).isLessThan(10_000);
    }

    /**
     * Holds the engine's row of {@code taskId} from another connection, runs the action on another thread until it
     * waits for that lock (mid-way: its rows written, its commit not done), kills the postmaster, and checks that after
     * the watchdog's restart every table is exactly as before the action.
     */
    private static void killWhileStuck(String taskId, Runnable action) throws Exception {
        Map<String, String> before = snapshot();
        int restarts = pg.restarts();
        Throwable outcome = null;
        Connection holder = dataSource.getConnection();
        try {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT 1 FROM act_ru_task WHERE id_ = '" + taskId + "' FOR UPDATE");
            }
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    action.run();
                } finally {
                    fx.logout();
                }
            });
            waitUntil(() -> running.isDone() || waitingOnLock(holder), "l'action attend le verrou");
            assertThat(running).as("l'action est arrêtée à mi-chemin").isNotDone();
            kill();
            try {
                running.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                outcome = e.getCause();
            }
        } finally {
            try {
                holder.close(); // died with the server
            } catch (java.sql.SQLException expected) {
                // nothing to give back
            }
        }
        assertThat(outcome).as("l'action interrompue échoue").isNotNull();
        assertThat(DatabaseUnavailable.isCause(outcome)).as(String.valueOf(outcome)).isTrue();
        waitUntil(() -> pg.restarts() > restarts, "PostgreSQL redémarré par la surveillance");
        waitUntil(DatabaseFailureIT::databaseAnswers, "le pool se reconnecte");
        assertThat(snapshot()).as("chaque table est exactement comme avant l'action").isEqualTo(before);
    }

    private static boolean waitingOnLock(Connection holder) {
        try (Statement s = holder.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void kill() throws Exception {
        long pid = pg.postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        assertThat(postmaster.destroyForcibly()).isTrue(); // SIGKILL
        waitUntil(() -> !SupervisedPostgres.isAlive(pid), "postmaster arrêté");
    }

    private static boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * The content of every table of our schema and of the engine (except the engine's id block and metrics, written
     * in transactions of their own), as one hash per table.
     */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT table_schema || '.' || table_name FROM information_schema.tables
                    WHERE table_schema IN ('app', 'public') AND table_type = 'BASE TABLE'
                      AND table_name NOT IN ('act_ge_property', 'act_ru_meter_log', 'act_ru_task_meter_log',
                                             'flyway_schema_history')
                    ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                        + table + " t")) {
                    rs.next();
                    hashes.put(table, rs.getString(1));
                }
            }
        }
        return hashes;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("attendu en vain : " + what);
            }
            Thread.sleep(50);
        }
    }
}
