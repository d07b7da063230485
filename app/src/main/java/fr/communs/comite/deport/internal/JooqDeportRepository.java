package fr.communs.comite.deport.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_DEPORT;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMMUN;

import fr.communs.comite.deport.CauseDeport;
import fr.communs.comite.deport.Deport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recusals: read from the view {@code comite_deport_v} (automatic and declared), declared ones in {@code comite_deport}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqDeportRepository {
    private final DSLContext dsl;

    JooqDeportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every recused member of the file with their causes, by name; causes in the order of {@link CauseDeport}. */
    public List<Deport> deports(long communId) {
        return group(communId, dsl.select(COMITE_DEPORT_V.APP_USER_ID, APP_USER.NOM_COMPLET, COMITE_DEPORT_V.CAUSE,
                        COMITE_DEPORT_V.DETAIL)
                .from(COMITE_DEPORT_V).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_DEPORT_V.APP_USER_ID))
                .where(COMITE_DEPORT_V.COMMUN_ID.eq(communId))
                .orderBy(DSL.lower(APP_USER.NOM_COMPLET), COMITE_DEPORT_V.APP_USER_ID, COMITE_DEPORT_V.DETAIL)
                .fetch());
    }

    public Optional<Deport> deport(long communId, long membreId) {
        return group(communId, dsl.select(COMITE_DEPORT_V.APP_USER_ID, APP_USER.NOM_COMPLET, COMITE_DEPORT_V.CAUSE,
                        COMITE_DEPORT_V.DETAIL)
                .from(COMITE_DEPORT_V).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_DEPORT_V.APP_USER_ID))
                .where(COMITE_DEPORT_V.COMMUN_ID.eq(communId), COMITE_DEPORT_V.APP_USER_ID.eq(membreId))
                .orderBy(COMITE_DEPORT_V.DETAIL)
                .fetch()).stream().findFirst();
    }

    public boolean estDeporte(long membreId, long communId) {
        return dsl.fetchExists(COMITE_DEPORT_V, COMITE_DEPORT_V.COMMUN_ID.eq(communId),
                COMITE_DEPORT_V.APP_USER_ID.eq(membreId));
    }

    public Set<Long> deportes(long communId) {
        return new TreeSet<>(dsl.selectDistinct(COMITE_DEPORT_V.APP_USER_ID).from(COMITE_DEPORT_V)
                .where(COMITE_DEPORT_V.COMMUN_ID.eq(communId)).fetch(COMITE_DEPORT_V.APP_USER_ID));
    }

    /** Records a declared recusal; false if the member had already declared one on this file. */
    public boolean declarer(long communId, long membreId, String motif) {
        return dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, communId)
                .set(COMITE_DEPORT.APP_USER_ID, membreId).set(COMITE_DEPORT.MOTIF, motif)
                .onConflictDoNothing().execute() == 1;
    }

    /** The file's state (name of its statut), if it exists. */
    public Optional<String> statut(long communId) {
        return dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).fetchOptional(COMMUN.STATUT);
    }

    /** Locks the file's row (the same lock as every change of its file): one declaration at a time. */
    public void lockCommun(long communId) {
        dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate().fetchOptional();
    }

    private static List<Deport> group(long communId, List<? extends org.jooq.Record4<Long, String, String, String>> rows) {
        Map<Long, String> noms = new LinkedHashMap<>();
        Map<Long, List<Deport.Cause>> causes = new LinkedHashMap<>();
        for (var r : rows) {
            noms.put(r.value1(), r.value2());
            causes.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new Deport.Cause(CauseDeport.valueOf(r.value3()), r.value4()));
        }
        List<Deport> deports = new ArrayList<>();
        for (var e : causes.entrySet()) {
            List<Deport.Cause> sorted = new ArrayList<>(e.getValue());
            sorted.sort(java.util.Comparator.comparing(Deport.Cause::cause));
            deports.add(new Deport(communId, e.getKey(), noms.get(e.getKey()), List.copyOf(sorted)));
        }
        return deports;
    }
}
