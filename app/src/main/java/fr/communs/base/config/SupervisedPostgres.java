package fr.communs.base.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky), started on one data directory and one port for the life of the application, with
 * a password, and restarted by a watchdog when its postmaster dies.
 *
 * <p><b>Password.</b> A random password is generated at the first start and kept in
 * {@value #PASSWORD_FILE} inside the data directory (mode 0600, like the directory itself: only the application's
 * user reads it). {@code pg_hba.conf} requires it ({@code scram-sha-256}) for every connection, local socket
 * included. A new directory is created that way by {@code initdb}; a directory of an earlier version (trust for every
 * local connection) is upgraded at start: password set by {@code ALTER ROLE}, {@code pg_hba.conf} rewritten and
 * reloaded.
 *
 * <p><b>Supervision.</b> Every {@value #WATCH_MILLIS} ms the watchdog checks that the postmaster whose pid is in
 * {@code postmaster.pid} is alive; if not, it starts PostgreSQL again on the same directory and port (PostgreSQL
 * replays its WAL: committed transactions are kept, the others are lost as a whole). The connection pool reconnects
 * by itself and the engine's job executor resumes on its next acquisition.
 */
final class SupervisedPostgres implements AutoCloseable {
    static final String PASSWORD_FILE = "communs-postgres.password";
    static final String USER = "postgres";
    private static final long WATCH_MILLIS = 500;
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SupervisedPostgres.class);

    static final String PG_HBA = """
            # Écrit par Communs (base/config/SupervisedPostgres) : toute connexion exige le mot de passe
            # conservé dans communs-postgres.password (lisible par l'utilisateur de l'application seulement).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final String PG_HBA_TRUST_FOR_UPGRADE = """
            # Temporaire (Communs) : le temps de poser le mot de passe au démarrage, puis remplacé.
            local   all   all                  trust
            host    all   all   127.0.0.1/32   trust
            host    all   all   ::1/128        trust
            """;

    private final Path dataDir;
    private final boolean temporary;
    private final Map<String, String> serverConfig;
    private final int port;
    private final String password;
    private final AtomicInteger restarts = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres current;
    private volatile long postmasterPid;
    private volatile boolean closing;
    private volatile boolean paused;

    private SupervisedPostgres(Path dataDir, boolean temporary, Map<String, String> serverConfig, boolean supervise)
            throws IOException {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.serverConfig = Map.copyOf(serverConfig);
        this.port = freePort();
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        if (fresh) {
            this.password = newPassword();
            this.current = startFresh();
        } else {
            if (Files.exists(passwordFile)) {
                this.password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } else {
                // Directory of an earlier version (trust), or password file lost: trust for this start only, on
                // localhost, until the password is set below.
                this.password = newPassword();
                writePrivate(dataDir.resolve("pg_hba.conf"), PG_HBA_TRUST_FOR_UPGRADE);
            }
            this.current = builder().start();
        }
        this.postmasterPid = readPostmasterPid();
        requirePassword(passwordFile);
        if (supervise) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "communs-postgres-watchdog");
                t.setDaemon(true);
                return t;
            });
            watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            watchdog = null;
        }
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (created by initdb when empty). {@code temporary}: the directory is deleted
     * at {@link #close()}.
     */
    static SupervisedPostgres start(Path dataDir, boolean temporary, Map<String, String> serverConfig, boolean supervise)
            throws IOException {
        Files.createDirectories(dataDir);
        return new SupervisedPostgres(dataDir, temporary, serverConfig, supervise);
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Path dataDirectory() {
        return dataDir;
    }

    /** The pid of the running postmaster (as written in {@code postmaster.pid}). */
    long postmasterPid() {
        return postmasterPid;
    }

    /** Suspends or resumes the watchdog (to observe the application with its database down). */
    void supervise(boolean on) {
        paused = !on;
    }

    /** How many times the watchdog restarted PostgreSQL. */
    int restarts() {
        return restarts.get();
    }

    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDir)
                // Never let zonky delete the directory: a restart closes the dead instance first.
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(20))
                .setConnectConfig("password", password);
        serverConfig.forEach(b::setServerConfig);
        return b;
    }

    /** initdb with the password required from the first second (no trust window), then start. */
    private EmbeddedPostgres startFresh() throws IOException {
        Path pwfile = Files.createTempFile("communs-pg-", ".pw"); // 0600
        try {
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            return builder()
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .start();
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * Makes sure the password file holds the password, the role has it and pg_hba.conf requires it (idempotent: only
     * acts when pg_hba.conf is not ours yet).
     */
    private void requirePassword(Path passwordFile) throws IOException {
        if (!Files.exists(passwordFile)
                || !Files.readString(passwordFile, StandardCharsets.UTF_8).strip().equals(password)) {
            writePrivate(passwordFile, password + "\n");
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
            return;
        }
        try (Connection c = current.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            // The password is base64url: no quote can end the literal.
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            writePrivate(hba, PG_HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Impossible de protéger le PostgreSQL embarqué par un mot de passe", e);
        }
        log.info("PostgreSQL embarqué : mot de passe exigé pour toute connexion (conservé dans {})", passwordFile);
    }

    private void watch() {
        if (closing || paused) {
            return;
        }
        try {
            if (!isAlive(postmasterPid)) {
                restart();
            }
        } catch (RuntimeException e) {
            log.error("Surveillance du PostgreSQL embarqué", e);
        }
    }

    private synchronized void restart() {
        if (closing) {
            return;
        }
        long started = System.nanoTime();
        log.warn("Le PostgreSQL embarqué (pid {}) s'est arrêté de façon inattendue : redémarrage sur {} (port {})",
                postmasterPid, dataDir, port);
        closeQuietly(current);
        long deadline = started + RESTART_PATIENCE.toNanos();
        IOException last = null;
        while (!closing && System.nanoTime() < deadline) {
            try {
                // The dead postmaster's backends may still hold its shared memory for a moment: retried.
                current = builder().start();
                postmasterPid = readPostmasterPid();
                restarts.incrementAndGet();
                log.warn("PostgreSQL embarqué redémarré en {} ms (pid {})",
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), postmasterPid);
                return;
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.error("Le PostgreSQL embarqué n'a pas pu redémarrer ; nouvel essai dans un instant", last);
    }

    private long readPostmasterPid() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
    }

    /** Alive and not a zombie (a killed postmaster whose parent has gone stays a zombie where nobody reaps it). */
    static boolean isAlive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(stat)) {
            try {
                String s = Files.readString(stat);
                char state = s.charAt(s.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException | RuntimeException e) {
                return false; // vanished meanwhile
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
        closing = true;
        if (watchdog != null) {
            // Interrupts a restart in progress (it checks "closing" too); never waits for it longer than a moment,
            // so that the application stops within seconds even when PostgreSQL cannot start again.
            watchdog.shutdownNow();
            try {
                watchdog.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(current);
        if (temporary) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                log.warn("Dossier temporaire de PostgreSQL non supprimé : {}", dataDir);
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg == null) {
            return;
        }
        try {
            pg.close(); // pg_ctl stop -m fast (returns at once when the server is already dead)
        } catch (IOException | RuntimeException e) {
            log.debug("Arrêt de PostgreSQL", e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
