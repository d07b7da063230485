package fr.communs.comite.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The comité's scoring grid, a setting of the campagne. Campagnes created here live in a transaction rolled back at
 * the end, so that the other tests keep the current appel.
 */
@SpringBootTest
@ActiveProfiles("test")
class GrilleServiceIT {
    @Autowired Fixtures fx;
    @Autowired GrilleService grilles;
    @Autowired NotationService notations;
    @Autowired CampagneService campagnes;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** In a rolled-back transaction: a new campagne created by an administrator, then {@code test} on it. */
    private void surUneNouvelleCampagne(LongConsumer test) {
        fx.campagne();
        String admin = fx.admin();
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            fx.as(admin);
            long id = campagnes.create(new CampagneSettings("Appel de test de la grille", "Département", "Gard", "30",
                    OffsetDateTime.now().plusDays(30), null), List.<String[]>of(new String[] {"Un défi"}));
            test.accept(id);
        });
    }

    @Test
    void a_new_campagne_gets_the_calls_four_criteria_on_zero_to_five_with_equal_weights() {
        surUneNouvelleCampagne(id -> {
            assertThat(grilles.grille(id)).extracting(Critere::numero, Critere::libelle, Critere::noteMax).containsExactly(
                    tuple(1, "Nombre et typologie des contributeurs", 5),
                    tuple(2, "Gouvernance démocratique, coopérative et transparente", 5),
                    tuple(3, "Pertinence des projets en lien avec les défis", 5),
                    tuple(4, "Pertinence de la proposition relativement à la notion de communs", 5));
            assertThat(grilles.grille(id)).extracting(Critere::poids).allSatisfy(p -> assertThat(p).isEqualByComparingTo("1"));
            assertThat(grilles.modifiable(id)).isTrue();
        });
    }

    @Test
    void an_administrator_sets_criteria_weights_and_scale_stored_as_typed() {
        surUneNouvelleCampagne(id -> {
            grilles.enregistrer(id, List.of(new CritereData("  Ancrage territorial  ", 2, 10),
                    new CritereData("Ouverture aux contributeurs", 1, 4)));
            assertThat(grilles.grille(id)).extracting(Critere::numero, Critere::libelle, Critere::noteMax)
                    .containsExactly(tuple(1, "Ancrage territorial", 10), tuple(2, "Ouverture aux contributeurs", 4));
            assertThat(grilles.grille(id).get(0).poids()).isEqualByComparingTo(new BigDecimal("2"));
        });
    }

    @Test
    void a_bad_grid_is_refused_in_french_and_the_grid_is_unchanged() {
        surUneNouvelleCampagne(id -> {
            List<Critere> avant = grilles.grille(id);
            List<List<CritereData>> mauvaises = new ArrayList<>();
            mauvaises.add(List.of());
            mauvaises.add(null);
            mauvaises.add(List.of(new CritereData("  ", 1, 5)));
            mauvaises.add(List.of(new CritereData("Poids nul", 0, 5)));
            mauvaises.add(List.of(new CritereData("Poids trop grand", 101, 5)));
            mauvaises.add(List.of(new CritereData("Sans poids", null, 5)));
            mauvaises.add(List.of(new CritereData("Échelle nulle", 1, 0)));
            mauvaises.add(List.of(new CritereData("Échelle trop grande", 1, 21)));
            mauvaises.add(List.of(new CritereData("x".repeat(GrilleService.LIBELLE_MAX + 1), 1, 5)));
            mauvaises.add(List.of(new CritereData("Doublon", 1, 5), new CritereData("doublon", 1, 5)));
            mauvaises.add(Arrays.asList(new CritereData("Un", 1, 5), null));
            List<CritereData> onze = new ArrayList<>();
            for (int i = 0; i < GrilleService.CRITERES_MAX + 1; i++) {
                onze.add(new CritereData("Critère " + i, 1, 5));
            }
            mauvaises.add(onze);
            for (List<CritereData> g : mauvaises) {
                assertThatThrownBy(() -> grilles.enregistrer(id, g)).as(String.valueOf(g))
                        .isInstanceOf(ValidationException.class).hasMessageMatching("(?s).*[a-zé].*");
                assertThat(grilles.grille(id)).isEqualTo(avant);
            }
        });
    }

    @Test
    void an_administrator_sets_the_quorum_as_a_whole_percentage_and_bad_values_change_nothing() {
        surUneNouvelleCampagne(id -> {
            assertThat(grilles.quorumPourcent(id)).isEqualTo(50);
            grilles.enregistrerQuorum(id, 60);
            assertThat(grilles.quorumPourcent(id)).isEqualTo(60);
            for (Integer mauvais : Arrays.asList(0, -5, 101, null)) {
                assertThatThrownBy(() -> grilles.enregistrerQuorum(id, mauvais)).as(String.valueOf(mauvais))
                        .isInstanceOf(ValidationException.class).hasMessageMatching("(?si).*quorum.*");
                assertThat(grilles.quorumPourcent(id)).isEqualTo(60);
            }
        });
    }

    @Test
    void the_quorum_does_not_change_while_a_seance_of_the_appel_is_open_nor_by_anyone_but_an_administrator() {
        fx.campagne();
        long id = campagnes.current().orElseThrow().id();
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.enAudition(t.communId());
        fx.as(fx.admin());
        int avant = grilles.quorumPourcent(id);
        assertThatThrownBy(() -> grilles.enregistrerQuorum(id, avant == 50 ? 60 : 50))
                .isInstanceOf(ValidationException.class).hasMessageContaining("séance de cet appel est ouverte");
        assertThat(grilles.quorumPourcent(id)).isEqualTo(avant);
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> grilles.enregistrerQuorum(id, 60)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void only_an_administrator_changes_the_grid() {
        fx.campagne();
        long id = campagnes.current().orElseThrow().id();
        for (String role : List.of(Roles.AGENT, Roles.COMITE, Roles.STRUCTURE)) {
            fx.as(fx.account(role));
            assertThatThrownBy(() -> grilles.enregistrer(id, GrilleService.PAR_DEFAUT)).as(role)
                    .isInstanceOf(NotAllowedException.class);
        }
    }

    @Test
    void once_a_member_has_scored_the_grid_no_longer_changes_and_the_scores_use_it() {
        fx.campagne();
        long campagne = campagnes.current().orElseThrow().id();
        fx.account(Roles.COMITE);
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.enAudition(t.communId());
        var task = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).get(0);
        fx.as(fx.emailOf(Long.parseLong(task.getAssignee())));
        assertThat(notations.fiche(task.getId()).grille()).extracting(Critere::id)
                .containsExactlyElementsOf(grilles.grille(campagne).stream().map(Critere::id).toList()).isNotEmpty();
        fx.score(task, 4);

        fx.as(fx.admin());
        List<Critere> avant = grilles.grille(campagne);
        assertThat(grilles.modifiable(campagne)).isFalse();
        assertThatThrownBy(() -> grilles.enregistrer(campagne, List.of(new CritereData("Nouveau", 1, 5))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ont déjà noté avec cette grille");
        assertThat(grilles.grille(campagne)).isEqualTo(avant);
    }
}
