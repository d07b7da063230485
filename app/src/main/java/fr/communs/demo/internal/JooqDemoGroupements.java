package fr.communs.demo.internal;

import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data only: the groupements of the seeds' communs, recorded as they stand (members who accepted and confirmed
 * long ago), like seed SQL would. Most demo structures have no account of their own to answer an invitation.
 */
@Repository
@org.springframework.context.annotation.Profile("demo")
public class JooqDemoGroupements {
    private final DSLContext dsl;

    JooqDemoGroupements(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional
    public void insertConfirmedMember(long communId, long structureId, String role) {
        dsl.insertInto(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.COMMUN_ID, communId)
                .set(GROUPEMENT_MEMBRE.STRUCTURE_ID, structureId).set(GROUPEMENT_MEMBRE.ROLE, role)
                .set(GROUPEMENT_MEMBRE.CONFIRME_LE, OffsetDateTime.now()).execute();
    }

    /** The direction of an agent (accounts are created without one). */
    @Transactional
    public void setDirection(String email, String direction) {
        dsl.update(fr.communs.db.Tables.APP_USER).set(fr.communs.db.Tables.APP_USER.DIRECTION, direction)
                .where(fr.communs.db.Tables.APP_USER.EMAIL.eq(email)).execute();
    }
}
