package fr.communs.messagerie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.messagerie.MessageService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Fixtures.Transmis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The thread's screen speaks to its reader: the groupement, an agent, or the administrator who only reads it. */
@SpringBootTest
@ActiveProfiles("test")
class MessagesViewWordingIT {
    @Autowired MessageService service;
    @Autowired CurrentUser currentUser;
    @Autowired Fixtures fx;
    Transmis file;

    @BeforeEach
    void setUp() {
        fx.campagne();
        file = fx.transmis();
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private MessagesView open(String email) {
        fx.as(email);
        MessagesView view = new MessagesView(service, currentUser);
        view.show(file.communId());
        return view;
    }

    @Test
    void the_administrator_is_not_invited_to_ask_questions_as_if_they_were_the_groupement() {
        MessagesView view = open(fx.admin());

        assertThat(view.getElement().getTextRecursively()).doesNotContain("Posez vos questions")
                .contains("en tant qu'administrateur").contains("pas y répondre");
        assertThat(view.getPageTitle()).startsWith("Messages entre le groupement et le Département — ");
    }

    @Test
    void the_groupement_and_the_agent_keep_their_own_wording() {
        assertThat(open(file.porteurEmail()).getElement().getTextRecursively()).contains("Posez vos questions");
        MessagesView agent = open(fx.account(Roles.AGENT));
        assertThat(agent.getElement().getTextRecursively()).doesNotContain("Posez vos questions")
                .contains("lus par toutes les structures du groupement");
        assertThat(agent.getPageTitle()).startsWith("Messages avec le groupement — ");
    }
}
