package fr.communs.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiantsTest {

    @ParameterizedTest(name = "SIRET {0} : {1}")
    @CsvSource({
            "73282932000074, true",      // Luhn key correct
            "44306184100047, true",
            "73282932000075, false",     // wrong key
            "7328293200007, false",      // 13 digits
            "7328293200007A, false",
            "35600000000048, true",      // La Poste, head office: Luhn (digit sum 26)
            "35600000049837, true",      // La Poste establishment: digit sum multiple of 5, Luhn fails
            "35600000009075, true",      // La Poste establishment: digit sum 35
            "35600000000014, false",     // La Poste establishment passing Luhn, digit sum 19: La Poste's rule only
            "35600000000022, false",     // idem, digit sum 18
            "35600000012345, false",     // La Poste, neither rule
            "35600000009076, false",     // La Poste, digit sum 36
            "12345678901234, false"})    // digit sum multiple of 5 but not La Poste
    void siret_has_fourteen_digits_and_a_luhn_key_except_la_poste(String siret, boolean valid) {
        assertThat(Identifiants.siretValide(siret)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "RNA {0} : {1}")
    @CsvSource({"W302000123, true", "W2A1234567, true", "W30200012, false", "X302000123, false", "w302000123, false"})
    void rna_is_w_followed_by_nine_digits(String rna, boolean valid) {
        assertThat(Identifiants.rnaValide(rna)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"'732 829 320 00074', 73282932000074", "'w302.000.123', W302000123"})
    void spaces_and_dots_typed_in_identifiers_are_removed(String typed, String compact) {
        assertThat(Identifiants.compact(typed)).isEqualTo(compact);
    }

    @ParameterizedTest(name = "{0} ESUS={1} SIAE={2} EA={3} → {4}")
    @CsvSource({"ASSOCIATION,false,,false,true", "SCIC,false,,false,true", "AUTRE,true,,false,true", "AUTRE,false,EI,false,true",
            "AUTRE,false,,true,true", "AUTRE,false,,false,false", "COLLECTIVITE,false,,false,false"})
    void ess_status_derives_from_legal_form_and_agrements(FormeJuridique forme, boolean esus, SiaeType siae, boolean ea,
                                                         boolean ess) {
        assertThat(EssRule.isEss(forme, esus, siae, ea)).isEqualTo(ess);
        assertThat(EssRule.explain(forme, esus, siae, ea)).startsWith(ess ? "Relève de l'ESS" : "Ne relève pas");
    }
}
