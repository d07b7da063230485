package fr.communs.commune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void accents_and_case_are_dropped() {
        assertThat(CommuneService.normalize("NÎMES")).isEqualTo("nimes");
        assertThat(CommuneService.normalize("Molières-sur-Cèze")).isEqualTo("molieres sur ceze");
        assertThat(CommuneService.normalize("Alès")).isEqualTo("ales");
        assertThat(CommuneService.normalize("Ébreuil")).isEqualTo("ebreuil");
    }

    @Test
    void apostrophes_and_hyphens_become_single_spaces() {
        assertThat(CommuneService.normalize("L'Île-d'Yeu")).isEqualTo("l ile d yeu");
        assertThat(CommuneService.normalize("L’Abergement-Clémenciat")).isEqualTo("l abergement clemenciat");
        assertThat(CommuneService.normalize("  Saint -  Gilles  ")).isEqualTo("saint gilles");
    }

    @Test
    void ligatures_are_spelt_out() {
        assertThat(CommuneService.normalize("Œuilly")).isEqualTo("oeuilly");
        assertThat(CommuneService.normalize("Lætitia")).isEqualTo("laetitia");
    }

    @Test
    void nothing_gives_an_empty_string() {
        assertThat(CommuneService.normalize(null)).isEmpty();
        assertThat(CommuneService.normalize("   ")).isEmpty();
    }
}
