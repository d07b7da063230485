package fr.communs.comite.convocation.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONVOCATION;
import static fr.communs.db.Tables.CONVOCATION_SEANCE;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What convocations are made of (séance, agenda, members, recusals, groupements) and the convocations sent. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqConvocationRepository {
    /** A séance: its start, place and/or video link, status. */
    public record SeanceRow(long id, OffsetDateTime debut, String lieu, String lienVisio, String statut) {
    }

    /** A file on the agenda (audition PREVUE) with its slot. */
    public record AuditionRow(long communId, String titre, OffsetDateTime debut, int dureeMinutes) {
        public OffsetDateTime fin() {
            return debut.plusMinutes(dureeMinutes);
        }
    }

    /** An account that can be written to (active, address confirmed). */
    public record Person(long id, String email, String nom) {
    }

    /** The convocation state of a séance: convoked when, reminded for which start, cancelled when. */
    public record SeanceState(OffsetDateTime convoqueeLe, OffsetDateTime rappelPour, OffsetDateTime annuleeLe) {
    }

    /** A convocation sent: to a member ({@code membreId}) or to a file's groupement ({@code communId}). */
    public record Sent(long id, Long membreId, Long communId, String uid, int sequence, String empreinte,
                       OffsetDateTime envoyeeLe, OffsetDateTime annuleeLe) {
        public boolean active() {
            return annuleeLe == null;
        }
    }

    private final DSLContext dsl;

    JooqConvocationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<SeanceRow> seance(long seanceId) {
        return dsl.select(SEANCE.SEANCE_ID, SEANCE.DEBUT, SEANCE.LIEU, SEANCE.LIEN_VISIO, SEANCE.STATUT).from(SEANCE)
                .where(SEANCE.SEANCE_ID.eq(seanceId))
                .fetchOptional(r -> new SeanceRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Marks the séance convoked (once; kept if it already was). */
    public void markConvoked(long seanceId) {
        dsl.insertInto(CONVOCATION_SEANCE).set(CONVOCATION_SEANCE.SEANCE_ID, seanceId).onConflictDoNothing().execute();
    }

    /**
     * The convocation state of the séance, its row locked until the transaction ends (two actions on one séance send
     * their convocations one after the other, each SEQUENCE once); empty when the séance was never convoked.
     */
    public Optional<SeanceState> lock(long seanceId) {
        return dsl.select(CONVOCATION_SEANCE.CONVOQUEE_LE, CONVOCATION_SEANCE.RAPPEL_POUR, CONVOCATION_SEANCE.ANNULEE_LE)
                .from(CONVOCATION_SEANCE).where(CONVOCATION_SEANCE.SEANCE_ID.eq(seanceId)).forUpdate()
                .fetchOptional(r -> new SeanceState(r.value1(), r.value2(), r.value3()));
    }

    public void markReminded(long seanceId, OffsetDateTime debut) {
        dsl.update(CONVOCATION_SEANCE).set(CONVOCATION_SEANCE.RAPPEL_POUR, debut)
                .where(CONVOCATION_SEANCE.SEANCE_ID.eq(seanceId)).execute();
    }

    public void markCancelled(long seanceId) {
        dsl.update(CONVOCATION_SEANCE).set(CONVOCATION_SEANCE.ANNULEE_LE, OffsetDateTime.now())
                .where(CONVOCATION_SEANCE.SEANCE_ID.eq(seanceId)).execute();
    }

    /** The agenda: files with a planned audition on the séance, by slot. */
    public List<AuditionRow> auditions(long seanceId) {
        return dsl.select(SEANCE_AUDITION.COMMUN_ID, COMMUN.TITRE, SEANCE_AUDITION.DEBUT, SEANCE_AUDITION.DUREE_MINUTES)
                .from(SEANCE_AUDITION).join(COMMUN).on(COMMUN.COMMUN_ID.eq(SEANCE_AUDITION.COMMUN_ID))
                .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId)).and(SEANCE_AUDITION.STATUT.eq("PREVUE"))
                .orderBy(SEANCE_AUDITION.DEBUT, SEANCE_AUDITION.SEANCE_AUDITION_ID)
                .fetch(r -> new AuditionRow(r.value1(), r.value2(), r.value3(), r.value4().intValue()));
    }

    /** Every audition the séance had (planned, moved or held), by creation: a file's last one comes last. */
    public List<AuditionRow> auditionsEver(long seanceId) {
        return dsl.select(SEANCE_AUDITION.COMMUN_ID, COMMUN.TITRE, SEANCE_AUDITION.DEBUT, SEANCE_AUDITION.DUREE_MINUTES)
                .from(SEANCE_AUDITION).join(COMMUN).on(COMMUN.COMMUN_ID.eq(SEANCE_AUDITION.COMMUN_ID))
                .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId))
                .orderBy(SEANCE_AUDITION.SEANCE_AUDITION_ID)
                .fetch(r -> new AuditionRow(r.value1(), r.value2(), r.value3(), r.value4().intValue()));
    }

    /**
     * Members of the comité active on that day (from {@code actif_du}, until {@code actif_au} if set, not
     * deactivated), by account id.
     */
    public List<Long> activeMembers(LocalDate day) {
        return dsl.select(COMITE_MEMBRE.APP_USER_ID).from(COMITE_MEMBRE)
                .where(COMITE_MEMBRE.ACTIF_DU.le(day))
                .and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(day)))
                .and(COMITE_MEMBRE.DESACTIVE_LE.isNull())
                .orderBy(COMITE_MEMBRE.APP_USER_ID)
                .fetch(r -> r.value1());
    }

    /** For each member recused from some of these files (any cause of {@code comite_deport_v}), those files. */
    public Map<Long, Set<Long>> deports(Collection<Long> communIds) {
        Map<Long, Set<Long>> result = new HashMap<>();
        if (communIds.isEmpty()) {
            return result;
        }
        dsl.selectDistinct(COMITE_DEPORT_V.APP_USER_ID, COMITE_DEPORT_V.COMMUN_ID).from(COMITE_DEPORT_V)
                .where(COMITE_DEPORT_V.COMMUN_ID.in(communIds))
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        return result;
    }

    /** The account, if it is active with a confirmed address. */
    public Optional<Person> person(long userId) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.EMAIL, APP_USER.NOM_COMPLET).from(APP_USER)
                .where(APP_USER.APP_USER_ID.eq(userId)).and(APP_USER.ACTIF.isTrue()).and(APP_USER.EMAIL_CONFIRME.isTrue())
                .fetchOptional(r -> new Person(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The people of a file's groupement: active, confirmed accounts that are members (not mere applicants) of a
     * structure of the groupement, each once (as {@code NotificationService.notifyStructures} finds them).
     */
    public List<Person> groupement(long communId) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.EMAIL, APP_USER.NOM_COMPLET).from(APP_USER)
                .where(DSL.exists(DSL.selectOne().from(STRUCTURE_MEMBRE).join(GROUPEMENT_MEMBRE)
                        .on(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(STRUCTURE_MEMBRE.STRUCTURE_ID))
                        .where(STRUCTURE_MEMBRE.APP_USER_ID.eq(APP_USER.APP_USER_ID))
                        .and(STRUCTURE_MEMBRE.STATUT.eq("MEMBRE"))
                        .and(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))))
                .and(APP_USER.ACTIF.isTrue()).and(APP_USER.EMAIL_CONFIRME.isTrue())
                .orderBy(APP_USER.APP_USER_ID)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3()));
    }

    /** The convocations sent for the séance (cancelled ones included), oldest first. */
    public List<Sent> sent(long seanceId) {
        return dsl.selectFrom(CONVOCATION).where(CONVOCATION.SEANCE_ID.eq(seanceId))
                .orderBy(CONVOCATION.CONVOCATION_ID)
                .fetch(r -> new Sent(r.getConvocationId(), r.getMembreId(), r.getCommunId(), r.getUid(), r.getSequence(),
                        r.getEmpreinte(), r.getEnvoyeeLe(), r.getAnnuleeLe()));
    }

    /** Records a first convocation (SEQUENCE 0). */
    public void insert(long seanceId, Long membreId, Long communId, String uid, String empreinte) {
        dsl.insertInto(CONVOCATION).set(CONVOCATION.SEANCE_ID, seanceId).set(CONVOCATION.MEMBRE_ID, membreId)
                .set(CONVOCATION.COMMUN_ID, communId).set(CONVOCATION.UID, uid).set(CONVOCATION.SEQUENCE, 0)
                .set(CONVOCATION.EMPREINTE, empreinte).execute();
    }

    /** Records an update (or a new convocation after a cancellation) sent with this SEQUENCE. */
    public void update(long convocationId, int sequence, String empreinte) {
        dsl.update(CONVOCATION).set(CONVOCATION.SEQUENCE, sequence).set(CONVOCATION.EMPREINTE, empreinte)
                .set(CONVOCATION.ENVOYEE_LE, OffsetDateTime.now()).setNull(CONVOCATION.ANNULEE_LE)
                .set(CONVOCATION.VERSION, CONVOCATION.VERSION.plus(1))
                .where(CONVOCATION.CONVOCATION_ID.eq(convocationId)).execute();
    }

    /** Records the cancellation sent with this SEQUENCE. */
    public void cancel(long convocationId, int sequence) {
        dsl.update(CONVOCATION).set(CONVOCATION.SEQUENCE, sequence).set(CONVOCATION.ANNULEE_LE, OffsetDateTime.now())
                .set(CONVOCATION.VERSION, CONVOCATION.VERSION.plus(1))
                .where(CONVOCATION.CONVOCATION_ID.eq(convocationId)).execute();
    }
}
