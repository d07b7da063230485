package fr.communs.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import fr.communs.base.CommunStatut;
import fr.communs.dossier.Colonne;
import fr.communs.dossier.DossierLigne;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV and ODS writers of the file list, without a server. */
class DossierExporterTest {
    private static final DossierLigne JARDIN = new DossierLigne(12, "Jardin \"partagé\"; quartier nord",
            CommunStatut.EN_INSTRUCTION, "Les Jardins de l'Écusson", List.of("Défi 1", "Défi 3"), "Alès, Nîmes",
            // 22h30 UTC on 31 May is 00h30 on 1 June in Paris.
            OffsetDateTime.of(2025, 5, 31, 22, 30, 0, 0, ZoneOffset.UTC), 7L, "Claire Fabre",
            LocalDateTime.of(2025, 6, 21, 23, 59), List.of("À relancer", "Complet"));
    private static final DossierLigne FORMULE = new DossierLigne(13, "=HYPERLINK(\"http://exemple\")",
            CommunStatut.EN_CONSTITUTION, "-Structure", List.of(), null, null, null, null, null, List.of());

    private static String lien(long id) {
        return "https://communs.example/dossiers/" + id;
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_and_uses_semicolons_and_quotes_where_needed() {
        String csv = new String(DossierExporter.csv(List.of(JARDIN), List.of(Colonne.values()), DossierExporterTest::lien),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\ufeffTitre;État;Porteur administratif;Défis;Territoire;Transmis le;Instructeur;"
                + "Échéance;Étiquettes;Lien\r\n");
        assertThat(csv.substring(1).lines().toList().get(1)).isEqualTo("\"Jardin \"\"partagé\"\"; quartier nord\";"
                + "En instruction;Les Jardins de l'Écusson;Défi 1, Défi 3;Alès, Nîmes;01/06/2025 00:30;Claire Fabre;"
                + "21/06/2025;À relancer, Complet;https://communs.example/dossiers/12");
    }

    @Test
    void the_csv_holds_only_the_chosen_columns_in_the_given_order_and_reads_back_to_the_same_values() throws IOException {
        String csv = new String(DossierExporter.csv(List.of(JARDIN, FORMULE),
                List.of(Colonne.ECHEANCE, Colonne.TITRE), DossierExporterTest::lien), StandardCharsets.UTF_8);

        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsExactly("Échéance", "Titre");
        assertThat(records.get(1).values()).containsExactly("21/06/2025", "Jardin \"partagé\"; quartier nord");
        assertThat(records.get(2).values()).containsExactly("", "'=HYPERLINK(\"http://exemple\")");
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        assertThat(DossierExporter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(DossierExporter.neutralise("+33 4 66")).isEqualTo("'+33 4 66");
        assertThat(DossierExporter.neutralise("-Structure")).isEqualTo("'-Structure");
        assertThat(DossierExporter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DossierExporter.neutralise("Jardin = partage")).isEqualTo("Jardin = partage");
        assertThat(DossierExporter.neutralise("")).isEmpty();
    }

    @Test
    void the_ods_has_a_header_row_and_one_row_per_file_with_text_cells() throws IOException {
        byte[] ods = DossierExporter.ods(List.of(JARDIN, FORMULE), List.of(Colonne.TITRE, Colonne.TRANSMIS_LE,
                Colonne.ETIQUETTES, Colonne.LIEN), DossierExporterTest::lien);

        SpreadSheet read = new SpreadSheet(new ByteArrayInputStream(ods));
        assertThat(read.getNumSheets()).isEqualTo(1);
        Sheet sheet = read.getSheet(0);
        assertThat(sheet.getName()).isEqualTo("Dossiers");
        Object[][] v = sheet.getDataRange().getValues();
        assertThat(v).hasNumberOfRows(3);
        assertThat(v[0]).containsExactly("Titre", "Transmis le", "Étiquettes", "Lien");
        assertThat(v[1]).containsExactly("Jardin \"partagé\"; quartier nord", "01/06/2025 00:30", "À relancer, Complet",
                "https://communs.example/dossiers/12");
        // A text cell, not a formula: the spreadsheet shows it as written.
        assertThat(v[2][0]).isEqualTo("=HYPERLINK(\"http://exemple\")");
        assertThat(sheet.getRange(2, 0).getFormula()).isNull();
        assertThat(sheet.getRange(0, 0).getStyle().isBold()).isTrue();
    }
}
