package fr.communs.commun;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUN_COMMUNE;
import static fr.communs.db.Tables.COMMUN_DEFI;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A structure deletes its drafts, and only its drafts: the service checks again who asks and what is deleted. */
@SpringBootTest
@ActiveProfiles("test")
class BrouillonServiceIT {
    @Autowired CommunService communs;
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;

    long structure;
    String email;

    @BeforeEach
    void setUp() {
        fx.campagne();
        structure = fx.structure(true, "30");
        email = fx.account(Roles.STRUCTURE, structure);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private long draft(String titre) {
        fx.as(email);
        return communs.createDraft(structure, new CommunData(titre, "Un résumé", null, null, null, Set.of(fx.defi()),
                Set.of(), Echelle.VILLAGE, false, false, Set.of("30189"), null));
    }

    @Test
    void a_member_of_the_structure_deletes_its_draft_with_everything_attached_to_it() {
        long id = draft("Brouillon à supprimer");
        String colleague = fx.account(Roles.STRUCTURE, structure);
        fx.as(colleague);

        communs.deleteDraft(id);

        assertThat(communs.find(id)).isEmpty();
        assertThat(communs.myDrafts()).isEmpty();
        assertThat(dsl.fetchCount(COMMUN, COMMUN.COMMUN_ID.eq(id))).isZero();
        assertThat(dsl.fetchCount(COMMUN_DEFI, COMMUN_DEFI.COMMUN_ID.eq(id))).isZero();
        assertThat(dsl.fetchCount(COMMUN_COMMUNE, COMMUN_COMMUNE.COMMUN_ID.eq(id))).isZero();
        assertThat(dsl.fetchCount(GROUPEMENT_MEMBRE, GROUPEMENT_MEMBRE.COMMUN_ID.eq(id))).isZero();
    }

    @Test
    void another_structure_an_agent_or_a_visitor_cannot_delete_a_draft_and_it_stays_intact() {
        long id = draft("Brouillon d'une autre structure");
        String other = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        fx.as(other);
        assertThatThrownBy(() -> communs.deleteDraft(id)).isInstanceOf(ValidationException.class)
                .hasMessage("Ce commun n'existe pas.");
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> communs.deleteDraft(id)).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> communs.deleteDraft(id)).isInstanceOf(NotAllowedException.class);

        fx.as(email);
        assertThat(communs.get(id).titre()).isEqualTo("Brouillon d'une autre structure");
        assertThat(communs.myDrafts()).extracting(Commun::id).containsExactly(id);
    }

    @Test
    void a_published_commun_is_never_deleted_as_a_draft_even_by_its_porteur() {
        long published = fx.deposit(email, structure);

        assertThatThrownBy(() -> communs.deleteDraft(published)).isInstanceOf(ValidationException.class)
                .hasMessage("Une idée publiée ne peut pas être supprimée.");
        assertThat(communs.find(published)).hasValueSatisfying(c -> assertThat(c.brouillon()).isFalse());
        assertThat(dsl.fetchCount(GROUPEMENT_MEMBRE, GROUPEMENT_MEMBRE.COMMUN_ID.eq(published))).isEqualTo(1);
    }

    @Test
    void a_draft_deleted_in_another_tab_is_refused_with_a_message_the_second_time() {
        long id = draft("Supprimé deux fois");
        communs.deleteDraft(id);

        assertThatThrownBy(() -> communs.deleteDraft(id)).isInstanceOf(ValidationException.class)
                .hasMessage("Ce commun n'existe pas.");
    }
}
