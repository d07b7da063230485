package fr.communs.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.ValidationException;
import org.junit.jupiter.api.Test;

class NomsFichiersTest {

    @Test
    void only_the_last_segment_of_a_path_is_kept() {
        assertThat(NomsFichiers.nettoyer("../../etc/passwd")).isEqualTo("passwd");
        assertThat(NomsFichiers.nettoyer("C:\\Documents\\Budget prévisionnel.xlsx")).isEqualTo("Budget prévisionnel.xlsx");
    }

    @Test
    void control_and_invisible_formatting_characters_are_removed_and_forbidden_ones_replaced() {
        assertThat(NomsFichiers.nettoyer("rapport\u202Efdp.exe")).isEqualTo("rapportfdp.exe");
        assertThat(NomsFichiers.nettoyer("a\r\nb\t c.pdf")).isEqualTo("ab c.pdf");
        assertThat(NomsFichiers.nettoyer("qui?\"quoi\"<>.pdf")).isEqualTo("qui__quoi___.pdf");
        assertThat(NomsFichiers.nettoyer("  .cache.pdf ")).isEqualTo("cache.pdf");
    }

    @Test
    void a_name_with_nothing_usable_is_refused_in_french() {
        for (String nom : new String[] {null, "", "   ", "..", "dossier/", "\u0000\u0001"}) {
            assertThatThrownBy(() -> NomsFichiers.nettoyer(nom)).as(String.valueOf(nom))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("nom du fichier");
        }
    }

    @Test
    void a_long_name_is_cut_to_255_characters_keeping_its_extension_and_whole_characters() {
        String nom = NomsFichiers.nettoyer("😀".repeat(200) + ".pdf");
        assertThat(nom).hasSizeLessThanOrEqualTo(255).endsWith(".pdf");
        assertThat(Character.isHighSurrogate(nom.charAt(nom.length() - 5))).isFalse();
        assertThat(NomsFichiers.nettoyer("a".repeat(400))).hasSize(255);
    }

    @Test
    void the_extension_of_the_detected_format_is_added_when_the_name_has_another_one() {
        assertThat(NomsFichiers.avecExtension("statuts.PDF", FormatPiece.PDF)).isEqualTo("statuts.PDF");
        assertThat(NomsFichiers.avecExtension("photo.jpeg", FormatPiece.JPEG)).isEqualTo("photo.jpeg");
        assertThat(NomsFichiers.avecExtension("page.html", FormatPiece.PDF)).isEqualTo("page.html.pdf");
        assertThat(NomsFichiers.avecExtension("budget", FormatPiece.XLSX)).isEqualTo("budget.xlsx");
        assertThat(NomsFichiers.avecExtension("b".repeat(255), FormatPiece.ODS)).hasSize(255).endsWith(".ods");
    }

    @Test
    void sizes_read_in_french_units() {
        assertThat(Tailles.texte(0)).isEqualTo("0 o");
        assertThat(Tailles.texte(850)).isEqualTo("850 o");
        assertThat(Tailles.texte(12 * 1024)).isEqualTo("12 Ko");
        assertThat(Tailles.texte(12_897_485)).isEqualTo("12,3 Mo");
        assertThat(Tailles.texte(50L * 1024 * 1024)).isEqualTo("50 Mo");
    }
}
