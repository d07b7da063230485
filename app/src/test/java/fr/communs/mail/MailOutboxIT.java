package fr.communs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.communs.base.NotAllowedException;
import fr.communs.security.AccountService;
import fr.communs.security.Roles;
import fr.communs.security.SignUpData;
import fr.communs.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Outbox mode (as in the demo profile): mails are stored for administrators, never sent, even with SMTP configured. */
@SpringBootTest(properties = "communs.mail.outbox=true")
@ActiveProfiles("test")
class MailOutboxIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @Autowired MailService mails;
    @Autowired AccountService accounts;
    @Autowired Fixtures fx;

    @AfterEach
    void logout() {
        fx.logout();
    }

    @Test
    void in_outbox_mode_a_mail_is_stored_instead_of_sent_and_administrators_read_it_first() {
        String to = "destinataire-" + System.nanoTime() + "@exemple.fr";

        mails.send(to, "Sujet d'essai", "Bonjour,\nvoici un lien : http://localhost:8080/login\n");

        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
        fx.as(fx.account(Roles.ADMIN));
        OutboxMail last = mails.outbox(0, 10).get(0);
        assertThat(last.destinataire()).isEqualTo(to);
        assertThat(last.sujet()).isEqualTo("Sujet d'essai");
        assertThat(last.texte()).isEqualTo("Bonjour,\nvoici un lien : http://localhost:8080/login\n");
        assertThat(last.createdAt()).isNotNull();
        assertThat(mails.outboxCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_sign_up_in_outbox_mode_keeps_the_confirmation_mail_with_its_link_for_the_administrator() {
        String email = "inscription-" + System.nanoTime() + "@exemple.fr";

        accounts.signUp(new SignUpData("Camille Dupont", email, "un mot de passe solide", "un mot de passe solide"));

        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
        fx.as(fx.account(Roles.ADMIN));
        List<OutboxMail> outbox = mails.outbox(0, 50);
        OutboxMail mail = outbox.stream().filter(m -> m.destinataire().equals(email)).findFirst().orElseThrow();
        assertThat(mail.sujet()).isEqualTo("Confirmez votre adresse électronique — Appel à communs");
        assertThat(mail.texte()).containsPattern("http://localhost:\\d+/confirmation/[A-Za-z0-9_-]{43}");
    }

    @Test
    void an_attachment_is_kept_with_its_mail_and_only_administrators_download_it() {
        String to = "piece-" + System.nanoTime() + "@exemple.fr";
        byte[] ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        mails.send(to, "Convocation", "Voir la pièce jointe.", List.of(new fr.communs.base.Mailer.Attachment(
                "convocation.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics)));

        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
        fx.as(fx.account(Roles.ADMIN));
        OutboxMail mail = mails.outbox(0, 50).stream().filter(m -> m.destinataire().equals(to)).findFirst().orElseThrow();
        assertThat(mail.piecesJointes()).singleElement().satisfies(p -> {
            assertThat(p.nomFichier()).isEqualTo("convocation.ics");
            assertThat(p.typeContenu()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
            assertThat(p.taille()).isEqualTo(ics.length);
        });
        long pieceId = mail.piecesJointes().get(0).id();
        fr.communs.base.Mailer.Attachment piece = mails.outboxAttachment(pieceId);
        assertThat(piece.content()).isEqualTo(ics);
        assertThat(piece.mimeType()).isEqualTo("text/calendar");
        assertThat(mails.outbox(0, 50).stream().filter(m -> m.sujet().equals("Sujet d'essai")).toList())
                .allSatisfy(m -> assertThat(m.piecesJointes()).isEmpty());
        fx.as(fx.account(Roles.COMITE));
        assertThatThrownBy(() -> mails.outboxAttachment(pieceId)).isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.ADMIN));
        assertThatThrownBy(() -> mails.outboxAttachment(Long.MAX_VALUE)).isInstanceOf(fr.communs.base.ValidationException.class)
                .hasMessage("Cette pièce jointe n'existe plus (courriel effacé).");
    }

    @Test
    void an_attachment_name_or_type_that_could_inject_headers_is_refused() {
        assertThatThrownBy(() -> new fr.communs.base.Mailer.Attachment("../x.ics", "text/calendar", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new fr.communs.base.Mailer.Attachment("a.ics", "text/calendar\r\nBcc: x@y.fr", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_administrators_may_read_the_outbox() {
        mails.send("quelqu-un@exemple.fr", "Confidentiel", "Un lien personnel.");

        assertThatThrownBy(() -> mails.outbox(0, 10)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Vous devez être connecté pour faire cette action.");
        for (String role : List.of(Roles.STRUCTURE, Roles.AGENT, Roles.COMITE)) {
            fx.as(fx.account(role));
            assertThatThrownBy(() -> mails.outbox(0, 10)).isInstanceOf(NotAllowedException.class)
                    .hasMessage("Votre rôle ne permet pas cette action.");
            assertThatThrownBy(() -> mails.outboxCount()).isInstanceOf(NotAllowedException.class);
        }
        fx.as(fx.account(Roles.ADMIN));
        assertThat(mails.outbox(0, 10)).extracting(OutboxMail::sujet).contains("Confidentiel");
    }
}
