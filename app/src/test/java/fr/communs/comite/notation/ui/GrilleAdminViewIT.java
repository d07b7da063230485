package fr.communs.comite.notation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.campagne.CampagneService;
import fr.communs.comite.notation.GrilleService;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The grid's screen once members have scored: read only, with the reason; the quorum is refused during a séance. */
@SpringBootTest
@ActiveProfiles("test")
class GrilleAdminViewIT {
    @Autowired Fixtures fx;
    @Autowired ApplicationContext context;
    @Autowired GrilleService grilles;
    @Autowired CampagneService campagnes;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    @Test
    void after_a_first_score_the_grid_is_shown_read_only_and_the_quorum_change_during_an_open_seance_is_refused_on_screen() {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.scored(t.communId());
        fx.as(fx.admin());
        long campagne = campagnes.current().orElseThrow().id();
        int quorum = grilles.quorumPourcent(campagne);

        GrilleAdminView page = new GrilleAdminView(grilles, campagnes);
        String texte = Views.text(page);
        assertThat(texte).contains("Grille de notation et quorum du comité", "Des membres ont déjà noté avec cette grille");
        assertThat(page.criteres).hasSize(grilles.grille(campagne).size())
                .allSatisfy(l -> assertThat(l.libelle().isReadOnly()).isTrue());
        assertThat(page.criteres.get(0).libelle().getValue()).isEqualTo(grilles.grille(campagne).get(0).libelle());
        assertThat(page.enregistrer.isVisible()).isFalse();
        assertThat(page.ajouter.isVisible()).isFalse();
        assertThat(page.quorum.getValue()).isEqualTo(quorum);

        page.quorum.setValue(quorum == 50 ? 60 : 50);
        page.enregistrerQuorum.click();
        assertThat(page.errorsQuorum.shown()).singleElement().asString().contains("séance de cet appel est ouverte");
        assertThat(grilles.quorumPourcent(campagne)).isEqualTo(quorum);
    }
}
