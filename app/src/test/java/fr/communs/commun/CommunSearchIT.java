package fr.communs.commun;

import fr.communs.base.CommunStatut;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public list "Communs déposés" on embedded PostgreSQL. Other tests share the database: each test tags its
 * communs with a word of its own and checks them, not the whole list.
 */
@SpringBootTest
@ActiveProfiles("test")
class CommunSearchIT {
    private static final String NIMES = "30189";
    private static final String ALES = "30007";

    @Autowired Fixtures fx;
    @Autowired CommunService communs;
    @Autowired CommunSearchService search;
    @Autowired CampagneService campagnes;
    @Autowired TransactionTemplate tx;

    long porteur;
    String porteurEmail;
    Defi defi1;
    Defi defi2;
    String tag;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        List<Defi> defis = campagnes.current().orElseThrow().defis();
        defi1 = defis.get(0);
        defi2 = defis.get(1);
        tag = "zq" + Long.toString(System.nanoTime(), 36);
        fx.as(porteurEmail);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private CommunData data(String titre, Defi defi, Set<Enjeu> enjeux, Set<String> communes) {
        return new CommunData(titre, "Un résumé " + tag, "Un besoin du territoire", null, null, Set.of(defi.id()),
                enjeux, Echelle.VILLAGE, false, false, communes, null);
    }

    private long publish(String titre, Defi defi, Set<Enjeu> enjeux, Set<String> communes) {
        return communs.depositIdea(porteur, data(titre, defi, enjeux, communes));
    }

    private List<Long> ids(CommunFilter filter) {
        return search.search(filter, 0, 200).stream().map(CommunSummary::id).toList();
    }

    private static CommunFilter texte(String texte) {
        return new CommunFilter(texte, null, null, null, null, false);
    }

    private void transmitted(long communId) {
        tx.executeWithoutResult(s -> communs.changeStatut(communId, CommunStatut.EN_INSTRUCTION));
    }

    @Test
    void each_filter_alone_keeps_only_the_matching_published_communs() {
        long ecole = publish("Cantine de l'École " + tag, defi1, Set.of(Enjeu.ENFANCE), Set.of(NIMES));
        long jardin = publish("Jardin partagé " + tag, defi2, Set.of(Enjeu.CLIMAT, Enjeu.PAUVRETE), Set.of(ALES));
        long transmis = publish("Tiers-lieu " + tag, defi2, Set.of(), Set.of(NIMES, ALES));
        transmitted(transmis);

        assertThat(ids(texte(tag))).containsExactly(transmis, jardin, ecole);
        assertThat(ids(texte("jardin " + tag))).containsExactly(jardin);
        assertThat(ids(new CommunFilter(null, null, defi1.id(), null, null, false)))
                .contains(ecole).doesNotContain(jardin, transmis);
        assertThat(ids(new CommunFilter(null, null, defi2.id(), null, null, false)))
                .contains(jardin, transmis).doesNotContain(ecole);
        assertThat(ids(new CommunFilter(null, null, null, Enjeu.CLIMAT, null, false)))
                .contains(jardin).doesNotContain(ecole, transmis);
        assertThat(ids(new CommunFilter(null, null, null, Enjeu.ENFANCE, null, false)))
                .contains(ecole).doesNotContain(jardin, transmis);
        assertThat(ids(new CommunFilter(null, null, null, null, ALES, false)))
                .contains(jardin, transmis).doesNotContain(ecole);
        assertThat(ids(new CommunFilter(null, null, null, null, NIMES, false)))
                .contains(ecole, transmis).doesNotContain(jardin);
        assertThat(ids(new CommunFilter(null, CommunStatut.EN_INSTRUCTION, null, null, null, false)))
                .contains(transmis).doesNotContain(ecole, jardin);
        assertThat(ids(new CommunFilter(null, CommunStatut.EN_CONSTITUTION, null, null, null, false)))
                .contains(ecole, jardin).doesNotContain(transmis);
        assertThat(ids(CommunFilter.none())).contains(ecole, jardin, transmis);
    }

