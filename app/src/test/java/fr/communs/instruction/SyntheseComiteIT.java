package fr.communs.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.deport.DeportService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The instruction's synthesis for the comité: written by the service once the file is recevable, read by the comité
 * members of its séance before the audition (not by a recused member, nor before the file is on a séance), never the
 * agents' private notes.
 */
@SpringBootTest
@ActiveProfiles("test")
class SyntheseComiteIT {
    @Autowired Fixtures fx;
    @Autowired InstructionService instructions;
    @Autowired DeportService deports;
    @Autowired DSLContext dsl;

    Fixtures.Transmis t;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private String synthese() {
        return (String) dsl.fetchValue("select synthese_comite from app.instruction where commun_id = " + t.communId()
                + " and decision = 'RECEVABLE'");
    }

    @Test
    void the_service_writes_it_after_the_decision_and_the_members_of_the_seance_read_it_with_the_appreciations() {
        String autreAgent = fx.account(Roles.AGENT);
        fx.as(autreAgent);
        assertThatThrownBy(() -> instructions.saveSyntheseComite(t.communId(), "Trop tôt"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'a pas été déclaré recevable");

        agent = fx.recevable(t);
        fx.as(agent);
        instructions.annotate(t.communId(), "Note interne : à ne jamais montrer au comité");
        String texte = "Un groupement solide.\nPoint d'attention : la gouvernance entre les trois structures.";
        instructions.saveSyntheseComite(t.communId(), texte);
        assertThat(synthese()).isEqualTo(texte);

        String membre = fx.account(Roles.COMITE);
        fx.as(membre);
        assertThatThrownBy(() -> instructions.syntheseComite(t.communId())).as("not on a séance yet")
                .isInstanceOf(NotAllowedException.class);
        fx.seance(t.communId());
        fx.as(membre);
        Optional<SyntheseComite> lue = instructions.syntheseComite(t.communId());
        assertThat(lue).hasValueSatisfying(s -> {
            assertThat(s.synthese()).isEqualTo(texte);
            assertThat(s.appreciations()).extracting(AppreciationCritere::critere)
                    .containsExactly(Critere.CONTRIBUTEURS, Critere.GOUVERNANCE, Critere.DEFIS, Critere.COMMUNS);
            assertThat(s.toString()).doesNotContain("Note interne");
        });

        fx.as(autreAgent);
        instructions.saveSyntheseComite(t.communId(), "   ");
        assertThat(synthese()).as("emptied on purpose").isNull();
    }

    @Test
    void a_recused_member_the_groupement_and_a_referent_cannot_read_it_and_only_the_service_writes_it() {
        agent = fx.recevable(t);
        fx.as(agent);
        instructions.saveSyntheseComite(t.communId(), "Synthèse");
        String recuse = fx.account(Roles.COMITE);
        fx.seance(t.communId());
        fx.as(recuse);
        deports.declarer(t.communId(), "Je suis adhérent d'une structure du groupement.");
        assertThatThrownBy(() -> instructions.syntheseComite(t.communId())).isInstanceOf(NotAllowedException.class);

        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> instructions.syntheseComite(t.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> instructions.saveSyntheseComite(t.communId(), "Par le porteur"))
                .isInstanceOf(NotAllowedException.class);
        fx.as(fx.referent("Culture"));
        assertThatThrownBy(() -> instructions.syntheseComite(t.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> instructions.saveSyntheseComite(t.communId(), "Par un référent"))
                .isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.COMITE));
        assertThatThrownBy(() -> instructions.saveSyntheseComite(t.communId(), "Par un membre"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(synthese()).isEqualTo("Synthèse");
    }

    @Test
    void a_synthesis_too_long_is_refused_and_the_previous_one_kept() {
        agent = fx.recevable(t);
        fx.as(agent);
        instructions.saveSyntheseComite(t.communId(), "Première version");
        assertThatThrownBy(() -> instructions.saveSyntheseComite(t.communId(), "x".repeat(InstructionService.SYNTHESE_MAX + 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Synthèse pour le comité");
        assertThat(synthese()).isEqualTo("Première version");
        String pile = "é".repeat(InstructionService.SYNTHESE_MAX);
        instructions.saveSyntheseComite(t.communId(), pile);
        assertThat(synthese()).isEqualTo(pile);
    }
}
