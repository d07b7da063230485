package fr.communs.notification.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import fr.communs.notification.Notification;
import fr.communs.notification.NotificationType;
import fr.communs.security.Roles;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqNotificationRepository {
    /** Someone who can be notified: an active account whose address is confirmed. */
    public record Recipient(long id, String email) {
    }

    private final DSLContext dsl;

    JooqNotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Active, confirmed accounts that are members (not mere applicants) of any of the structures; each once. */
    public List<Recipient> membersOf(Collection<Long> structureIds) {
        return recipients(DSL.exists(DSL.selectOne().from(STRUCTURE_MEMBRE)
                .where(STRUCTURE_MEMBRE.APP_USER_ID.eq(APP_USER.APP_USER_ID))
                .and(STRUCTURE_MEMBRE.STRUCTURE_ID.in(structureIds))
                .and(STRUCTURE_MEMBRE.STATUT.eq("MEMBRE"))));
    }

    /** Active, confirmed accounts with the role. */
    public List<Recipient> withRole(String role) {
        return recipients(APP_USER.ROLE.eq(role));
    }

    /** Active, confirmed accounts among these ids. */
    public List<Recipient> among(Collection<Long> userIds) {
        return recipients(APP_USER.APP_USER_ID.in(userIds));
    }

    /** The instructeur of the file ({@code dossier_suivi}), if there is one and their account is an active agent's. */
    public Optional<Long> activeInstructeur(long communId) {
        return dsl.select(APP_USER.APP_USER_ID).from(DOSSIER_SUIVI)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(DOSSIER_SUIVI.INSTRUCTEUR_ID))
                .where(DOSSIER_SUIVI.COMMUN_ID.eq(communId))
                .and(APP_USER.ACTIF.isTrue())
                .and(APP_USER.ROLE.eq(Roles.AGENT))
                .fetchOptional(r -> r.value1());
    }

    private List<Recipient> recipients(Condition condition) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.EMAIL).from(APP_USER)
                .where(condition).and(APP_USER.ACTIF.isTrue()).and(APP_USER.EMAIL_CONFIRME.isTrue())
                .orderBy(APP_USER.APP_USER_ID)
                .fetch(r -> new Recipient(r.value1(), r.value2()));
    }

    public void insert(long userId, NotificationType type, String titre, String texte, String lien) {
        dsl.insertInto(NOTIFICATION)
                .set(NOTIFICATION.APP_USER_ID, userId)
                .set(NOTIFICATION.TYPE, type.name())
                .set(NOTIFICATION.TITRE, titre)
                .set(NOTIFICATION.TEXTE, texte)
                .set(NOTIFICATION.LIEN, lien)
                .execute();
    }

    /** The person's notifications, newest first. */
    public List<Notification> page(long userId, int offset, int limit) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.APP_USER_ID.eq(userId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.NOTIFICATION_ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new Notification(r.getNotificationId(), NotificationType.valueOf(r.getType()), r.getTitre(),
                        r.getTexte(), r.getLien(), r.getCreatedAt(), r.getLuLe()));
    }

    public int count(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.APP_USER_ID.eq(userId));
    }

    public int countUnread(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.APP_USER_ID.eq(userId).and(NOTIFICATION.LU_LE.isNull()));
    }

    /** Whether this notification exists and belongs to the person. */
    public boolean isOwnedBy(long notificationId, long userId) {
        return dsl.fetchExists(NOTIFICATION, NOTIFICATION.NOTIFICATION_ID.eq(notificationId)
                .and(NOTIFICATION.APP_USER_ID.eq(userId)));
    }

    /** Marks one of the person's notifications read; one already read keeps its first reading date. */
    public void markRead(long notificationId, long userId) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.LU_LE, OffsetDateTime.now())
                .where(NOTIFICATION.NOTIFICATION_ID.eq(notificationId))
                .and(NOTIFICATION.APP_USER_ID.eq(userId))
                .and(NOTIFICATION.LU_LE.isNull())
                .execute();
    }

    public void markAllRead(long userId) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.LU_LE, OffsetDateTime.now())
                .where(NOTIFICATION.APP_USER_ID.eq(userId))
                .and(NOTIFICATION.LU_LE.isNull())
                .execute();
    }
}
