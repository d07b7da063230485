package fr.communs.security.internal;

import static fr.communs.db.Tables.ACCOUNT_TOKEN;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Single-use account tokens, stored as SHA-256 hashes only. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAccountTokenRepository {
    /** What a token is for (column {@code purpose}). */
    public enum Purpose { CONFIRMATION, REINITIALISATION }

    private final DSLContext dsl;

    JooqAccountTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(long userId, Purpose purpose, String tokenHash, OffsetDateTime expiresAt) {
        dsl.insertInto(ACCOUNT_TOKEN)
                .set(ACCOUNT_TOKEN.APP_USER_ID, userId)
                .set(ACCOUNT_TOKEN.PURPOSE, purpose.name())
                .set(ACCOUNT_TOKEN.TOKEN_HASH, tokenHash)
                .set(ACCOUNT_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Marks the person's unused tokens of this purpose as used (a newer one replaces them). */
    public void invalidate(long userId, Purpose purpose) {
        dsl.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.USED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNT_TOKEN.APP_USER_ID.eq(userId), ACCOUNT_TOKEN.PURPOSE.eq(purpose.name()),
                        ACCOUNT_TOKEN.USED_AT.isNull())
                .execute();
    }

    /** Uses the token if it is unused and not expired (atomically): the person's id, or empty. */
    public Optional<Long> consume(String tokenHash, Purpose purpose) {
        return dsl.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.USED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNT_TOKEN.TOKEN_HASH.eq(tokenHash), ACCOUNT_TOKEN.PURPOSE.eq(purpose.name()),
                        ACCOUNT_TOKEN.USED_AT.isNull(), ACCOUNT_TOKEN.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .returning(ACCOUNT_TOKEN.APP_USER_ID)
                .fetchOptional(ACCOUNT_TOKEN.APP_USER_ID);
    }

    /** The person's id if the token is unused and not expired, without using it. */
    public Optional<Long> findUsable(String tokenHash, Purpose purpose) {
        return dsl.select(ACCOUNT_TOKEN.APP_USER_ID).from(ACCOUNT_TOKEN)
                .where(ACCOUNT_TOKEN.TOKEN_HASH.eq(tokenHash), ACCOUNT_TOKEN.PURPOSE.eq(purpose.name()),
                        ACCOUNT_TOKEN.USED_AT.isNull(), ACCOUNT_TOKEN.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .fetchOptional(ACCOUNT_TOKEN.APP_USER_ID);
    }
}
