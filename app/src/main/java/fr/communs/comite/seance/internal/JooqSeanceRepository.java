package fr.communs.comite.seance.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.COMITE_AJOURNEMENT;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.SEANCE_PRESENCE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.base.Dates;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.Seance;
import fr.communs.db.tables.records.SeanceRecord;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Séances, their agenda and attendance (tables seance, seance_audition, seance_presence). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqSeanceRepository {
    private final DSLContext dsl;

    JooqSeanceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static OffsetDateTime toDb(LocalDateTime paris) {
        return paris.atZone(Dates.ZONE).toOffsetDateTime();
    }

    static LocalDateTime toParis(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Dates.ZONE).toLocalDateTime();
    }

    public long insert(long campagneId, LocalDateTime debut, String lieu, String lienVisio, long agentId) {
        return dsl.insertInto(SEANCE).set(SEANCE.CAMPAGNE_ID, campagneId).set(SEANCE.DEBUT, toDb(debut))
                .set(SEANCE.LIEU, lieu).set(SEANCE.LIEN_VISIO, lienVisio).set(SEANCE.CREE_PAR, agentId)
                .returning(SEANCE.SEANCE_ID).fetchOne().getSeanceId();
    }

    public void setProcessInstance(long seanceId, String processInstanceId) {
        dsl.update(SEANCE).set(SEANCE.PROCESS_INSTANCE_ID, processInstanceId).where(SEANCE.SEANCE_ID.eq(seanceId)).execute();
    }

    public Optional<Seance> find(long seanceId) {
        return dsl.selectFrom(SEANCE).where(SEANCE.SEANCE_ID.eq(seanceId)).fetchOptional(JooqSeanceRepository::seance);
    }

    /** Locks the séance's row for the caller's transaction (actions on one séance are serialised). */
    public Optional<Seance> lock(long seanceId) {
        return dsl.selectFrom(SEANCE).where(SEANCE.SEANCE_ID.eq(seanceId)).forUpdate()
                .fetchOptional(JooqSeanceRepository::seance);
    }

    public List<Seance> list(int offset, int limit) {
        return dsl.selectFrom(SEANCE).orderBy(SEANCE.DEBUT.desc(), SEANCE.SEANCE_ID.desc()).offset(offset).limit(limit)
                .fetch(JooqSeanceRepository::seance);
    }

    public int count() {
        return dsl.fetchCount(SEANCE);
    }

    /** Séances (not cancelled) where this member may be convoked: active on the séance's day. */
    public List<Seance> ofMembre(long membreId) {
        return dsl.selectFrom(SEANCE).where(SEANCE.STATUT.ne(Seance.Statut.ANNULEE.name()))
                .and(DSL.exists(DSL.selectOne().from(COMITE_MEMBRE).where(COMITE_MEMBRE.APP_USER_ID.eq(membreId))
                        .and(COMITE_MEMBRE.ACTIF_DU.le(DSL.cast(SEANCE.DEBUT, LocalDate.class)))
                        .and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(DSL.cast(SEANCE.DEBUT, LocalDate.class))))))
                .orderBy(SEANCE.DEBUT.desc()).fetch(JooqSeanceRepository::seance);
    }

    public int update(long seanceId, int version, LocalDateTime debut, String lieu, String lienVisio) {
        return dsl.update(SEANCE).set(SEANCE.DEBUT, toDb(debut)).set(SEANCE.LIEU, lieu).set(SEANCE.LIEN_VISIO, lienVisio)
                .set(SEANCE.VERSION, SEANCE.VERSION.plus(1))
                .where(SEANCE.SEANCE_ID.eq(seanceId)).and(SEANCE.VERSION.eq(version)).execute();
    }

    public void setStatut(long seanceId, Seance.Statut statut) {
        var update = dsl.update(SEANCE).set(SEANCE.STATUT, statut.name()).set(SEANCE.VERSION, SEANCE.VERSION.plus(1));
        if (statut == Seance.Statut.OUVERTE) {
            update = update.set(SEANCE.OUVERTE_LE, OffsetDateTime.now());
        } else if (statut == Seance.Statut.CLOSE) {
            update = update.set(SEANCE.CLOSE_LE, OffsetDateTime.now());
        }
        update.where(SEANCE.SEANCE_ID.eq(seanceId)).execute();
    }

    public long campagneOf(long communId) {
        return dsl.select(COMMUN.CAMPAGNE_ID).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).fetchOne().value1();
    }

    public int quorumPourcent(long campagneId) {
        return dsl.select(CAMPAGNE.COMITE_QUORUM_POURCENT).from(CAMPAGNE).where(CAMPAGNE.CAMPAGNE_ID.eq(campagneId))
                .fetchOne().value1();
    }

    // --- agenda

    public void insertAudition(long seanceId, long communId, LocalDateTime debut, int duree) {
        dsl.insertInto(SEANCE_AUDITION).set(SEANCE_AUDITION.SEANCE_ID, seanceId).set(SEANCE_AUDITION.COMMUN_ID, communId)
                .set(SEANCE_AUDITION.DEBUT, toDb(debut)).set(SEANCE_AUDITION.DUREE_MINUTES, (short) duree).execute();
    }

    public List<Audition> auditions(long seanceId) {
        return auditionQuery(SEANCE_AUDITION.SEANCE_ID.eq(seanceId));
    }

    /** The audition of this file planned on a séance (at most one), if any. */
    public Optional<Audition> auditionPrevue(long communId) {
        return auditionQuery(SEANCE_AUDITION.COMMUN_ID.eq(communId).and(SEANCE_AUDITION.STATUT.eq("PREVUE")))
                .stream().findFirst();
    }

    public Optional<Audition> audition(long seanceId, long communId) {
        return auditionQuery(SEANCE_AUDITION.SEANCE_ID.eq(seanceId).and(SEANCE_AUDITION.COMMUN_ID.eq(communId))
                .and(SEANCE_AUDITION.STATUT.ne("DEPLACEE"))).stream().findFirst();
    }

    private List<Audition> auditionQuery(Condition where) {
        return dsl.select(SEANCE_AUDITION.fields()).select(COMMUN.TITRE, STRUCTURE.NOM)
                .from(SEANCE_AUDITION).join(COMMUN).on(COMMUN.COMMUN_ID.eq(SEANCE_AUDITION.COMMUN_ID))
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(where).orderBy(SEANCE_AUDITION.DEBUT, SEANCE_AUDITION.SEANCE_AUDITION_ID)
                .fetch(r -> new Audition(r.get(SEANCE_AUDITION.SEANCE_AUDITION_ID), r.get(SEANCE_AUDITION.SEANCE_ID),
                        r.get(SEANCE_AUDITION.COMMUN_ID), r.get(COMMUN.TITRE), r.get(STRUCTURE.NOM),
                        toParis(r.get(SEANCE_AUDITION.DEBUT)), r.get(SEANCE_AUDITION.DUREE_MINUTES),
                        Audition.Statut.valueOf(r.get(SEANCE_AUDITION.STATUT)), r.get(SEANCE_AUDITION.MOTIF),
                        r.get(SEANCE_AUDITION.VERSION)));
    }

    public int updateCreneau(long auditionId, int version, LocalDateTime debut, int duree) {
        return dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.DEBUT, toDb(debut))
                .set(SEANCE_AUDITION.DUREE_MINUTES, (short) duree).set(SEANCE_AUDITION.VERSION, SEANCE_AUDITION.VERSION.plus(1))
                .where(SEANCE_AUDITION.SEANCE_AUDITION_ID.eq(auditionId)).and(SEANCE_AUDITION.VERSION.eq(version)).execute();
    }

    public void setAuditionStatut(long auditionId, Audition.Statut statut, String motif) {
        dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.STATUT, statut.name()).set(SEANCE_AUDITION.MOTIF, motif)
                .set(SEANCE_AUDITION.VERSION, SEANCE_AUDITION.VERSION.plus(1))
                .where(SEANCE_AUDITION.SEANCE_AUDITION_ID.eq(auditionId)).execute();
    }

    /** Is this file on the agenda of a séance (planned or heard, not cancelled)? */
    public boolean surUneSeance(long communId) {
        return dsl.fetchExists(dsl.selectOne().from(SEANCE_AUDITION).join(SEANCE).on(SEANCE.SEANCE_ID.eq(SEANCE_AUDITION.SEANCE_ID))
                .where(SEANCE_AUDITION.COMMUN_ID.eq(communId)).and(SEANCE_AUDITION.STATUT.ne("DEPLACEE"))
                .and(SEANCE.STATUT.ne(Seance.Statut.ANNULEE.name())));
    }

    /** Files with an avis or an ajournement recorded at this séance. */
    public List<Long> communsAvecAvis(long seanceId) {
        return dsl.select(COMITE_AVIS.COMMUN_ID).from(COMITE_AVIS).where(COMITE_AVIS.SEANCE_ID.eq(seanceId)).fetch(r -> r.value1());
    }

    public List<Long> communsAjournes(long seanceId) {
        return dsl.select(COMITE_AJOURNEMENT.COMMUN_ID).from(COMITE_AJOURNEMENT).where(COMITE_AJOURNEMENT.SEANCE_ID.eq(seanceId))
                .fetch(r -> r.value1());
    }

    // --- members and attendance

    /** Members active on this day, with their attendance at the séance (null when not recorded). */
    public List<MembreSeance> membres(long seanceId, LocalDate jour) {
        return dsl.select(COMITE_MEMBRE.APP_USER_ID, APP_USER.NOM_COMPLET, DSL.coalesce(STRUCTURE.NOM, COMITE_MEMBRE.ORGANISATION),
                        SEANCE_PRESENCE.PRESENCE)
                .from(COMITE_MEMBRE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMITE_MEMBRE.STRUCTURE_ID))
                .leftJoin(SEANCE_PRESENCE).on(SEANCE_PRESENCE.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID)
                        .and(SEANCE_PRESENCE.SEANCE_ID.eq(seanceId)))
                .where(actifLe(jour))
                .orderBy(APP_USER.NOM_COMPLET)
                .fetch(r -> new MembreSeance(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : Presence.valueOf(r.value4())));
    }

    public static Condition actifLe(LocalDate jour) {
        return COMITE_MEMBRE.ACTIF_DU.le(jour).and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(jour)))
                .and(COMITE_MEMBRE.DESACTIVE_LE.isNull()).and(APP_USER.ACTIF.isTrue());
    }

    public void savePresences(long seanceId, Map<Long, Presence> presences, long agentId) {
        for (Map.Entry<Long, Presence> e : presences.entrySet()) {
            dsl.insertInto(SEANCE_PRESENCE).set(SEANCE_PRESENCE.SEANCE_ID, seanceId)
                    .set(SEANCE_PRESENCE.APP_USER_ID, e.getKey()).set(SEANCE_PRESENCE.PRESENCE, e.getValue().name())
                    .set(SEANCE_PRESENCE.ENREGISTRE_PAR, agentId)
                    .onConflict(SEANCE_PRESENCE.SEANCE_ID, SEANCE_PRESENCE.APP_USER_ID).doUpdate()
                    .set(SEANCE_PRESENCE.PRESENCE, e.getValue().name()).set(SEANCE_PRESENCE.ENREGISTRE_PAR, agentId)
                    .set(SEANCE_PRESENCE.ENREGISTRE_LE, OffsetDateTime.now()).execute();
        }
    }

    /** Members recused from this file (all causes), with their names. */
    public Map<Long, String> deportes(long communId, Collection<Long> membres) {
        return dsl.selectDistinct(COMITE_DEPORT_V.APP_USER_ID, APP_USER.NOM_COMPLET).from(COMITE_DEPORT_V)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_DEPORT_V.APP_USER_ID))
                .where(COMITE_DEPORT_V.COMMUN_ID.eq(communId)).and(COMITE_DEPORT_V.APP_USER_ID.in(membres))
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    public boolean estDeporte(long membreId, long communId) {
        return dsl.fetchExists(COMITE_DEPORT_V, COMITE_DEPORT_V.COMMUN_ID.eq(communId).and(COMITE_DEPORT_V.APP_USER_ID.eq(membreId)));
    }

    public boolean estMembre(long userId) {
        return dsl.fetchExists(COMITE_MEMBRE, COMITE_MEMBRE.APP_USER_ID.eq(userId));
    }

    private static Seance seance(SeanceRecord r) {
        return new Seance(r.getSeanceId(), r.getCampagneId(), toParis(r.getDebut()), r.getLieu(), r.getLienVisio(),
                Seance.Statut.valueOf(r.getStatut()), toParis(r.getOuverteLe()), toParis(r.getCloseLe()), r.getVersion());
    }
}
