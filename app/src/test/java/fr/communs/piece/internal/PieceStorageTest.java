package fr.communs.piece.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PieceStorageTest {

    @TempDir
    Path dir;

    @Test
    void deposits_left_unfinished_by_a_crash_are_removed_at_start_up_but_kept_files_and_recent_ones_stay() throws Exception {
        PieceStorage storage = new PieceStorage(dir.toString(), "");
        Path stale = Files.writeString(dir.resolve(".depot-123.tmp"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.writeString(dir.resolve(".depot-456.tmp"), "y");      // maybe being received right now
        PieceStorage.Reception reception = storage.receive(new ByteArrayInputStream("%PDF-1.4".getBytes()), 1000);
        String cle = "0f8fad5b-d9cb-469f-a165-70867728950e";
        storage.keep(reception, cle);
        Files.setLastModifiedTime(dir.resolve(cle), FileTime.from(Instant.now().minus(3, ChronoUnit.HOURS)));

        assertThat(storage.removeStaleTemporaries()).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(storage.exists(cle)).isTrue();
    }
}
