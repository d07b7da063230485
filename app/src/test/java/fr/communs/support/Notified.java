package fr.communs.support;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.OUTBOX_MAIL;

import fr.communs.db.tables.records.NotificationRecord;
import fr.communs.db.tables.records.OutboxMailRecord;
import fr.communs.notification.NotificationType;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What a person was told, read back in tests: their notification rows and the mails kept for them in the outbox
 * ({@code communs.mail.outbox=true} in the test profile, in the same transaction as the notification).
 */
@Component
public class Notified {
    private final DSLContext dsl;

    Notified(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The person's notifications of this type about this link, oldest first. */
    public List<NotificationRecord> of(String email, NotificationType type, String lien) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.APP_USER_ID.eq(dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email))))
                .and(NOTIFICATION.TYPE.eq(type.name()))
                .and(lien == null ? NOTIFICATION.LIEN.isNull() : NOTIFICATION.LIEN.eq(lien))
                .orderBy(NOTIFICATION.NOTIFICATION_ID).fetch();
    }

    /** How many notifications of this type about this link anyone received. */
    public int count(NotificationType type, String lien) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.TYPE.eq(type.name()).and(NOTIFICATION.LIEN.eq(lien)));
    }

    /** How many notifications of this type with exactly this title anyone received. */
    public int countTitled(NotificationType type, String titre) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.TYPE.eq(type.name()).and(NOTIFICATION.TITRE.eq(titre)));
    }

    /** The mails kept for this address whose subject is exactly this, oldest first. */
    public List<OutboxMailRecord> mails(String email, String subject) {
        return dsl.selectFrom(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.eq(email)).and(OUTBOX_MAIL.SUJET.eq(subject))
                .orderBy(OUTBOX_MAIL.OUTBOX_MAIL_ID).fetch();
    }
}