    @Test
    void filters_combine_and_every_criterion_must_match() {
        long ecole = publish("École du vent " + tag, defi1, Set.of(Enjeu.ENFANCE, Enjeu.CLIMAT), Set.of(NIMES));
        long jardin = publish("Jardin " + tag, defi1, Set.of(Enjeu.CLIMAT), Set.of(ALES));
        long atelier = publish("Atelier " + tag, defi2, Set.of(Enjeu.CLIMAT), Set.of(NIMES));

        assertThat(ids(new CommunFilter(tag, null, defi1.id(), Enjeu.CLIMAT, null, false)))
                .containsExactly(jardin, ecole);
        assertThat(ids(new CommunFilter(tag, null, defi1.id(), Enjeu.CLIMAT, NIMES, false))).containsExactly(ecole);
        assertThat(ids(new CommunFilter(tag, CommunStatut.EN_CONSTITUTION, null, Enjeu.CLIMAT, NIMES, true)))
                .containsExactly(atelier, ecole);
        assertThat(ids(new CommunFilter(tag, null, defi2.id(), Enjeu.ENFANCE, null, false))).isEmpty();
        assertThat(ids(new CommunFilter(tag, CommunStatut.LAUREAT, defi1.id(), null, null, false))).isEmpty();
        assertThat(search.count(new CommunFilter(tag, null, defi1.id(), Enjeu.CLIMAT, null, false))).isEqualTo(2);
    }

    @Test
    void drafts_are_never_listed_whatever_the_filter() {
        long draft = communs.createDraft(porteur, data("Brouillon " + tag, defi1, Set.of(Enjeu.CLIMAT), Set.of(NIMES)));
        int before = search.count(CommunFilter.none());
        Integer constitutionBefore = search.countsByStatut().get(CommunStatut.EN_CONSTITUTION);
        long published = publish("Publié " + tag, defi1, Set.of(Enjeu.CLIMAT), Set.of(NIMES));

        assertThat(ids(texte(tag))).containsExactly(published);
        assertThat(ids(CommunFilter.none())).contains(published).doesNotContain(draft);
        assertThat(ids(new CommunFilter(tag, null, defi1.id(), Enjeu.CLIMAT, NIMES, true))).containsExactly(published);
        assertThat(ids(new CommunFilter(null, CommunStatut.BROUILLON, null, null, null, false))).isEmpty();
        assertThat(search.count(new CommunFilter(null, CommunStatut.BROUILLON, null, null, null, false))).isZero();
        assertThat(search.count(CommunFilter.none())).isEqualTo(before + 1);
        assertThat(search.countsByStatut()).doesNotContainKey(CommunStatut.BROUILLON)
                .containsEntry(CommunStatut.EN_CONSTITUTION, constitutionBefore + 1);
    }

    @Test
    void text_search_ignores_case_and_accents_on_both_sides_and_looks_in_the_summary() {
        long ecole = publish("Cantine de l'ÉCOLE Élémentaire " + tag, defi1, Set.of(), Set.of());
        long foret = communs.depositIdea(porteur, new CommunData("Forêt " + tag, "Gestion de la forêt d'Aubais, cœur du village",
                "Un besoin", null, null, Set.of(defi1.id()), Set.of(), null, false, false, Set.of(), null));

        assertThat(ids(texte("ecole " + tag))).containsExactly(ecole);
        assertThat(ids(texte("élémentaire " + tag.toUpperCase()))).containsExactly(ecole);
        assertThat(ids(texte("l’école " + tag))).containsExactly(ecole);
        assertThat(ids(texte("AUBAIS " + tag))).containsExactly(foret);
        assertThat(ids(texte("coeur " + tag))).containsExactly(foret);
        assertThat(ids(texte("ecole aubais " + tag))).isEmpty();
        assertThat(ids(texte("100% " + tag))).isEmpty();
        assertThat(ids(texte("_ " + tag))).isEmpty();
    }

