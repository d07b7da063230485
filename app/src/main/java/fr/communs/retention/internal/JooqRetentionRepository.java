package fr.communs.retention.internal;

import static fr.communs.db.Tables.ACCOUNT_TOKEN;
import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.ASSEMBLEE_VOTE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.MESSAGE;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static fr.communs.db.Tables.PIECE_JOINTE;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import fr.communs.base.CommunStatut;
import fr.communs.security.Roles;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the retention purge reads and deletes. Every selection is a condition on the data itself (dates, states), never
 * a list kept elsewhere: a purge interrupted or run twice finds only what is still due.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqRetentionRepository {
    /** Name and address of the account to warn. */
    public record Account(long id, String email, String nomComplet) {
    }

    /** A stored attachment file to delete from the disk once its row is gone. */
    public record StoredFile(long id, String cle) {
    }

    public static final String ANONYMOUS_NAME = "Compte supprimé";
    /** Never a BCrypt hash: no password matches it. */
    private static final String NO_PASSWORD = "!";
    private static final List<String> ENDED = Arrays.stream(CommunStatut.values()).filter(CommunStatut::termine)
            .map(Enum::name).toList();

    private final DSLContext dsl;

    JooqRetentionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- Accounts ---------------------------------------------------------------------------------------------

    /** Records a successful login: the inactivity count starts again and a pending warning is forgotten. */
    public void recordLogin(long userId, OffsetDateTime now) {
        dsl.update(APP_USER).set(APP_USER.DERNIERE_CONNEXION, now).setNull(APP_USER.INACTIVITE_AVERTIE_LE)
                .where(APP_USER.APP_USER_ID.eq(userId)).execute();
    }

    private static Field<OffsetDateTime> lastActivity() {
        return DSL.coalesce(APP_USER.DERNIERE_CONNEXION, APP_USER.CREATED_AT);
    }

    /**
     * Accounts the purge may touch: not anonymised yet, not an administrator's (the platform must keep one), and not
     * busy with a file in progress — member of a structure of a published file that has not ended, or instructeur of
     * such a file. Those are kept as long as the file lasts.
     */
    private static Condition purgeable() {
        var inProgress = COMMUN.STATUT.notIn(ENDED).and(COMMUN.STATUT.ne(CommunStatut.BROUILLON.name()));
        var memberOfFileInProgress = DSL.exists(DSL.selectOne().from(STRUCTURE_MEMBRE)
                .join(GROUPEMENT_MEMBRE).on(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(STRUCTURE_MEMBRE.STRUCTURE_ID))
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(GROUPEMENT_MEMBRE.COMMUN_ID))
                .where(STRUCTURE_MEMBRE.APP_USER_ID.eq(APP_USER.APP_USER_ID)).and(inProgress));
        var instructeurOfFileInProgress = DSL.exists(DSL.selectOne().from(DOSSIER_SUIVI)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(DOSSIER_SUIVI.COMMUN_ID))
                .where(DOSSIER_SUIVI.INSTRUCTEUR_ID.eq(APP_USER.APP_USER_ID)).and(inProgress));
        return APP_USER.ANONYMISE_LE.isNull().and(APP_USER.ROLE.ne(Roles.ADMIN))
                .andNot(memberOfFileInProgress).andNot(instructeurOfFileInProgress);
    }

    /** Confirmed accounts without a login since {@code inactiveBefore}, not warned yet. */
    public List<Account> accountsToWarn(OffsetDateTime inactiveBefore, int limit) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.EMAIL, APP_USER.NOM_COMPLET).from(APP_USER)
                .where(purgeable()).and(APP_USER.EMAIL_CONFIRME.isTrue()).and(APP_USER.INACTIVITE_AVERTIE_LE.isNull())
                .and(lastActivity().lt(inactiveBefore))
                .orderBy(APP_USER.APP_USER_ID).limit(limit)
                .fetch(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    /** Marks the account as warned, unless someone did already (then false: no second mail). */
    public boolean markWarned(long userId, OffsetDateTime now) {
        return dsl.update(APP_USER).set(APP_USER.INACTIVITE_AVERTIE_LE, now)
                .where(APP_USER.APP_USER_ID.eq(userId)).and(APP_USER.INACTIVITE_AVERTIE_LE.isNull()).execute() == 1;
    }

    /**
     * Accounts to anonymise: confirmed ones warned before {@code warnedBefore} that have not logged in since, and
     * accounts whose address was never confirmed, created before {@code unconfirmedBefore}.
     */
    public List<Long> accountsToAnonymise(OffsetDateTime warnedBefore, OffsetDateTime unconfirmedBefore, int limit) {
        Condition warnedLongAgo = APP_USER.EMAIL_CONFIRME.isTrue().and(APP_USER.INACTIVITE_AVERTIE_LE.lt(warnedBefore))
                .and(lastActivity().lt(APP_USER.INACTIVITE_AVERTIE_LE));
        Condition neverConfirmed = APP_USER.EMAIL_CONFIRME.isFalse().and(APP_USER.CREATED_AT.lt(unconfirmedBefore));
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER)
                .where(purgeable()).and(warnedLongAgo.or(neverConfirmed))
                .orderBy(APP_USER.APP_USER_ID).limit(limit)
                .fetch(r -> r.value1());
    }

    /**
     * Anonymises the account: address, name, password and direction erased, deactivated, out of its structures; its
     * notifications, links and mails deleted. The row stays, so that what the person did on files (messages, pieces,
     * decisions, notes) keeps its author, shown as « Compte supprimé ». False if it was anonymised already.
     */
    public boolean anonymise(long userId, OffsetDateTime now) {
        Optional<String> email = dsl.select(APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.APP_USER_ID.eq(userId)).and(APP_USER.ANONYMISE_LE.isNull())
                .forUpdate().fetchOptional(r -> r.value1());
        if (email.isEmpty()) {
            return false;
        }
        dsl.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.APP_USER_ID.eq(userId)).execute();
        dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.APP_USER_ID.eq(userId)).execute();
        dsl.deleteFrom(STRUCTURE_MEMBRE).where(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId)).execute();
        dsl.deleteFrom(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.equalIgnoreCase(email.get())).execute();
        dsl.update(APP_USER)
                .set(APP_USER.EMAIL, "compte-supprime-" + userId + "@communs.invalid")
                .set(APP_USER.NOM_COMPLET, ANONYMOUS_NAME)
                .set(APP_USER.PASSWORD_HASH, NO_PASSWORD)
                .set(APP_USER.ACTIF, false)
                .set(APP_USER.EMAIL_CONFIRME, false)
                .setNull(APP_USER.DIRECTION)
                .setNull(APP_USER.DERNIERE_CONNEXION)
                .setNull(APP_USER.INACTIVITE_AVERTIE_LE)
                .set(APP_USER.ANONYMISE_LE, now)
                .where(APP_USER.APP_USER_ID.eq(userId)).execute();
        return true;
    }

    // ---- Files that have ended --------------------------------------------------------------------------------

    /**
     * A file's end: it is in a final state (not transmitted by the deadline, not recevable, subsidy not voted,
     * livrable deposited), counted from its last change — the change of state, or a later message or attachment.
     */
    private static Field<OffsetDateTime> end() {
        return DSL.greatest(COMMUN.UPDATED_AT,
                DSL.field(DSL.select(DSL.max(MESSAGE.CREATED_AT)).from(MESSAGE).where(MESSAGE.COMMUN_ID.eq(COMMUN.COMMUN_ID))),
                DSL.field(DSL.select(DSL.max(PIECE_JOINTE.CREATED_AT)).from(PIECE_JOINTE)
                        .where(PIECE_JOINTE.COMMUN_ID.eq(COMMUN.COMMUN_ID))));
    }

    private static Condition subsidised() {
        return DSL.exists(DSL.selectOne().from(ASSEMBLEE_VOTE).where(ASSEMBLEE_VOTE.COMMUN_ID.eq(COMMUN.COMMUN_ID))
                .and(ASSEMBLEE_VOTE.RESULTAT.eq("ADOPTE")));
    }

    private static Condition endedBefore(OffsetDateTime limit) {
        return COMMUN.STATUT.in(ENDED).and(end().lt(limit));
    }

    /** Deletes up to {@code limit} messages of files that ended before {@code limit}; returns how many. */
    public int deleteMessagesOfFilesEndedBefore(OffsetDateTime endedBefore, int limit) {
        var ids = dsl.select(MESSAGE.MESSAGE_ID).from(MESSAGE).join(COMMUN).on(COMMUN.COMMUN_ID.eq(MESSAGE.COMMUN_ID))
                .where(endedBefore(endedBefore)).orderBy(MESSAGE.MESSAGE_ID).limit(limit).fetch(r -> r.value1());
        return ids.isEmpty() ? 0 : dsl.deleteFrom(MESSAGE).where(MESSAGE.MESSAGE_ID.in(ids)).execute();
    }

    /**
     * Deletes up to {@code limit} attachment rows of files that ended before {@code endedBefore} (not subsidised) or
     * before {@code subsidisedEndedBefore} (a subsidy was voted); returns their storage keys, whose files the caller
     * deletes once the transaction has committed.
     */
    public List<StoredFile> deletePiecesOfFilesEndedBefore(OffsetDateTime endedBefore, OffsetDateTime subsidisedEndedBefore,
                                                           int limit) {
        Condition due = endedBefore(subsidisedEndedBefore).or(endedBefore(endedBefore).andNot(subsidised()));
        var files = dsl.select(PIECE_JOINTE.PIECE_JOINTE_ID, PIECE_JOINTE.CLE_STOCKAGE).from(PIECE_JOINTE)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(PIECE_JOINTE.COMMUN_ID))
                .where(due).orderBy(PIECE_JOINTE.PIECE_JOINTE_ID).limit(limit)
                .fetch(r -> new StoredFile(r.value1(), r.value2()));
        if (!files.isEmpty()) {
            dsl.deleteFrom(PIECE_JOINTE).where(PIECE_JOINTE.PIECE_JOINTE_ID.in(files.stream().map(StoredFile::id).toList()))
                    .execute();
        }
        return files;
    }

    // ---- Rows that expire on their own -------------------------------------------------------------------------

    public int deleteNotificationsCreatedBefore(OffsetDateTime limit, int batch) {
        return dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.NOTIFICATION_ID.in(DSL.select(NOTIFICATION.NOTIFICATION_ID)
                .from(NOTIFICATION).where(NOTIFICATION.CREATED_AT.lt(limit)).limit(batch))).execute();
    }

    public int deleteMailsCreatedBefore(OffsetDateTime limit, int batch) {
        return dsl.deleteFrom(OUTBOX_MAIL).where(OUTBOX_MAIL.OUTBOX_MAIL_ID.in(DSL.select(OUTBOX_MAIL.OUTBOX_MAIL_ID)
                .from(OUTBOX_MAIL).where(OUTBOX_MAIL.CREATED_AT.lt(limit)).limit(batch))).execute();
    }

    public int deleteTokensExpiredBefore(OffsetDateTime limit, int batch) {
        return dsl.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.ACCOUNT_TOKEN_ID.in(DSL.select(ACCOUNT_TOKEN.ACCOUNT_TOKEN_ID)
                .from(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.EXPIRES_AT.lt(limit)).limit(batch))).execute();
    }
}
