package fr.communs.dossier.internal;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import com.github.miachm.sods.Style;
import fr.communs.base.Dates;
import fr.communs.dossier.Colonne;
import fr.communs.dossier.DossierLigne;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes files of the list as CSV (semicolon-separated, UTF-8 with a byte order mark, for French spreadsheet
 * software) or as an OpenDocument spreadsheet, with the chosen columns only, dates in French format.
 */
public final class DossierExporter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private DossierExporter() {
    }

    /** CSV with a header line; {@code lien} gives the absolute link to a file's page from its id. */
    public static byte[] csv(List<DossierLigne> lignes, List<Colonne> colonnes, LongFunction<String> lien) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader(colonnes.stream().map(Colonne::entete).toArray(String[]::new)).get();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write('\ufeff');
            try (CSVPrinter csv = new CSVPrinter(out, format)) {
                for (DossierLigne l : lignes) {
                    csv.printRecord(colonnes.stream().map(c -> neutralise(value(l, c, lien))).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An OpenDocument spreadsheet (one sheet "Dossiers", bold header row), every cell a text. */
    public static byte[] ods(List<DossierLigne> lignes, List<Colonne> colonnes, LongFunction<String> lien) {
        Sheet sheet = new Sheet("Dossiers", lignes.size() + 1, colonnes.size());
        Style entete = new Style();
        entete.setBold(true);
        for (int col = 0; col < colonnes.size(); col++) {
            Colonne c = colonnes.get(col);
            sheet.getRange(0, col).setValue(c.entete());
            sheet.getRange(0, col).setStyle(entete);
            sheet.setColumnWidth(col, largeur(c));
            for (int row = 0; row < lignes.size(); row++) {
                String v = value(lignes.get(row), c, lien);
                if (v != null && !v.isEmpty()) {
                    sheet.getRange(row + 1, col).setValue(v);
                }
            }
        }
        SpreadSheet spreadsheet = new SpreadSheet();
        spreadsheet.appendSheet(sheet);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            spreadsheet.save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The text of a cell (empty when there is nothing to show). */
    static String value(DossierLigne l, Colonne c, LongFunction<String> lien) {
        return switch (c) {
            case TITRE -> l.titre();
            case ETAT -> l.statut().libelle();
            case PORTEUR -> l.porteur();
            case DEFIS -> String.join(", ", l.defis());
            case TERRITOIRE -> l.territoire() == null ? "" : l.territoire();
            case TRANSMIS_LE -> l.transmisLe() == null ? "" : DATE_HEURE.format(l.transmisLe().atZoneSameInstant(Dates.ZONE));
            case INSTRUCTEUR -> l.instructeurNom() == null ? "" : l.instructeurNom();
            case ECHEANCE -> l.echeance() == null ? "" : DATE.format(l.echeance());
            case ETIQUETTES -> String.join(", ", l.etiquettes());
            case LIEN -> lien.apply(l.communId());
        };
    }

    /** A cell a spreadsheet would run as a formula ("=", "+", "-", "@"…) is prefixed with an apostrophe. */
    static String neutralise(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Column width in millimetres. */
    private static double largeur(Colonne c) {
        return switch (c) {
            case TITRE, PORTEUR, TERRITOIRE, LIEN -> 60.0;
            case ETAT, INSTRUCTEUR, ETIQUETTES -> 45.0;
            default -> 28.0;
        };
    }
}
