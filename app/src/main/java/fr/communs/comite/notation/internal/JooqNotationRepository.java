package fr.communs.comite.notation.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_CRITERE;
import static fr.communs.db.Tables.COMITE_NOTATION;
import static fr.communs.db.Tables.COMITE_SCORE;

import fr.communs.base.Dates;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.Notation;
import fr.communs.comite.notation.NoteCritere;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqNotationRepository {
    private final DSLContext dsl;

    JooqNotationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Critere> grille(long campagneId) {
        return dsl.selectFrom(COMITE_CRITERE).where(COMITE_CRITERE.CAMPAGNE_ID.eq(campagneId)).orderBy(COMITE_CRITERE.NUMERO)
                .fetch(r -> new Critere(r.getComiteCritereId(), r.getNumero(), r.getLibelle(), r.getPoids(), r.getNoteMax()));
    }

    /** Locks the campagne's row: two administrators saving its grid at once are serialised. */
    public void lockCampagne(long campagneId) {
        dsl.selectFrom(fr.communs.db.Tables.CAMPAGNE).where(fr.communs.db.Tables.CAMPAGNE.CAMPAGNE_ID.eq(campagneId))
                .forUpdate().fetchOptional();
    }

    public int quorumPourcent(long campagneId) {
        return dsl.select(fr.communs.db.Tables.CAMPAGNE.COMITE_QUORUM_POURCENT).from(fr.communs.db.Tables.CAMPAGNE)
                .where(fr.communs.db.Tables.CAMPAGNE.CAMPAGNE_ID.eq(campagneId)).fetchOne().value1();
    }

    public void setQuorumPourcent(long campagneId, int pourcent) {
        dsl.update(fr.communs.db.Tables.CAMPAGNE).set(fr.communs.db.Tables.CAMPAGNE.COMITE_QUORUM_POURCENT, (short) pourcent)
                .where(fr.communs.db.Tables.CAMPAGNE.CAMPAGNE_ID.eq(campagneId)).execute();
    }

    /** Is a séance of the campagne open (its quorum is being used)? */
    public boolean seanceOuverte(long campagneId) {
        return dsl.fetchExists(dsl.selectOne().from(fr.communs.db.Tables.SEANCE)
                .where(fr.communs.db.Tables.SEANCE.CAMPAGNE_ID.eq(campagneId))
                .and(fr.communs.db.Tables.SEANCE.STATUT.eq("OUVERTE")));
    }

    /** Has any member scored with this campagne's grid (a séance of the campagne)? */
    public boolean aDesNotations(long campagneId) {
        return dsl.fetchExists(dsl.selectOne().from(COMITE_NOTATION).join(fr.communs.db.Tables.SEANCE)
                .on(fr.communs.db.Tables.SEANCE.SEANCE_ID.eq(COMITE_NOTATION.SEANCE_ID))
                .where(fr.communs.db.Tables.SEANCE.CAMPAGNE_ID.eq(campagneId)));
    }

    /** Replaces the campagne's grid by these criteria, numbered in order. */
    public void remplacerGrille(long campagneId, List<fr.communs.comite.notation.CritereData> criteres) {
        dsl.deleteFrom(COMITE_CRITERE).where(COMITE_CRITERE.CAMPAGNE_ID.eq(campagneId)).execute();
        int numero = 1;
        for (var c : criteres) {
            dsl.insertInto(COMITE_CRITERE).set(COMITE_CRITERE.CAMPAGNE_ID, campagneId).set(COMITE_CRITERE.NUMERO, numero++)
                    .set(COMITE_CRITERE.LIBELLE, c.libelle()).set(COMITE_CRITERE.POIDS, java.math.BigDecimal.valueOf(c.poids()))
                    .set(COMITE_CRITERE.NOTE_MAX, c.noteMax().shortValue()).execute();
        }
    }

    /** Inserts the header; false when this member already submitted (the primary key holds). */
    public boolean insertNotation(long seanceId, long communId, long membreId) {
        return dsl.insertInto(COMITE_NOTATION).set(COMITE_NOTATION.SEANCE_ID, seanceId).set(COMITE_NOTATION.COMMUN_ID, communId)
                .set(COMITE_NOTATION.APP_USER_ID, membreId).onConflictDoNothing().execute() == 1;
    }

    public void insertScores(long seanceId, long communId, long membreId, List<NoteCritere> notes) {
        for (NoteCritere n : notes) {
            dsl.insertInto(COMITE_SCORE).set(COMITE_SCORE.SEANCE_ID, seanceId).set(COMITE_SCORE.COMMUN_ID, communId)
                    .set(COMITE_SCORE.APP_USER_ID, membreId).set(COMITE_SCORE.COMITE_CRITERE_ID, n.critereId())
                    .set(COMITE_SCORE.NOTE, n.note().shortValue()).set(COMITE_SCORE.COMMENTAIRE, n.commentaire()).execute();
        }
    }

    /** Bumps the header's version (optimistic lock); false when someone changed it meanwhile. */
    public boolean touch(long seanceId, long communId, long membreId, int version) {
        return dsl.update(COMITE_NOTATION).set(COMITE_NOTATION.MODIFIEE_LE, OffsetDateTime.now())
                .set(COMITE_NOTATION.VERSION, COMITE_NOTATION.VERSION.plus(1))
                .where(key(seanceId, communId, membreId)).and(COMITE_NOTATION.VERSION.eq(version)).execute() == 1;
    }

    public void updateScores(long seanceId, long communId, long membreId, List<NoteCritere> notes) {
        for (NoteCritere n : notes) {
            dsl.update(COMITE_SCORE).set(COMITE_SCORE.NOTE, n.note().shortValue()).set(COMITE_SCORE.COMMENTAIRE, n.commentaire())
                    .where(COMITE_SCORE.SEANCE_ID.eq(seanceId)).and(COMITE_SCORE.COMMUN_ID.eq(communId))
                    .and(COMITE_SCORE.APP_USER_ID.eq(membreId)).and(COMITE_SCORE.COMITE_CRITERE_ID.eq(n.critereId())).execute();
        }
    }

    public Optional<Notation> notation(long seanceId, long communId, long membreId) {
        return notations(key(seanceId, communId, membreId)).stream().findFirst();
    }

    public List<Notation> notations(long seanceId, long communId) {
        return notations(COMITE_NOTATION.SEANCE_ID.eq(seanceId).and(COMITE_NOTATION.COMMUN_ID.eq(communId)));
    }

    private List<Notation> notations(Condition where) {
        var headers = dsl.select(COMITE_NOTATION.fields()).select(APP_USER.NOM_COMPLET).from(COMITE_NOTATION)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_NOTATION.APP_USER_ID)).where(where)
                .orderBy(APP_USER.NOM_COMPLET).fetch();
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<List<Long>, List<NoteCritere>> scores = dsl.select(COMITE_SCORE.fields()).from(COMITE_SCORE)
                .join(COMITE_CRITERE).on(COMITE_CRITERE.COMITE_CRITERE_ID.eq(COMITE_SCORE.COMITE_CRITERE_ID))
                .join(COMITE_NOTATION).on(COMITE_NOTATION.SEANCE_ID.eq(COMITE_SCORE.SEANCE_ID)
                        .and(COMITE_NOTATION.COMMUN_ID.eq(COMITE_SCORE.COMMUN_ID))
                        .and(COMITE_NOTATION.APP_USER_ID.eq(COMITE_SCORE.APP_USER_ID)))
                .where(where).orderBy(COMITE_CRITERE.NUMERO).fetch().stream()
                .collect(Collectors.groupingBy(r -> List.of(r.get(COMITE_SCORE.SEANCE_ID), r.get(COMITE_SCORE.COMMUN_ID),
                                r.get(COMITE_SCORE.APP_USER_ID)), java.util.LinkedHashMap::new,
                        Collectors.mapping(r -> new NoteCritere(r.get(COMITE_SCORE.COMITE_CRITERE_ID),
                                (int) r.get(COMITE_SCORE.NOTE), r.get(COMITE_SCORE.COMMENTAIRE)), Collectors.toList())));
        return headers.stream().map(r -> new Notation(r.get(COMITE_NOTATION.SEANCE_ID), r.get(COMITE_NOTATION.COMMUN_ID),
                r.get(COMITE_NOTATION.APP_USER_ID), r.get(APP_USER.NOM_COMPLET),
                paris(r.get(COMITE_NOTATION.SOUMISE_LE)), paris(r.get(COMITE_NOTATION.MODIFIEE_LE)),
                scores.getOrDefault(List.of(r.get(COMITE_NOTATION.SEANCE_ID), r.get(COMITE_NOTATION.COMMUN_ID),
                        r.get(COMITE_NOTATION.APP_USER_ID)), List.of()), r.get(COMITE_NOTATION.VERSION))).toList();
    }

    private static Condition key(long seanceId, long communId, long membreId) {
        return COMITE_NOTATION.SEANCE_ID.eq(seanceId).and(COMITE_NOTATION.COMMUN_ID.eq(communId))
                .and(COMITE_NOTATION.APP_USER_ID.eq(membreId));
    }

    private static java.time.LocalDateTime paris(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Dates.ZONE).toLocalDateTime();
    }
}
