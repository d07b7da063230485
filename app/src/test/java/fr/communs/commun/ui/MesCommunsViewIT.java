package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.contribution.ContributionService;
import fr.communs.commun.GroupementService;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Mes communs": the drafts of the person's structures, each of which can be deleted. */
@SpringBootTest
@ActiveProfiles("test")
class MesCommunsViewIT {
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired ContributionService contributions;
    @Autowired StructureService structures;
    @Autowired Fixtures fx;

    long structure;
    String email;

    @BeforeEach
    void setUp() {
        fx.campagne();
        structure = fx.structure(true, "30");
        email = fx.account(Roles.STRUCTURE, structure);
        fx.as(email);
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    private MesCommunsView open() {
        MesCommunsView view = new MesCommunsView(communs, groupements, contributions, structures);
        TestUi.open().add(view);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static List<Commun> drafts(MesCommunsView view) {
        return TestUi.descendants(view.brouillons).filter(Grid.class::isInstance).map(g -> (Grid<Commun>) g).findFirst()
                .map(g -> g.getListDataView().getItems().toList()).orElse(List.of());
    }

    @Test
    void a_draft_deleted_from_mes_communs_disappears_from_the_list_and_from_the_platform() {
        long keep = communs.createDraft(structure, new CommunData("À garder", null, null, null, null, Set.of()));
        long drop = communs.createDraft(structure, new CommunData("À jeter", null, null, null, null, Set.of()));
        MesCommunsView view = open();
        assertThat(drafts(view)).extracting(Commun::id).containsExactlyInAnyOrder(keep, drop);
        assertThat(view.brouillons.getElement().getTextRecursively()).doesNotContain("Aucun brouillon.");

        view.deleteDraft(drop);                          // "Supprimer", then "Supprimer définitivement"

        assertThat(drafts(view)).extracting(Commun::id).containsExactly(keep);
        assertThat(communs.find(drop)).isEmpty();
        view.deleteDraft(keep);
        assertThat(drafts(view)).isEmpty();
        assertThat(view.brouillons.getElement().getTextRecursively()).contains("Aucun brouillon.");
    }

    @Test
    void deleting_a_draft_that_is_no_longer_one_shows_why_and_deletes_nothing() {
        long draft = communs.createDraft(structure, new CommunData("Publié dans un autre onglet", "Résumé", "Besoin",
                null, null, Set.of(fx.defi())));
        MesCommunsView view = open();
        communs.publish(draft);                          // meanwhile, in another tab

        view.deleteDraft(draft);

        assertThat(communs.find(draft)).hasValueSatisfying(c -> assertThat(c.brouillon()).isFalse());
        assertThat(view.getElement().getTextRecursively()).contains("Une idée publiée ne peut pas être supprimée.");
        assertThat(drafts(view)).isEmpty();
    }

    @Test
    void the_confirmation_names_the_draft_and_what_is_lost() {
        assertThat(BrouillonSuppression.text("Cantine partagée")).contains("« Cantine partagée »", "définitivement supprimés",
                "ne pourront pas être récupérés");
    }
}
