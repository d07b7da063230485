package fr.communs.task.internal;

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
}
