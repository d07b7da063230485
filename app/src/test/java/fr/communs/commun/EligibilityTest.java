package fr.communs.commun;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.structure.FormeJuridique;
import fr.communs.structure.StatutVerification;
import fr.communs.structure.Structure;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The groupement's eligibility rules, over every size from 1 to 12 and every mix. */
class EligibilityTest {
    private static final OffsetDateTime CONFIRMED = OffsetDateTime.now();

    private static Structure s(long id, boolean ess, String dep) {
        return new Structure(id, "S" + id, ess ? FormeJuridique.ASSOCIATION : FormeJuridique.AUTRE, ess, "C", dep, null);
    }

    private static MembreGroupement m(Structure s, RoleGroupement role, boolean confirmed) {
        return new MembreGroupement(s, role, confirmed ? CONFIRMED : null);
    }

    /**
     * n members of which q qualify (ESS and in the Gard); the non-qualifying ones are alternately non-ESS in the
     * Gard and ESS outside it. The porteur is a qualifying member or not; one member may be unconfirmed.
     */
    private static List<MembreGroupement> groupement(int n, int q, boolean porteurQualifies, boolean allConfirmed) {
        List<MembreGroupement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Structure s = i < q ? s(i, true, "30") : (i % 2 == 0 ? s(i, false, "30") : s(i, true, "34"));
            list.add(m(s, RoleGroupement.MEMBRE, !(i == n - 1 && !allConfirmed)));
        }
        int porteur = porteurQualifies ? 0 : q;          // the first qualifying, or the first non-qualifying one
        MembreGroupement p = list.get(porteur);
        list.set(porteur, m(p.structure(), RoleGroupement.PORTEUR, p.confirme()));
        return list;
    }

    /** Every size 1–12, every number of qualifying members 0–n, porteur qualifying or not, all confirmed or not. */
    static Stream<Arguments> allMixes() {
        return IntStream.rangeClosed(1, 12).boxed().flatMap(n -> IntStream.rangeClosed(0, n).boxed()
                .flatMap(q -> Stream.of(true, false).filter(pq -> pq ? q > 0 : q < n)
                        .flatMap(pq -> Stream.of(true, false).map(c -> Arguments.of(n, q, pq, c)))));
    }

    @ParameterizedTest(name = "{0} structures dont {1} ESS dans le Gard, porteur qualifié {2}, tous confirmés {3}")
    @MethodSource("allMixes")
    void eligibility_is_three_structures_two_thirds_ess_in_the_territory_a_qualified_porteur_and_all_confirmed(
            int n, int q, boolean porteurQualifies, boolean allConfirmed) {
        Eligibility e = Eligibility.evaluate(groupement(n, q, porteurQualifies, allConfirmed), "30", "Gard");
        boolean expected = n >= 3 && 3 * q >= 2 * n && porteurQualifies && allConfirmed;
        assertThat(e.eligible()).isEqualTo(expected);
        assertThat(e.rules().get(0).ok()).isEqualTo(n >= 3);
        assertThat(e.rules().get(1).ok()).isEqualTo(3 * q >= 2 * n);
        assertThat(e.rules().get(2).ok()).isEqualTo(porteurQualifies);
        assertThat(e.rules().get(3).ok()).isEqualTo(allConfirmed);
        if (!e.rules().get(1).ok()) {
            long missing = Eligibility.missingQualifying(n, q);
            assertThat(3 * (q + missing)).isGreaterThanOrEqualTo(2 * (n + missing));
            assertThat(3 * (q + missing - 1)).isLessThan(2 * (n + missing - 1));
            assertThat(e.rules().get(1).explication()).contains("il en faudrait " + missing);
        }
    }

    @ParameterizedTest(name = "{0} sur {1} : {2}")
    @CsvSource({"2,3,true", "1,3,false", "3,4,true", "2,4,false", "4,5,true", "3,5,false", "4,6,true", "3,6,false",
            "5,7,true", "4,7,false", "6,9,true", "5,9,false", "8,12,true", "7,12,false"})
    void the_two_thirds_boundaries_are_exact(int q, int n, boolean ok) {
        assertThat(Eligibility.evaluate(groupement(n, q, true, true), "30", "Gard").rules().get(1).ok()).isEqualTo(ok);
    }

    @Test
    void the_porteur_must_be_ess_and_in_the_territory() {
        List<MembreGroupement> membres = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            membres.add(m(s(i, true, "30"), RoleGroupement.MEMBRE, true));
        }
        membres.add(m(s(99, true, "34"), RoleGroupement.PORTEUR, true));
        Eligibility e = Eligibility.evaluate(membres, "30", "Gard");
        assertThat(e.rules().get(1).ok()).isTrue();
        assertThat(e.rules().get(2).ok()).isFalse();
        assertThat(e.eligible()).isFalse();
        assertThat(e.rules().get(2).explication()).contains("doit relever de l'ESS");
    }

    @Test
    void the_territory_is_a_setting_of_the_campagne() {
        List<MembreGroupement> herault = List.of(m(s(1, true, "34"), RoleGroupement.PORTEUR, true),
                m(s(2, true, "34"), RoleGroupement.MEMBRE, true), m(s(3, true, "34"), RoleGroupement.MEMBRE, true));
        assertThat(Eligibility.evaluate(herault, "30", "Gard").eligible()).isFalse();
        assertThat(Eligibility.evaluate(herault, "34", "Hérault").eligible()).isTrue();
    }

    @Test
    void a_small_groupement_says_how_many_structures_are_missing() {
        Eligibility e = Eligibility.evaluate(groupement(2, 2, true, true), "30", "Gard");
        assertThat(e.rules().get(0).ok()).isFalse();
        assertThat(e.rules().get(0).explication()).contains("il en manque 1");
    }

    @Test
    void unconfirmed_members_are_named_and_declared_statuses_are_said_to_be_unverified() {
        Structure verified = new Structure(1, "Vérifiée", null, null, FormeJuridique.ASSOCIATION, false, null, false,
                true, null, "Nîmes", "30", null, null, null, Set.of(), null, null, null, StatutVerification.VERIFIEE, null, 0);
        List<MembreGroupement> membres = List.of(m(verified, RoleGroupement.PORTEUR, true),
                m(s(2, true, "30"), RoleGroupement.MEMBRE, false), m(s(3, true, "30"), RoleGroupement.CONTRIBUTEUR, true));
        Eligibility e = Eligibility.evaluate(membres, "30", "Gard");
        assertThat(e.rules().get(3).ok()).isFalse();
        assertThat(e.rules().get(3).explication()).isEqualTo("En attente de confirmation : S2.");
        assertThat(e.rules().get(1).explication()).contains("dont 2 selon leur déclaration, pas encore vérifiée");
        assertThat(e.rules().get(2).explication()).contains("(vérifié)");
    }

    // --- The file's rules: SIRET of the porteur, what the campagne requires ---

    private static Structure avecSiret(Structure s, String siret) {
        return new Structure(s.id(), s.nom(), siret, null, s.formeJuridique(), false, null, false, s.ess(), null,
                s.commune(), s.codeDepartement(), null, null, null, Set.of(), null, null, null,
                StatutVerification.A_VERIFIER, null, 0);
    }

    private static List<MembreGroupement> troisMembres(String siretDuPorteur) {
        return List.of(m(avecSiret(s(1, true, "30"), siretDuPorteur), RoleGroupement.PORTEUR, true),
                m(s(2, true, "30"), RoleGroupement.MEMBRE, true), m(s(3, true, "30"), RoleGroupement.CONTRIBUTEUR, true));
    }

    @Test
    void the_porteur_administratif_must_have_a_siret_since_it_receives_the_subsidy() {
        Eligibility.Rule sans = Eligibility.porteurSiret(troisMembres(null));
        assertThat(sans.ok()).isFalse();
        assertThat(sans.libelle()).isEqualTo("SIRET du porteur administratif");
        assertThat(sans.explication()).contains("« S1 » n'a pas de SIRET").contains("reçoit la subvention");
        assertThat(Eligibility.porteurSiret(troisMembres(" ")).ok()).isFalse();

        Eligibility.Rule avec = Eligibility.porteurSiret(troisMembres("73282932000074"));
        assertThat(avec.ok()).isTrue();
        assertThat(avec.explication()).contains("« S1 » a un SIRET (732 829 320 00074)");
        // Members without a SIRET do not matter: only the porteur receives the money.
        assertThat(Eligibility.porteurSiret(List.of(m(s(2, true, "30"), RoleGroupement.MEMBRE, true))).ok()).isFalse();
    }

    @Test
    void a_campagne_that_requires_nothing_adds_no_rule() {
        assertThat(Eligibility.exigences(Set.of(), troisMembres("73282932000074"), List.of(), null)).isEmpty();
    }

    @Test
    void required_attachments_say_which_are_missing_and_for_which_structure() {
        Set<fr.communs.campagne.Exigence> exigees = Set.of(fr.communs.campagne.Exigence.STATUTS_PORTEUR,
                fr.communs.campagne.Exigence.BUDGET_PIECE, fr.communs.campagne.Exigence.LETTRES_ENGAGEMENT);
        List<MembreGroupement> membres = troisMembres("73282932000074");
        // Statuts deposited for another member, a lettre d'engagement for S2 only: the porteur's statuts, the budget
        // document and S3's lettre are missing.
        List<Eligibility.PieceDeposee> pieces = List.of(new Eligibility.PieceDeposee("STATUTS", 2),
                new Eligibility.PieceDeposee("LETTRE_ENGAGEMENT", 2), new Eligibility.PieceDeposee("AUTRE", 1));
        List<Eligibility.Rule> rules = Eligibility.exigences(exigees, membres, pieces, null);
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.libelle()).isEqualTo("Pièces exigées par l'appel");
            assertThat(r.ok()).isFalse();
            assertThat(r.explication()).contains("les statuts du porteur administratif, déposés au nom de « S1 »")
                    .contains("le budget prévisionnel détaillé").contains("une lettre d'engagement au nom de « S3 »")
                    .doesNotContain("« S2 »");
        });

        List<Eligibility.PieceDeposee> toutes = new ArrayList<>(pieces);
        toutes.addAll(List.of(new Eligibility.PieceDeposee("STATUTS", 1), new Eligibility.PieceDeposee("BUDGET", 3),
                new Eligibility.PieceDeposee("LETTRE_ENGAGEMENT", 3)));
        assertThat(Eligibility.exigences(exigees, membres, toutes, null)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.explication()).startsWith("Déposées : statuts du porteur administratif");
        });
    }

    @Test
    void the_budget_requirement_is_met_only_by_a_balanced_budget_with_its_amount_requested() {
        Set<fr.communs.campagne.Exigence> exigees = Set.of(fr.communs.campagne.Exigence.BUDGET_SAISI);
        List<MembreGroupement> membres = troisMembres("73282932000074");
        assertThat(Eligibility.exigences(exigees, membres, List.of(), null)).singleElement().satisfies(r -> {
            assertThat(r.libelle()).isEqualTo("Montant demandé et budget prévisionnel");
            assertThat(r.ok()).isFalse();
            assertThat(r.explication()).contains("« Budget prévisionnel »");
        });
        var desequilibre = new fr.communs.budget.Budget(new java.math.BigDecimal("5000"),
                List.of(new fr.communs.budget.LigneBudget("Animation", new java.math.BigDecimal("12000"))),
                List.of(new fr.communs.budget.LigneBudget("Autofinancement", new java.math.BigDecimal("5000"))));
        assertThat(Eligibility.exigences(exigees, membres, List.of(), desequilibre)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.explication().replaceAll("[\\u00a0\\u202f]", " ")).contains("12 000,00").contains("10 000,00")
                    .contains("2 000,00");
        });
        var equilibre = new fr.communs.budget.Budget(new java.math.BigDecimal("7000"),
                List.of(new fr.communs.budget.LigneBudget("Animation", new java.math.BigDecimal("12000"))),
                List.of(new fr.communs.budget.LigneBudget("Autofinancement", new java.math.BigDecimal("5000"))));
        assertThat(Eligibility.exigences(exigees, membres, List.of(), equilibre)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.explication().replaceAll("[\\u00a0\\u202f]", " ")).contains("7 000,00").contains("12 000,00")
                    .contains("58 %");
        });
    }
}
