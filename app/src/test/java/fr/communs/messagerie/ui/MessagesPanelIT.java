package fr.communs.messagerie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.messagerie.Message;
import fr.communs.messagerie.MessageService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Fixtures.Transmis;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The thread's panel and screen built on the real service (no browser): what each person sees, and a message sent
 * through the form.
 */
@SpringBootTest
@ActiveProfiles("test")
class MessagesPanelIT {
    private static final Pattern FRENCH_DATE = Pattern.compile("le \\d{2}/\\d{2}/\\d{4} à \\d{2}h\\d{2}");

    @Autowired MessageService service;
    @Autowired CurrentUser currentUser;
    @Autowired Fixtures fx;

    Transmis file;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        file = fx.transmis();
        agent = fx.account(Roles.AGENT);
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private MessagesPanel panel() {
        return new MessagesPanel(service, currentUser, file.communId());
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private static boolean attached(Component c) {
        return c.getParent().isPresent();
    }

    @Test
    void an_empty_thread_says_so_and_a_member_of_one_structure_writes_without_choosing() {
        fx.as(file.membreEmail());
        MessagesPanel panel = panel();

        assertThat(text(panel)).contains("Aucun message pour l'instant.");
        assertThat(panel.list.getChildren()).isEmpty();
        assertThat(attached(panel.texte)).isTrue();
        assertThat(attached(panel.structure)).isFalse();
        assertThat(fr.communs.base.ui.CharacterLimit.max(panel.texte)).isEqualTo(4000);
        assertThat(panel.texte.getMaxLength()).as("counted, never cut by the browser").isZero();
        assertThat(panel.texte.getHelperComponent().getElement().getTextRecursively())
                .contains("Ctrl + Entrée pour envoyer", "0 / 4\u00a0000 caractères");
    }

    @Test
    void the_thread_reads_like_a_conversation_with_each_side_and_french_dates() {
        fx.as(agent);
        service.post(file.communId(), null, "Pouvez-vous préciser le budget ?");
        fx.as(file.membreEmail());
        service.post(file.communId(), null, "Oui, le voici.");

        fx.as(file.porteurEmail());
        MessagesPanel panel = panel();
        List<Component> bubbles = panel.list.getChildren().toList();
        assertThat(bubbles).hasSize(2);
        assertThat(text(bubbles.get(0))).startsWith("Département — Personne " + agent)
                .contains("Pouvez-vous préciser le budget ?");
        assertThat(FRENCH_DATE.matcher(text(bubbles.get(0))).find()).isTrue();
        Message reply = service.thread(file.communId()).get(1);
        assertThat(text(bubbles.get(1))).startsWith(reply.structureNom() + " — Personne " + file.membreEmail());
        // The reader's side (the groupement) on the right, the Département's on the left.
        assertThat(bubbles.get(0).getElement().getStyle().get("align-self")).isEqualTo("flex-start");
        assertThat(bubbles.get(1).getElement().getStyle().get("align-self")).isEqualTo("flex-end");
    }

    @Test
    void a_message_sent_through_the_form_appears_in_the_thread_and_the_form_is_emptied() {
        fx.as(file.contributeurEmail());
        MessagesPanel panel = panel();
        panel.texte.setValue("Notre lettre d'engagement arrive demain.");
        panel.send.click();

        assertThat(service.thread(file.communId())).extracting(Message::texte)
                .containsExactly("Notre lettre d'engagement arrive demain.");
        assertThat(panel.texte.getValue()).isEmpty();
        assertThat(panel.list.getChildren()).hasSize(1);
        assertThat(panel.errors.isVisible()).isFalse();
    }

    @Test
    void a_refused_message_shows_the_french_error_and_keeps_the_text() {
        fx.as(file.membreEmail());
        MessagesPanel panel = panel();
        panel.texte.setValue("   ");
        panel.send.click();

        ErrorPanel errors = panel.errors;
        assertThat(errors.isVisible()).isTrue();
        assertThat(errors.shown()).containsExactly("Le champ « Message » est obligatoire.");
        assertThat(panel.texte.getValue()).isEqualTo("   ");
        assertThat(service.count(file.communId())).isZero();
    }

    @Test
    void a_member_of_two_structures_of_the_groupement_chooses_in_a_select() {
        fx.as(fx.account(Roles.STRUCTURE, file.membreStructureId(), file.contributeurStructureId()));
        MessagesPanel panel = panel();

        assertThat(attached(panel.structure)).isTrue();
        assertThat(panel.structure.getListDataView().getItems()).hasSize(2);
        assertThat(panel.structure.getValue()).as("a structure is chosen beforehand").isNotNull();
        panel.structure.clear();
        panel.texte.setValue("Sans choisir.");
        panel.send.click();
        assertThat(panel.errors.shown()).singleElement().asString().contains("choisissez celle");

        panel.structure.setValue(panel.structure.getListDataView().getItems()
                .filter(s -> s.id() == file.membreStructureId()).findFirst().orElseThrow());
        panel.send.click();
        assertThat(service.thread(file.communId())).singleElement()
                .satisfies(m -> assertThat(m.texte()).isEqualTo("Sans choisir."));
    }

    @Test
    void a_long_thread_shows_the_50_latest_messages_then_the_previous_ones_on_demand() {
        fx.as(agent);
        for (int i = 1; i <= 55; i++) {
            service.post(file.communId(), null, "Message " + i);
        }
        fx.as(file.porteurEmail());
        MessagesPanel panel = panel();

        assertThat(panel.list.getChildren()).hasSize(50);
        assertThat(text(panel.list.getChildren().findFirst().orElseThrow())).contains("Message 6");
        assertThat(panel.older.isVisible()).isTrue();
        assertThat(text(panel)).contains("55 messages, dont les 50 plus récents sont affichés.");

        panel.older.click();
        assertThat(panel.list.getChildren()).hasSize(55);
        assertThat(text(panel.list.getChildren().findFirst().orElseThrow())).contains("Message 1");
        assertThat(panel.older.isVisible()).isFalse();
    }

    @Test
    void an_administrator_reads_without_a_form() {
        fx.as(agent);
        service.post(file.communId(), null, "Bonjour.");
        fx.as(fx.admin());
        MessagesPanel panel = panel();

        assertThat(panel.list.getChildren()).hasSize(1);
        assertThat(attached(panel.texte)).isFalse();
        assertThat(text(panel)).contains("Vous pouvez lire ces messages");
    }

    @Test
    void the_screen_shows_the_title_to_the_groupement_and_a_french_refusal_to_others() {
        fx.as(file.membreEmail());
        MessagesView view = new MessagesView(service, currentUser);
        view.show(file.communId());
        String titre = service.communTitle(file.communId());
        assertThat(view.getPageTitle()).isEqualTo("Messages avec le Département — " + titre);
        assertThat(view.getChildren().filter(MessagesPanel.class::isInstance)).hasSize(1);

        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
        MessagesView refused = new MessagesView(service, currentUser);
        refused.show(file.communId());
        assertThat(text(refused)).contains("Seuls les membres du groupement et les agents du Département voient ces messages.");
        assertThat(refused.getChildren().filter(MessagesPanel.class::isInstance)).isEmpty();
    }
}
