package fr.communs.task.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.STRUCTURE;

import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Titles of communs, for task lists (read model; the commun feature owns the table). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCommunTitles {
    private final DSLContext dsl;

    JooqCommunTitles(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<Long, String> titles(Collection<Long> communIds) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE).from(COMMUN).where(COMMUN.COMMUN_ID.in(communIds))
                .fetchMap(COMMUN.COMMUN_ID, COMMUN.TITRE);
    }

    /** Name of the porteur structure of each commun. */
    public Map<Long, String> porteurs(Collection<Long> communIds) {
        return dsl.select(COMMUN.COMMUN_ID, STRUCTURE.NOM).from(COMMUN)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(COMMUN.COMMUN_ID.in(communIds)).fetchMap(COMMUN.COMMUN_ID, STRUCTURE.NOM);
    }

    /** Full name of the person with this Camunda user id (our account id), if it is one of our accounts. */
    public java.util.Optional<String> personName(String camundaUserId) {
        if (camundaUserId == null || !camundaUserId.matches("[0-9]{1,18}")) {
            return java.util.Optional.empty();
        }
        return dsl.select(APP_USER.NOM_COMPLET).from(APP_USER).where(APP_USER.APP_USER_ID.eq(Long.parseLong(camundaUserId)))
                .fetchOptional(APP_USER.NOM_COMPLET);
    }
}
