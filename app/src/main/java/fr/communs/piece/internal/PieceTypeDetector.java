package fr.communs.piece.internal;

import fr.communs.piece.FormatPiece;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Recognises an accepted format from the bytes of a file, never from its name: Apache Tika's magic numbers, then, for
 * ZIP containers (which tika-core alone reports as {@code application/x-tika-ooxml} or {@code application/zip}), a
 * look inside the archive: a Word or Excel document (docx, xlsx) or an OpenDocument (odt, ods) is accepted; a
 * macro-enabled one (docm, xlsm, any {@code vbaProject.bin}, Basic or script libraries), one with embedded objects or
 * ActiveX controls, or any other archive is not.
 *
 * <p>Archives are opened with limits ({@code communs.pieces.archive.entrees-max} entries,
 * {@code communs.pieces.archive.taille-max} once expanded): the expanded size is counted on the bytes actually
 * inflated, never on the sizes the archive announces, so a "decompression bomb" (1 MB that expands to 1 GB) is
 * refused after inflating at most the limit.
 */
@Component
public class PieceTypeDetector {
    private static final String OOXML = "application/x-tika-ooxml";
    private static final String ZIP = "application/zip";
    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final int CONTENT_TYPES_MAX = 512 * 1024;

    /** Why a file was not recognised as an accepted format. */
    public enum Refus {
        /** Not one of the accepted formats (or a damaged archive). */
        FORMAT_INCONNU,
        /** A document with macros (VBA project, macro-enabled type, Basic or script libraries). */
        MACROS,
        /** A document with embedded objects (OLE) or ActiveX controls. */
        OBJETS_ACTIFS,
        /** An archive that expands beyond {@link #archiveTailleMax()}. */
        ARCHIVE_TROP_VOLUMINEUSE,
        /** An archive of more than {@link #archiveEntreesMax()} entries. */
        ARCHIVE_TROP_DE_FICHIERS
    }

    /** The format recognised, or why none was. */
    public record Detection(FormatPiece format, Refus refus) {
        static Detection of(FormatPiece format) {
            return new Detection(format, null);
        }

        static Detection refus(Refus refus) {
            return new Detection(null, refus);
        }

        public boolean reconnu() {
            return format != null;
        }
    }

    private final Tika tika = new Tika();
    private final long archiveTailleMax;
    private final int archiveEntreesMax;

    PieceTypeDetector(@Value("${communs.pieces.archive.taille-max:200MB}") DataSize archiveTailleMax,
                      @Value("${communs.pieces.archive.entrees-max:1000}") int archiveEntreesMax) {
        this.archiveTailleMax = archiveTailleMax.toBytes();
        this.archiveEntreesMax = archiveEntreesMax;
        if (this.archiveTailleMax <= 0 || archiveEntreesMax <= 0) {
            throw new IllegalStateException("Réglages des pièces jointes incohérents : communs.pieces.archive.taille-max ("
                    + archiveTailleMax + ") et communs.pieces.archive.entrees-max (" + archiveEntreesMax + ") doivent être positifs.");
        }
    }

    /** Largest expanded size of a document that is an archive (docx, xlsx, odt, ods), in bytes. */
    public long archiveTailleMax() {
        return archiveTailleMax;
    }

    /** Largest number of entries of a document that is an archive. */
    public int archiveEntreesMax() {
        return archiveEntreesMax;
    }

    public Detection detect(Path file) {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // No name given to Tika: the content alone decides.
            type = MediaType.parse(tika.detect(in)).getBaseType().toString();
        } catch (IOException e) {
            return Detection.refus(Refus.FORMAT_INCONNU);
        }
        if (type.equals(OOXML) || type.equals(ZIP) || type.equals(FormatPiece.DOCX.typeMime())
                || type.equals(FormatPiece.XLSX.typeMime()) || type.equals(FormatPiece.ODT.typeMime())
                || type.equals(FormatPiece.ODS.typeMime())) {
            return inspectZip(file);
        }
        return Arrays.stream(FormatPiece.values())
                .filter(f -> f != FormatPiece.DOCX && f != FormatPiece.XLSX && f.typeMime().equals(type))
                .findFirst().map(Detection::of).orElse(Detection.refus(Refus.FORMAT_INCONNU));
    }

    private Detection inspectZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // The count read from the central directory, before listing anything.
            if (zip.size() > archiveEntreesMax) {
                return Detection.refus(Refus.ARCHIVE_TROP_DE_FICHIERS);
            }
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            if (entries.size() > archiveEntreesMax) {
                return Detection.refus(Refus.ARCHIVE_TROP_DE_FICHIERS);
            }
            if (!expandsWithinLimit(zip, entries)) {
                return Detection.refus(Refus.ARCHIVE_TROP_VOLUMINEUSE);
            }
            List<String> names = entries.stream().map(e -> e.getName().toLowerCase(Locale.ROOT)).toList();
            // Active content is refused: VBA / Basic macros and scripts, embedded OLE objects, ActiveX controls.
            if (names.stream().anyMatch(n -> n.endsWith("vbaproject.bin") || n.startsWith("basic/") || n.startsWith("scripts/"))) {
                return Detection.refus(Refus.MACROS);
            }
            if (names.stream().anyMatch(n -> n.contains("/embeddings/") || n.contains("/activex/"))) {
                return Detection.refus(Refus.OBJETS_ACTIFS);
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String odf = read(zip, mimetype, 200).strip();
                return odf.equals(FormatPiece.ODT.typeMime()) ? Detection.of(FormatPiece.ODT)
                        : odf.equals(FormatPiece.ODS.typeMime()) ? Detection.of(FormatPiece.ODS)
                        : Detection.refus(Refus.FORMAT_INCONNU);
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes == null) {
                return Detection.refus(Refus.FORMAT_INCONNU);
            }
            String types = read(zip, contentTypes, CONTENT_TYPES_MAX);
            if (types.toLowerCase(Locale.ROOT).contains("macroenabled")) {
                return Detection.refus(Refus.MACROS);
            }
            if (zip.getEntry("word/document.xml") != null && types.contains(DOCX_MAIN)) {
                return Detection.of(FormatPiece.DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null && types.contains(XLSX_MAIN)) {
                return Detection.of(FormatPiece.XLSX);
            }
            return Detection.refus(Refus.FORMAT_INCONNU);
        } catch (IOException | RuntimeException e) {
            return Detection.refus(Refus.FORMAT_INCONNU);
        }
    }

    /**
     * Whether all the entries together expand to at most the limit: first the sizes the archive announces (a bomb
     * that tells the truth is refused without inflating anything), then the bytes really inflated, stopping as soon
     * as the limit is crossed (an archive may announce small sizes and inflate to much more).
     */
    private boolean expandsWithinLimit(ZipFile zip, List<ZipEntry> entries) throws IOException {
        long announced = 0;
        for (ZipEntry entry : entries) {
            if (entry.getSize() > 0) {
                announced += entry.getSize();
            }
            if (announced > archiveTailleMax) {
                return false;
            }
        }
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        for (ZipEntry entry : entries) {
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > archiveTailleMax) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** At most {@code max} bytes of an entry (an entry announcing a small size may inflate to much more). */
    private static String read(ZipFile zip, ZipEntry entry, int max) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }
}
