package fr.communs.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import fr.communs.base.Mailer;
import fr.communs.mail.MailService;
import fr.communs.mail.OutboxMail;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.support.Views;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The administrator's "Courriels" screen says which kept mails have attachments and offers to download them. */
@SpringBootTest
@ActiveProfiles("test")
class OutboxViewIT {
    @Autowired MailService mails;
    @Autowired Fixtures fx;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void a_kept_mail_with_an_ics_shows_its_attachment_with_a_download_link() {
        String to = "vue-" + System.nanoTime() + "@exemple.fr";
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        tx.executeWithoutResult(s -> mails.send(to, "Convocation de test", "Bonjour", List.of(
                new Mailer.Attachment("convocation.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics))));
        fx.as(fx.account(Roles.ADMIN));
        OutboxMail mail = mails.outbox(0, 50).stream().filter(m -> m.destinataire().equals(to)).findFirst().orElseThrow();

        TestUi.open();                                          // the current UI, without session: the view stays detached
        OutboxView view = new OutboxView(mails);
        @SuppressWarnings("unchecked")
        Grid<OutboxMail> grid = (Grid<OutboxMail>) Views.descendants(view).filter(Grid.class::isInstance).findFirst().orElseThrow();
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("Pièces jointes");
        grid.select(mail);

        assertThat(Views.text(view)).contains("Convocation de test", "Pièces jointes");
        assertThat(Views.descendants(view).filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .filter(a -> a.getText().startsWith("Télécharger"))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getText()).isEqualTo("Télécharger convocation.ics (" + ics.length + " octets)");
                    assertThat(a.getElement().hasAttribute("download")).isTrue();
                });
    }
}
