package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commune.CommuneService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Déposer une idée": the draft's own address, reopening it, deleting it, and texts longer than their limit. */
@SpringBootTest
@ActiveProfiles("test")
class CommunFormViewIT {
    @Autowired CommunService communs;
    @Autowired CampagneService campagnes;
    @Autowired StructureService structures;
    @Autowired CommuneService communes;
    @Autowired CurrentUser currentUser;
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

    private CommunFormView openForm(TestUi ui, String param) {
        CommunFormView view = new CommunFormView(communs, campagnes, structures, communes, currentUser);
        ui.add(view);
        assertThat(view.open(param)).as("no redirection").isNull();
        return view;
    }

    @Test
    void the_first_autosave_gives_the_draft_its_own_address_which_reopens_it_and_no_second_draft_is_created() {
        TestUi ui = TestUi.open();
        CommunFormView view = openForm(ui, null);
        assertThat(view.status.getText()).isEqualTo("Rien n'est encore enregistré.");

        TestUi.type(view.titre, "Une recyclerie de quartier");

        List<Commun> drafts = communs.myDrafts();
        assertThat(drafts).hasSize(1);
        long id = drafts.get(0).id();
        assertThat(ui.replacedLocations()).containsExactly("communs/" + id + "/modifier");
        assertThat(ui.title()).isEqualTo("Brouillon : Une recyclerie de quartier — Communs");
        assertThat(view.status.getText()).startsWith("Brouillon enregistré à ");
        assertThat(view.supprimer.isVisible()).isTrue();

        TestUi.type(view.resume, "Réparer plutôt que jeter.");
        assertThat(communs.myDrafts()).as("the next saves update the same draft").hasSize(1);
        assertThat(ui.replacedLocations()).as("the address is given once").hasSize(1);

        // Reload (or back and forward): the address of the draft opens the draft, not an empty form.
        TestUi reloaded = TestUi.open();
        CommunFormView again = openForm(reloaded, String.valueOf(id));
        assertThat(again.titre.getValue()).isEqualTo("Une recyclerie de quartier");
        assertThat(again.resume.getValue()).isEqualTo("Réparer plutôt que jeter.");
        assertThat(again.status.getText()).isEqualTo("Brouillon enregistré.");
        TestUi.type(again.besoin, "Trop de déchets encombrants.");
        assertThat(communs.myDrafts()).hasSize(1);
        assertThat(communs.get(id).besoin()).isEqualTo("Trop de déchets encombrants.");
        assertThat(reloaded.replacedLocations()).isEmpty();
    }

    @Test
    void going_back_to_deposer_from_a_draft_shows_an_empty_form_that_starts_a_new_draft() {
        TestUi ui = TestUi.open();
        CommunFormView view = openForm(ui, null);
        TestUi.type(view.titre, "Premier brouillon");
        long first = communs.myDrafts().get(0).id();

        // The router reuses the view when the person clicks "Déposer une idée" again.
        assertThat(view.open(null)).isNull();
        assertThat(view.titre.getValue()).isEmpty();
        assertThat(view.status.getText()).isEqualTo("Rien n'est encore enregistré.");
        assertThat(view.supprimer.isVisible()).isFalse();
        TestUi.type(view.titre, "Second brouillon");

        assertThat(communs.myDrafts()).extracting(Commun::titre)
                .containsExactlyInAnyOrder("Premier brouillon", "Second brouillon");
        assertThat(communs.get(first).titre()).isEqualTo("Premier brouillon");
    }

    @Test
    void a_text_longer_than_its_limit_is_neither_cut_nor_saved_and_the_counter_says_by_how_much() {
        TestUi ui = TestUi.open();
        CommunFormView view = openForm(ui, null);
        TestUi.type(view.titre, "Un titre");
        long id = communs.myDrafts().get(0).id();
        assertThat(view.titre.getMaxLength()).as("no maxlength for the browser to cut with").isZero();

        String tooLong = "r".repeat(2250);
        TestUi.type(view.resume, tooLong);

        assertThat(view.resume.getValue()).as("nothing is cut").hasSize(2250);
        assertThat(view.resume.isInvalid()).isTrue();
        assertThat(view.resume.getErrorMessage())
                .isEqualTo("2\u00a0250 / 2\u00a0000 caractères : raccourcissez le texte de 250 caractères");
        assertThat(view.errors.shown()).containsExactly(
                "« Résumé » : 2\u00a0250 / 2\u00a0000 caractères : raccourcissez le texte de 250 caractères.");
        assertThat(view.status.getText()).startsWith("Non enregistré");
        assertThat(communs.get(id).resume()).as("the over-long text is not autosaved").isNull();

        view.publish();
        assertThat(communs.get(id).brouillon()).as("nor published").isTrue();

        TestUi.type(view.resume, "r".repeat(2000));
        assertThat(view.resume.isInvalid()).isFalse();
        assertThat(view.errors.shown()).isEmpty();
        assertThat(communs.get(id).resume()).hasSize(2000);
    }

    @Test
    void deleting_the_draft_from_the_form_asks_a_confirmation_naming_it_then_deletes_it() {
        TestUi ui = TestUi.open();
        CommunFormView view = openForm(ui, null);
        TestUi.type(view.titre, "Brouillon à jeter");
        long id = communs.myDrafts().get(0).id();

        Dialog dialog = view.confirmDelete();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Supprimer ce brouillon ?");
        assertThat(dialog.getElement().getTextRecursively()).contains("« Brouillon à jeter »", "définitivement supprimés");
        assertThat(communs.find(id)).as("nothing before the confirmation").isPresent();

        view.deleteDraft(id);                       // what "Supprimer définitivement" does

        assertThat(communs.find(id)).isEmpty();
        assertThat(communs.myDrafts()).isEmpty();
    }
}
