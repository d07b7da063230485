package fr.communs.commun;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.structure.FormeJuridique;
import fr.communs.structure.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The groupement's eligibility rules, over every size from 1 to 12 and every mix. */
class EligibilityTest {

    private static Structure s(long id, boolean ess, String dep) {
        return new Structure(id, "S" + id, ess ? FormeJuridique.ASSOCIATION : FormeJuridique.AUTRE, ess, "C", dep, null);
    }

    /** n members: the porteur (qualifying) first, then q-1 qualifying, then others alternately non-ESS / outside. */
    private static List<Structure> groupement(int n, int q) {
        List<Structure> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i < q ? s(i, true, "30") : (i % 2 == 0 ? s(i, false, "30") : s(i, true, "34")));
        }
        return list;
    }

    static Stream<Arguments> allMixes() {
        return IntStream.rangeClosed(1, 12).boxed()
                .flatMap(n -> IntStream.rangeClosed(1, n).mapToObj(q -> Arguments.of(n, q)));
    }

    @ParameterizedTest(name = "{0} structures dont {1} ESS dans le Gard")
    @MethodSource("allMixes")
    void eligibility_is_three_structures_and_two_thirds_ess_in_the_territory(int n, int q) {
        List<Structure> membres = groupement(n, q);
        Eligibility e = Eligibility.evaluate(membres, membres.get(0), "30", "Gard");
        boolean expected = n >= 3 && q * 3 >= n * 2;
        assertThat(e.eligible()).isEqualTo(expected);
        assertThat(e.rules().get(1).ok()).isEqualTo(3 * q >= 2 * n);
        if (!e.rules().get(1).ok()) {
            long missing = Eligibility.missingQualifying(n, q);
            assertThat(3 * (q + missing)).isGreaterThanOrEqualTo(2 * (n + missing));
            assertThat(3 * (q + missing - 1)).isLessThan(2 * (n + missing - 1));
            assertThat(e.rules().get(1).explication()).contains("il en faudrait " + missing);
        }
    }

    @ParameterizedTest(name = "{0} sur {1} : {2}")
    @CsvSource({"2,3,true", "3,4,true", "2,4,false", "4,5,true", "3,5,false", "4,6,true", "3,6,false", "5,7,true",
            "4,7,false", "6,9,true", "5,9,false", "8,12,true", "7,12,false"})
    void the_two_thirds_boundaries_are_exact(int q, int n, boolean ok) {
        List<Structure> membres = groupement(n, q);
        assertThat(Eligibility.evaluate(membres, membres.get(0), "30", "Gard").rules().get(1).ok()).isEqualTo(ok);
    }

    @Test
    void the_porteur_must_be_ess_and_in_the_territory() {
        List<Structure> membres = new ArrayList<>(groupement(4, 4));
        Structure outside = s(99, true, "34");
        membres.add(outside);
        Eligibility e = Eligibility.evaluate(membres, outside, "30", "Gard");
        assertThat(e.rules().get(2).ok()).isFalse();
        assertThat(e.eligible()).isFalse();
        assertThat(e.rules().get(2).explication()).contains("doit relever de l'ESS");
    }

    @Test
    void the_territory_is_a_setting_of_the_campagne() {
        List<Structure> herault = List.of(s(1, true, "34"), s(2, true, "34"), s(3, true, "34"));
        assertThat(Eligibility.evaluate(herault, herault.get(0), "30", "Gard").eligible()).isFalse();
        assertThat(Eligibility.evaluate(herault, herault.get(0), "34", "Hérault").eligible()).isTrue();
    }

    @Test
    void a_small_groupement_says_how_many_structures_are_missing() {
        List<Structure> two = groupement(2, 2);
        Eligibility e = Eligibility.evaluate(two, two.get(0), "30", "Gard");
        assertThat(e.rules().get(0).ok()).isFalse();
        assertThat(e.rules().get(0).explication()).contains("il en manque 1");
    }
}
