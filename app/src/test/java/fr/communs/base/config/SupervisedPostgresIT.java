package fr.communs.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL requires its password, upgrades a directory of the earlier version, restarts when killed. */
class SupervisedPostgresIT {
    @TempDir Path tmp;

    @Test
    void a_data_directory_created_the_old_way_with_trust_is_upgraded_to_a_required_password() throws Exception {
        Path dir = tmp.resolve("pgdata");
        int oldPort;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dir)
                .setCleanDataDirectory(false).start()) {
            oldPort = old.getPort();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + oldPort + "/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE gardee (valeur text)");
                s.execute("INSERT INTO gardee VALUES ('données de la version précédente')");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

        try (SupervisedPostgres pg = SupervisedPostgres.start(dir, false, Map.of(), false)) {
            assertPasswordRequired(pg);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", pg.password());
                 Statement s = c.createStatement(); var rs = s.executeQuery("SELECT valeur FROM gardee")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("données de la version précédente");
            }
        }
        // The next start reads the same password.
        String password = Files.readString(dir.resolve(SupervisedPostgres.PASSWORD_FILE)).strip();
        try (SupervisedPostgres again = SupervisedPostgres.start(dir, false, Map.of(), false)) {
            assertThat(again.password()).isEqualTo(password);
            assertPasswordRequired(again);
        }
    }

    @Test
    void a_new_data_directory_requires_a_random_password_kept_readable_by_the_owner_only() throws Exception {
        try (SupervisedPostgres pg = SupervisedPostgres.start(tmp.resolve("neuf"), false, Map.of(), false)) {
            assertThat(pg.password()).hasSizeGreaterThanOrEqualTo(32);
            assertPasswordRequired(pg);
        }
    }

    @Test
    void a_killed_postmaster_is_restarted_on_the_same_directory_and_port_with_its_data() throws Exception {
        try (SupervisedPostgres pg = SupervisedPostgres.start(tmp.resolve("surveille"), false,
                Map.of("synchronous_commit", "on"), true)) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", pg.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v int)");
                s.execute("INSERT INTO t VALUES (42)");
            }
            long pid = pg.postmasterPid();
            long killed = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.currentTimeMillis() + 60_000;
            while (pg.restarts() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            long restartMillis = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("PostgreSQL embarqué redémarré " + restartMillis + " ms après le SIGKILL");
            assertThat(pg.restarts()).isEqualTo(1);
            assertThat(pg.postmasterPid()).isNotEqualTo(pid);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", pg.password());
                 Statement s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static void assertPasswordRequired(SupervisedPostgres pg) throws Exception {
        Path file = pg.dataDirectory().resolve(SupervisedPostgres.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(pg.password());
        assertThat(Files.readString(pg.dataDirectory().resolve("pg_hba.conf"))).isEqualTo(SupervisedPostgres.PG_HBA);
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), "postgres", "mauvais").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        DriverManager.getConnection(pg.jdbcUrl(), "postgres", pg.password()).close();
    }
}
