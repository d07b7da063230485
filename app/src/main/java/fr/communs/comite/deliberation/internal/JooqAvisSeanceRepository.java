package fr.communs.comite.deliberation.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_AJOURNEMENT;
import static fr.communs.db.Tables.COMITE_AVIS;

import fr.communs.base.Dates;
import fr.communs.comite.deliberation.AvisRendu;
import fr.communs.comite.deliberation.AvisSeance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAvisSeanceRepository {
    private final DSLContext dsl;

    JooqAvisSeanceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** False when the file already has an avis (one per file: the primary key holds). */
    public boolean insertAvis(long seanceId, long communId, AvisSeance a, long agentId) {
        return dsl.insertInto(COMITE_AVIS).set(COMITE_AVIS.COMMUN_ID, communId).set(COMITE_AVIS.SEANCE_ID, seanceId)
                .set(COMITE_AVIS.AVIS, a.type().name()).set(COMITE_AVIS.MOTIVATION, a.motivation())
                .set(COMITE_AVIS.RESERVES, a.reserves())
                .set(COMITE_AVIS.SUBVENTION_PROPOSEE, a.subvention() == null ? BigDecimal.ZERO : a.subvention())
                .set(COMITE_AVIS.AGENT_ID, agentId).onConflictDoNothing().execute() == 1;
    }

    public boolean insertAjournement(long seanceId, long communId, String motivation, long agentId) {
        return dsl.insertInto(COMITE_AJOURNEMENT).set(COMITE_AJOURNEMENT.SEANCE_ID, seanceId)
                .set(COMITE_AJOURNEMENT.COMMUN_ID, communId).set(COMITE_AJOURNEMENT.MOTIVATION, motivation)
                .set(COMITE_AJOURNEMENT.AGENT_ID, agentId).onConflictDoNothing().execute() == 1;
    }

    /** Avis and ajournements of a file, oldest first. */
    public List<AvisRendu> ofCommun(long communId) {
        List<AvisRendu> result = new ArrayList<>();
        dsl.select(COMITE_AJOURNEMENT.fields()).select(APP_USER.NOM_COMPLET).from(COMITE_AJOURNEMENT)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_AJOURNEMENT.AGENT_ID))
                .where(COMITE_AJOURNEMENT.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> result.add(new AvisRendu(r.get(COMITE_AJOURNEMENT.SEANCE_ID), communId, AvisSeance.Type.AJOURNE,
                        r.get(COMITE_AJOURNEMENT.MOTIVATION), null, null, r.get(APP_USER.NOM_COMPLET),
                        r.get(COMITE_AJOURNEMENT.CREATED_AT).atZoneSameInstant(Dates.ZONE).toLocalDateTime())));
        dsl.select(COMITE_AVIS.fields()).select(APP_USER.NOM_COMPLET).from(COMITE_AVIS)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_AVIS.AGENT_ID))
                .where(COMITE_AVIS.COMMUN_ID.eq(communId)).and(COMITE_AVIS.SEANCE_ID.isNotNull()).fetch()
                .forEach(r -> result.add(new AvisRendu(r.get(COMITE_AVIS.SEANCE_ID), communId,
                        AvisSeance.Type.valueOf(r.get(COMITE_AVIS.AVIS)), r.get(COMITE_AVIS.MOTIVATION),
                        r.get(COMITE_AVIS.RESERVES), r.get(COMITE_AVIS.SUBVENTION_PROPOSEE), r.get(APP_USER.NOM_COMPLET),
                        r.get(COMITE_AVIS.CREATED_AT).atZoneSameInstant(Dates.ZONE).toLocalDateTime())));
        result.sort(java.util.Comparator.comparing(AvisRendu::le));
        return result;
    }
}
