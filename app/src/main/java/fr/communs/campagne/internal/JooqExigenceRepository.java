package fr.communs.campagne.internal;

import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.CAMPAGNE_EXIGENCE;

import fr.communs.campagne.Exigence;
import java.util.EnumSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The requirements of each campagne before transmission ({@code campagne_exigence}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqExigenceRepository {
    private final DSLContext dsl;

    JooqExigenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Set<Exigence> of(long campagneId) {
        Set<Exigence> set = EnumSet.noneOf(Exigence.class);
        dsl.select(CAMPAGNE_EXIGENCE.EXIGENCE).from(CAMPAGNE_EXIGENCE).where(CAMPAGNE_EXIGENCE.CAMPAGNE_ID.eq(campagneId))
                .fetch(r -> Exigence.valueOf(r.value1())).forEach(set::add);
        return set;
    }

    /** Locks the campagne's row (two administrators saving at once are serialised); false if it does not exist. */
    public boolean lockCampagne(long campagneId) {
        return dsl.select(CAMPAGNE.CAMPAGNE_ID).from(CAMPAGNE).where(CAMPAGNE.CAMPAGNE_ID.eq(campagneId)).forUpdate()
                .fetchOptional().isPresent();
    }

    public void replace(long campagneId, Set<Exigence> exigences) {
        dsl.deleteFrom(CAMPAGNE_EXIGENCE).where(CAMPAGNE_EXIGENCE.CAMPAGNE_ID.eq(campagneId)).execute();
        for (Exigence e : exigences) {
            dsl.insertInto(CAMPAGNE_EXIGENCE).set(CAMPAGNE_EXIGENCE.CAMPAGNE_ID, campagneId)
                    .set(CAMPAGNE_EXIGENCE.EXIGENCE, e.name()).execute();
        }
    }
}
