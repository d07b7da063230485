package fr.communs.comite.convocation;

import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.SEANCE;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.communs.base.Dates;
import fr.communs.comite.seance.SeanceEvents;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Over SMTP (GreenMail): a convocation leaves only once the séance's action has committed, as a multipart mail with
 * its {@code convocation.ics}; an action rolled back sends nothing.
 */
@SpringBootTest(properties = "communs.mail.outbox=false")
@ActiveProfiles("test")
class ConvocationSmtpIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void logout() {
        fx.logout();
    }

    @Test
    void the_convocation_leaves_after_commit_with_its_ics_attached_and_not_at_all_when_the_action_rolls_back() throws Exception {
        fx.campagne();
        String membre = fx.account(Roles.COMITE);
        fx.logout();
        OffsetDateTime debut = LocalDateTime.of(2027, 1, 12, 14, 0).atZone(Dates.ZONE).toOffsetDateTime();
        long campagne = dsl.select(CAMPAGNE.CAMPAGNE_ID).from(CAMPAGNE).orderBy(CAMPAGNE.CAMPAGNE_ID.desc()).limit(1).fetchOne().value1();
        long seance = dsl.insertInto(SEANCE).set(SEANCE.CAMPAGNE_ID, campagne).set(SEANCE.DEBUT, debut)
                .set(SEANCE.LIEU, "Hôtel du Département, Nîmes").set(SEANCE.CREE_PAR, fx.idOf(fx.admin()))
                .returning(SEANCE.SEANCE_ID).fetchOne().getSeanceId();

        tx.executeWithoutResult(status -> {
            events.publishEvent(new SeanceEvents.SeanceConvoquee(seance));
            assertThat(to(membre)).as("not before commit").isEmpty();
            status.setRollbackOnly();
        });
        Thread.sleep(1_000);
        assertThat(to(membre)).as("rolled back: never sent").isEmpty();

        tx.executeWithoutResult(status -> {
            events.publishEvent(new SeanceEvents.SeanceConvoquee(seance));
            assertThat(to(membre)).as("not before commit").isEmpty();
        });
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        List<MimeMessage> received = to(membre);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        BodyPart text = null;
        BodyPart ics = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if ("convocation.ics".equals(part.getFileName())) {
                ics = part;
            } else if (part.isMimeType("text/plain")) {
                text = part;
            }
        }
        assertThat(text).isNotNull();
        assertThat((String) text.getContent()).contains("Date : 12/01/2027 à 14:00 (heure de Paris)", "Lieu : Hôtel du Département, Nîmes");
        assertThat(ics).isNotNull();
        assertThat(ics.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=REQUEST");
        assertThat(ics.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        String calendar;
        try (InputStream in = ics.getInputStream()) {
            calendar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ICalendar ical = Biweekly.parse(calendar).first();
        assertThat(ical.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(ical.getEvents().get(0).getUid().getValue()).isEqualTo("seance-" + seance + "-membre-" + fx.idOf(membre) + "@communs.localhost");
        assertThat(ical.getEvents().get(0).getSequence().getValue()).isZero();
        assertThat(ical.getEvents().get(0).getDateStart().getValue().toInstant()).hasToString("2027-01-12T13:00:00Z");
    }

    private static List<MimeMessage> to(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> email.equalsIgnoreCase(((InternetAddress) a).getAddress()));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
