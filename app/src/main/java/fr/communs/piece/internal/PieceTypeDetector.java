package fr.communs.piece.internal;

import fr.communs.piece.FormatPiece;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Recognises an accepted format from the bytes of a file, never from its name: Apache Tika's magic numbers, then, for
 * ZIP containers (which tika-core alone reports as {@code application/x-tika-ooxml} or {@code application/zip}), a
 * look inside the archive: a Word or Excel document (docx, xlsx) is accepted, a macro-enabled one (docm, xlsm, any
 * {@code vbaProject.bin}) or any other archive is not.
 */
@Component
public class PieceTypeDetector {
    private static final String OOXML = "application/x-tika-ooxml";
    private static final String ZIP = "application/zip";
    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final int CONTENT_TYPES_MAX = 512 * 1024;

    private final Tika tika = new Tika();

    public Optional<FormatPiece> detect(Path file) {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // No name given to Tika: the content alone decides.
            type = MediaType.parse(tika.detect(in)).getBaseType().toString();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (type.equals(OOXML) || type.equals(ZIP) || type.equals(FormatPiece.DOCX.typeMime())
                || type.equals(FormatPiece.XLSX.typeMime()) || type.equals(FormatPiece.ODT.typeMime())
                || type.equals(FormatPiece.ODS.typeMime())) {
            return inspectZip(file);
        }
        return Arrays.stream(FormatPiece.values())
                .filter(f -> f != FormatPiece.DOCX && f != FormatPiece.XLSX && f.typeMime().equals(type))
                .findFirst();
    }

    private static Optional<FormatPiece> inspectZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // Active content is refused: VBA / Basic macros and scripts, embedded OLE objects, ActiveX controls.
            boolean active = Collections.list(zip.entries()).stream().map(e -> e.getName().toLowerCase(Locale.ROOT))
                    .anyMatch(n -> n.endsWith("vbaproject.bin") || n.startsWith("basic/") || n.startsWith("scripts/")
                            || n.contains("/embeddings/") || n.contains("/activex/"));
            if (active) {
                return Optional.empty();
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String odf = read(zip, mimetype, 200).strip();
                return odf.equals(FormatPiece.ODT.typeMime()) ? Optional.of(FormatPiece.ODT)
                        : odf.equals(FormatPiece.ODS.typeMime()) ? Optional.of(FormatPiece.ODS) : Optional.empty();
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes == null) {
                return Optional.empty();
            }
            boolean macros = Collections.list(zip.entries()).stream()
                    .anyMatch(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
            String types = read(zip, contentTypes, CONTENT_TYPES_MAX);
            if (macros || types.toLowerCase(Locale.ROOT).contains("macroenabled")) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null && types.contains(DOCX_MAIN)) {
                return Optional.of(FormatPiece.DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null && types.contains(XLSX_MAIN)) {
                return Optional.of(FormatPiece.XLSX);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** At most {@code max} bytes of an entry (an entry announcing a small size may inflate to much more). */
    private static String read(ZipFile zip, ZipEntry entry, int max) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }
}
