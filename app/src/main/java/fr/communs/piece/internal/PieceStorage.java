package fr.communs.piece.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bytes of the attachments, on disk, outside the web root: one file per attachment, named by its random storage
 * key. A deposit is first written to a temporary file of the same directory, then moved atomically to its key once
 * it has been accepted.
 *
 * <p>Directory: {@code communs.pieces.dossier} when set; otherwise {@code pieces} next to the embedded PostgreSQL
 * data directory ({@code communs.embedded-postgres.data-dir}, i.e. {@code ~/.communs/pieces} by default, or the
 * parent of {@code COMMUNS_DATA_DIR}) — never inside PostgreSQL's own directory; without either (the test profile),
 * a temporary directory per Spring context, deleted when the context closes.
 */
@Component
public class PieceStorage {
    private static final Logger log = LoggerFactory.getLogger(PieceStorage.class);
    private static final Pattern CLE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PREFIXE_TEMPORAIRE = ".depot-";

    private final Path directory;
    private final boolean temporary;

    PieceStorage(@Value("${communs.pieces.dossier:}") String dossier,
                 @Value("${communs.embedded-postgres.data-dir:}") String pgDataDir) throws IOException {
        if (!dossier.isBlank()) {
            directory = Path.of(dossier.strip()).toAbsolutePath().normalize();
            temporary = false;
        } else if (!pgDataDir.isBlank()) {
            Path pg = Path.of(pgDataDir.strip()).toAbsolutePath().normalize();
            directory = (pg.getParent() == null ? pg : pg.getParent()).resolve("pieces");
            temporary = false;
        } else {
            directory = Files.createTempDirectory("communs-pieces-");
            temporary = true;
        }
        log.info("Pièces jointes stockées dans {}", directory);
    }

    /**
     * At start-up, removes the temporary files a crash left behind (deposits being received, older than an hour):
     * they were never accepted, so no row points to them.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public int removeStaleTemporaries() {
        return removeTemporariesOlderThan(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
    }

    int removeTemporariesOlderThan(java.time.Instant limit) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PREFIXE_TEMPORAIRE)).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Impossible de nettoyer les dépôts inachevés de {}", directory, e);
        }
        if (removed > 0) {
            log.info("{} dépôt(s) inachevé(s) supprimé(s) de {}", removed, directory);
        }
        return removed;
    }

    /** The directory of the attachments (created on the first deposit). */
    public Path directory() {
        return directory;
    }

    /** A deposit written to a temporary file, not yet accepted. */
    public record Reception(Path fichier, long taille, String sha256) {
    }

    /** The content is larger than the limit; nothing was kept. */
    public static class TooLargeException extends RuntimeException {
        public TooLargeException() {
            super("Fichier trop volumineux");
        }
    }

    /**
     * Copies the content to a temporary file, reading at most {@code max} bytes (plus one buffer): the size declared
     * by the client is never trusted. Throws {@link TooLargeException} past the limit, {@link UncheckedIOException}
     * if the content cannot be read in full; in both cases the temporary file is deleted.
     */
    public Reception receive(InputStream content, long max) {
        Path tmp;
        try {
            ensureDirectory();
            tmp = Files.createTempFile(directory, PREFIXE_TEMPORAIRE, ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest sha256 = sha256();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = content.read(buffer)) != -1) {
                total += n;
                if (total > max) {
                    throw new TooLargeException();
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        return new Reception(tmp, total, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Moves an accepted deposit to its storage key, atomically (same directory). */
    public void keep(Reception reception, String cle) {
        try {
            Files.move(reception.fichier(), resolve(cle), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file of a deposit if it is still there (refused, or failed before being kept). */
    public void discard(Reception reception) {
        deleteQuietly(reception.fichier());
    }

    public InputStream open(String cle) throws IOException {
        return Files.newInputStream(resolve(cle));
    }

    public boolean exists(String cle) {
        return Files.isRegularFile(resolve(cle));
    }

    /** Deletes a kept file (transaction rolled back, attachment deleted); a failure is logged, never thrown. */
    public void delete(String cle) {
        deleteQuietly(resolve(cle));
    }

    private Path resolve(String cle) {
        if (cle == null || !CLE.matcher(cle).matches()) {
            throw new IllegalArgumentException("Clé de stockage invalide : " + cle);
        }
        return directory.resolve(cle);
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Impossible de supprimer le fichier {}", file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void deleteTemporaryDirectory() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(PieceStorage::deleteQuietly);
        } catch (IOException e) {
            log.warn("Impossible de vider {}", directory, e);
        }
        deleteQuietly(directory);
    }
}
