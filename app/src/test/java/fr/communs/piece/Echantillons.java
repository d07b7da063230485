package fr.communs.piece;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind, built in memory for the tests. */
public final class Echantillons {
    private Echantillons() {
    }

    public static byte[] pdf(String texte) {
        return ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + texte
                + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png() {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0}, new byte[64]);
    }

    public static byte[] jpeg() {
        return concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1,
                0, 0, 1, 0, 1, 0, 0}, new byte[64]);
    }

    /** A Windows executable (starts with "MZ"), whatever it is named. */
    public static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>Statuts</title></head><body><script>alert('x')</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal Word document, as Word writes it ({@code [Content_Types].xml} first). */
    public static byte[] docx() {
        return ooxml("word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                        + "<w:t>Lettre d'engagement</w:t></w:r></w:p></w:body></w:document>", true);
    }

    /** The same document saved "with macros" (docm). */
    public static byte[] docm() {
        return ooxml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                true);
    }

    /** A minimal Excel workbook, its parts in an unusual order (so the ZIP is not recognised by its first entry). */
    public static byte[] xlsx() {
        return ooxml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>", false);
    }

    /** A minimal OpenDocument text, "mimetype" first and stored, as the format requires. */
    public static byte[] odt() {
        return odt(false);
    }

    /** The same OpenDocument text with a Basic macro library (active content, refused). */
    public static byte[] odtWithMacros() {
        return odt(true);
    }

    private static byte[] odt(boolean macros) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(mimetype);
                zip.closeEntry();
                put(zip, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
                put(zip, "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
                if (macros) {
                    put(zip, "Basic/Standard/Module1.xml", "<script:module script:name=\"Module1\">Sub Main : Shell(\"calc\") : End Sub</script:module>");
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An OpenDocument text whose {@code content.xml} expands to {@code octets} bytes of spaces: about 1 Mo for 1 Go
     * (deflate's best ratio is about 1 000 to 1). With {@code tailleAnnonceeMensongere}, the archive's central
     * directory announces 1 000 bytes for that entry instead of the truth (what a forged bomb does).
     */
    public static byte[] odtBombe(long octets, boolean tailleAnnonceeMensongere) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                putMimetype(zip, "application/vnd.oasis.opendocument.text");
                zip.putNextEntry(new ZipEntry("content.xml"));
                byte[] mo = new byte[1024 * 1024];
                Arrays.fill(mo, (byte) ' ');
                for (long written = 0; written < octets; written += mo.length) {
                    zip.write(mo, 0, (int) Math.min(mo.length, octets - written));
                }
                zip.closeEntry();
                put(zip, "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
            }
            byte[] archive = bytes.toByteArray();
            if (tailleAnnonceeMensongere) {
                // Central directory headers (PK\1\2): the uncompressed size is at offset 24, little-endian.
                for (int i = 0; i + 28 <= archive.length; i++) {
                    if (archive[i] == 'P' && archive[i + 1] == 'K' && archive[i + 2] == 1 && archive[i + 3] == 2) {
                        long taille = (archive[i + 24] & 0xffL) | (archive[i + 25] & 0xffL) << 8
                                | (archive[i + 26] & 0xffL) << 16 | (archive[i + 27] & 0xffL) << 24;
                        if (taille > 1000) {
                            archive[i + 24] = (byte) 0xe8;
                            archive[i + 25] = 0x03;
                            archive[i + 26] = 0;
                            archive[i + 27] = 0;
                        }
                    }
                }
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small OpenDocument text made of {@code entrees} entries in all (each a tiny picture file). */
    public static byte[] odtAvecEntrees(int entrees) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                putMimetype(zip, "application/vnd.oasis.opendocument.text");
                put(zip, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
                put(zip, "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
                for (int i = 3; i < entrees; i++) {
                    put(zip, "Pictures/image" + i + ".png", "x");
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document whose content types say "docx" but which carries a VBA project (a docm renamed and retyped). */
    public static byte[] docxAvecProjetVba() {
        return withExtraEntry(docx(), "word/vbaProject.bin", "\u00d0\u00cf\u0011\u00e0 VBA");
    }

    /** A Word document with an embedded OLE object. */
    public static byte[] docxAvecObjetIncorpore() {
        return withExtraEntry(docx(), "word/embeddings/oleObject1.bin", "\u00d0\u00cf\u0011\u00e0 OLE");
    }

    private static byte[] withExtraEntry(byte[] archive, String name, String content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes);
                 java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
                put(zip, name, content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putMimetype(ZipOutputStream zip, String type) throws IOException {
        byte[] mimetype = type.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(mimetype);
        zip.closeEntry();
    }

    /** A plain ZIP archive (not a document). */
    public static byte[] zip() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, "lisez-moi.txt", "Bonjour");
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ooxml(String mainPart, String mainType, String mainXml, boolean contentTypesFirst) {
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"" + mainPart + "\"/></Relationships>";
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                if (contentTypesFirst) {
                    put(zip, "[Content_Types].xml", contentTypes);
                }
                put(zip, "_rels/.rels", rels);
                put(zip, mainPart, mainXml);
                if (!contentTypesFirst) {
                    put(zip, "[Content_Types].xml", contentTypes);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * A PDF of {@code size} bytes generated on the fly ({@code Long.MAX_VALUE}: endless), which counts what was read
     * from it.
     */
    public static final class PdfGenere extends InputStream {
        private static final byte[] ENTETE = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long lu;

        public PdfGenere(long size) {
            this.size = size;
        }

        public long lu() {
            return lu;
        }

        @Override
        public int read() {
            if (lu >= size) {
                return -1;
            }
            int b = lu < ENTETE.length ? ENTETE[(int) lu] : ' ';
            lu++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (lu >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - lu);
            for (int i = 0; i < n; i++) {
                long pos = lu + i;
                buffer[off + i] = pos < ENTETE.length ? ENTETE[(int) pos] : (byte) ' ';
            }
            lu += n;
            return n;
        }
    }
}