    @Test
    void text_is_bounded_to_100_characters() {
        String longText = tag + " " + "x".repeat(200);
        CommunFilter f = texte(longText);
        assertThat(f.texte()).hasSizeLessThanOrEqualTo(100).startsWith(tag);
        assertThat(texte("   ").texte()).isNull();
        assertThat(texte("   ").isEmpty()).isTrue();
        long id = publish("Borné " + tag, defi1, Set.of(), Set.of());
        assertThat(ids(texte(tag + " " + "x".repeat(200)))).isEmpty();
        assertThat(ids(texte(tag + "      "))).containsExactly(id);
    }

    @Test
    void pages_follow_each_other_most_recently_published_first_and_count_equals_the_search_size() {
        long[] created = new long[5];
        for (int i = 0; i < 5; i++) {
            created[i] = publish("Page " + i + " " + tag, defi1, Set.of(), Set.of());
        }
        CommunFilter f = texte(tag);
        assertThat(search.count(f)).isEqualTo(5).isEqualTo(search.search(f, 0, 200).size());
        assertThat(search.search(f, 0, 2)).extracting(CommunSummary::id).containsExactly(created[4], created[3]);
        assertThat(search.search(f, 2, 2)).extracting(CommunSummary::id).containsExactly(created[2], created[1]);
        assertThat(search.search(f, 4, 2)).extracting(CommunSummary::id).containsExactly(created[0]);
        assertThat(search.search(f, 5, 2)).isEmpty();
        assertThat(search.search(f, -3, 0)).extracting(CommunSummary::id).containsExactly(created[4]);
        assertThat(search.search(f, 0, 10_000)).hasSize(5);
        CommunFilter none = CommunFilter.none();
        assertThat(search.search(none, 0, 10_000)).hasSize(Math.min(200, search.count(none)));
    }

    @Test
    void cherche_des_partenaires_keeps_groupements_in_constitution_that_ask_for_partners() {
        long cherche = publish("Cherche " + tag, defi1, Set.of(), Set.of());
        long complet = publish("Complet " + tag, defi1, Set.of(), Set.of());
        communs.setCherchePartenaires(complet, false);
        long transmis = publish("Transmis " + tag, defi1, Set.of(), Set.of());
        transmitted(transmis);
        CommunFilter f = new CommunFilter(tag, null, null, null, null, true);

        assertThat(ids(f)).containsExactly(cherche);
        assertThat(search.count(f)).isEqualTo(1);
        assertThat(ids(new CommunFilter(null, null, null, null, null, true))).contains(cherche)
                .doesNotContain(complet, transmis);
        assertThat(search.search(texte(tag), 0, 10)).extracting(CommunSummary::id, CommunSummary::cherchePartenaires)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(transmis, false),
                        org.assertj.core.groups.Tuple.tuple(complet, false),
                        org.assertj.core.groups.Tuple.tuple(cherche, true));
    }

    @Test
    void a_line_gives_porteur_defis_state_groupement_size_and_publication_date() {
        long id = communs.depositIdea(porteur, new CommunData("Ligne " + tag, "Résumé de la ligne", "Besoin", null, null,
                Set.of(defi2.id(), defi1.id()), Set.of(), null, false, false, Set.of(), null));
        CommunSummary line = search.search(texte(tag), 0, 10).get(0);
        Commun commun = communs.get(id);

        assertThat(line.id()).isEqualTo(id);
        assertThat(line.titre()).isEqualTo("Ligne " + tag);
        assertThat(line.resume()).isEqualTo("Résumé de la ligne");
        assertThat(line.porteurNom()).isEqualTo(commun.porteurNom());
        assertThat(line.statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(line.defis()).containsExactly(defi1.numero(), defi2.numero());
        assertThat(line.nombreStructures()).isEqualTo(1);
        assertThat(line.cherchePartenaires()).isTrue();
        assertThat(line.publieLe()).isNotNull().isAtSameInstantAs(commun.publieLe());
    }
}
