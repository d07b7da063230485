package fr.communs.mail;

import fr.communs.base.Mailer;
import fr.communs.base.ValidationException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import fr.communs.mail.internal.JooqOutboxMailRepository;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plain-text mails of the platform, with attachments if any (a convocation's {@code .ics}). With {@code communs.mail.outbox=true} (demo profile) a mail is stored in the
 * outbox, in the caller's transaction, and read by administrators; otherwise it is sent over SMTP with Spring's
 * {@link JavaMailSender} ({@code spring.mail.*}) once the caller's transaction has committed, so a rolled-back
 * action never mails a link. A failed SMTP delivery is logged and does not undo the committed action.
 */
@Service
public class MailService implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(MailService.class);
    private static final int MAX_PAGE = 500;

    private final JooqOutboxMailRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final CurrentUser currentUser;
    private final boolean outboxMode;
    private final String from;
    private final org.springframework.core.env.Environment environment;

    MailService(JooqOutboxMailRepository outbox, ObjectProvider<JavaMailSender> sender, CurrentUser currentUser,
                @Value("${communs.mail.outbox:false}") boolean outboxMode,
                @Value("${communs.mail.from:ne-pas-repondre@communs.localhost}") String from,
                org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.outbox = outbox;
        this.sender = sender;
        this.currentUser = currentUser;
        this.outboxMode = outboxMode;
        this.from = from;
        if (!outboxMode && sender.getIfAvailable() == null) {
            log.warn("Aucun serveur SMTP configuré (spring.mail.host) et communs.mail.outbox=false : "
                    + "les courriels ne pourront pas être envoyés.");
        }
    }

    @Override
    public String link(String path) {
        String base = environment.resolvePlaceholders(
                "${communs.base-url:http://localhost:${local.server.port:${server.port:8080}}}");
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    /** True when mails are kept in the outbox instead of being sent. */
    public boolean outboxMode() {
        return outboxMode;
    }

    /** Sends (or keeps, in outbox mode) a plain-text mail. */
    @Override
    @Transactional
    public void send(String to, String subject, String text) {
        send(to, subject, text, List.of());
    }

    /**
     * Sends (or keeps, in outbox mode) a plain-text mail with attachments: in outbox mode they are kept with it, in
     * the caller's transaction; over SMTP the mail is a {@code multipart/mixed} message sent after commit.
     */
    @Override
    @Transactional
    public void send(String to, String subject, String text, List<Attachment> attachments) {
        if (to == null || to.isBlank() || subject == null || text == null || attachments == null
                || attachments.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Courriel incomplet");
        }
        List<Attachment> pieces = List.copyOf(attachments);
        if (outboxMode) {
            outbox.insert(to.strip(), subject, text, pieces);
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(to.strip(), subject, text, pieces);
                }
            });
        } else {
            deliver(to.strip(), subject, text, pieces);
        }
    }

    private void deliver(String to, String subject, String text, List<Attachment> attachments) {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            log.error("Courriel « {} » pour {} non envoyé : aucun serveur SMTP configuré (spring.mail.host).", subject, to);
            return;
        }
        try {
            if (attachments.isEmpty()) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to);
                message.setSubject(subject);
                message.setText(text);
                mailSender.send(message);
            } else {
                MimeMessage message = mailSender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
                        StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(text, false);
                for (Attachment a : attachments) {
                    helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
                }
                mailSender.send(message);
            }
        } catch (MailException | MessagingException e) {
            log.error("Courriel « {} » pour {} non envoyé", subject, to, e);
        }
    }

    /** The outbox, most recent first (administrators only). */
    @Transactional(readOnly = true)
    public List<OutboxMail> outbox(int offset, int limit) {
        currentUser.requireRole(Roles.ADMIN);
        return outbox.page(Math.max(0, offset), Math.max(0, Math.min(limit, MAX_PAGE)));
    }

    /** An attachment of a mail kept in the outbox, to download it (administrators only). */
    @Transactional(readOnly = true)
    public Attachment outboxAttachment(long pieceId) {
        currentUser.requireRole(Roles.ADMIN);
        return outbox.attachment(pieceId)
                .orElseThrow(() -> new ValidationException("Cette pièce jointe n'existe plus (courriel effacé)."));
    }

    /** Number of mails in the outbox (administrators only). */
    @Transactional(readOnly = true)
    public int outboxCount() {
        currentUser.requireRole(Roles.ADMIN);
        return outbox.count();
    }
}
