package fr.communs.avis.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.AVIS_REFERENT;
import static fr.communs.db.Tables.COMMUN;

import fr.communs.avis.AvisReferent;
import fr.communs.avis.Referent;
import fr.communs.avis.SensAvis;
import fr.communs.avis.StatutAvis;
import fr.communs.base.CommunStatut;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Requests for the avis of référents thématiques ({@code avis_referent}) and the agents who can be asked. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAvisRepository {
    private static final fr.communs.db.tables.AppUser DEMANDEUR = APP_USER.as("demandeur");
    private static final fr.communs.db.tables.AppUser REFERENT = APP_USER.as("referent");

    private final DSLContext dsl;

    JooqAvisRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An account that may be asked for an avis, as it is now. */
    public record Agent(long id, String nom, String direction, String role, boolean actif) {
    }

    /** What a request needs to know of the commun. */
    public record CommunRef(long id, String titre, CommunStatut statut) {
    }

    /** Active accounts with one of these roles, except one, ordered by direction (unknown last) then name. */
    public List<Referent> activeWithRoleExcept(Collection<String> roles, long exceptUserId) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.DIRECTION).from(APP_USER)
                .where(APP_USER.ROLE.in(roles).and(APP_USER.ACTIF.isTrue()).and(APP_USER.APP_USER_ID.ne(exceptUserId)))
                .orderBy(APP_USER.DIRECTION.asc().nullsLast(), APP_USER.NOM_COMPLET.asc(), APP_USER.APP_USER_ID.asc())
                .fetch(r -> new Referent(r.value1(), r.value2(), r.value3()));
    }

    /** These accounts, by id (unknown ids are absent). */
    public Map<Long, Agent> accounts(Collection<Long> ids) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.DIRECTION, APP_USER.ROLE, APP_USER.ACTIF)
                .from(APP_USER).where(APP_USER.APP_USER_ID.in(ids))
                .fetchMap(APP_USER.APP_USER_ID, r -> new Agent(r.value1(), r.value2(), r.value3(), r.value4(),
                        Boolean.TRUE.equals(r.value5())));
    }

    public Optional<String> nameOf(long userId) {
        return dsl.select(APP_USER.NOM_COMPLET).from(APP_USER).where(APP_USER.APP_USER_ID.eq(userId))
                .fetchOptional(APP_USER.NOM_COMPLET);
    }

    /**
     * The commun, its row locked until the end of the transaction: requests on one file are serialised, so the
     * check for a pending request and the insert see the same state.
     */
    public Optional<CommunRef> lockCommun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId)).forUpdate()
                .fetchOptional(r -> new CommunRef(r.value1(), r.value2(), CommunStatut.valueOf(r.value3())));
    }

    public Optional<CommunRef> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRef(r.value1(), r.value2(), CommunStatut.valueOf(r.value3())));
    }

    /** Among these référents, those who already have a pending request on the file. */
    public List<Long> withPendingRequest(long communId, Collection<Long> referentIds) {
        return dsl.select(AVIS_REFERENT.REFERENT_ID).from(AVIS_REFERENT)
                .where(AVIS_REFERENT.COMMUN_ID.eq(communId).and(AVIS_REFERENT.REFERENT_ID.in(referentIds))
                        .and(AVIS_REFERENT.STATUT.eq(StatutAvis.EN_ATTENTE.name())))
                .fetch(AVIS_REFERENT.REFERENT_ID);
    }

    public long insert(long communId, long demandeurId, long referentId, String question, LocalDate dateLimite) {
        return dsl.insertInto(AVIS_REFERENT)
                .set(AVIS_REFERENT.COMMUN_ID, communId)
                .set(AVIS_REFERENT.DEMANDEUR_ID, demandeurId)
                .set(AVIS_REFERENT.REFERENT_ID, referentId)
                .set(AVIS_REFERENT.QUESTION, question)
                .set(AVIS_REFERENT.DATE_LIMITE, dateLimite)
                .returning(AVIS_REFERENT.AVIS_REFERENT_ID).fetchOne().getAvisReferentId();
    }

    /** Records the référent's avis if the request is still pending; returns the number of rows changed (0 or 1). */
    public int markRendu(long avisId, long referentId, SensAvis avis, String reponse) {
        return dsl.update(AVIS_REFERENT)
                .set(AVIS_REFERENT.STATUT, StatutAvis.RENDU.name())
                .set(AVIS_REFERENT.AVIS, avis.name())
                .set(AVIS_REFERENT.REPONSE, reponse)
                .set(AVIS_REFERENT.RENDU_LE, DSL.currentOffsetDateTime())
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId).and(AVIS_REFERENT.REFERENT_ID.eq(referentId))
                        .and(AVIS_REFERENT.STATUT.eq(StatutAvis.EN_ATTENTE.name())))
                .execute();
    }

    /** Cancels the request if it is still pending; returns the number of rows changed (0 or 1). */
    public int markAnnule(long avisId) {
        return dsl.update(AVIS_REFERENT)
                .set(AVIS_REFERENT.STATUT, StatutAvis.ANNULE.name())
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId)
                        .and(AVIS_REFERENT.STATUT.eq(StatutAvis.EN_ATTENTE.name())))
                .execute();
    }

    /** Counts one more reminder if the request is still pending; returns the number of rows changed (0 or 1). */
    public int countReminder(long avisId) {
        return dsl.update(AVIS_REFERENT)
                .set(AVIS_REFERENT.RELANCES, AVIS_REFERENT.RELANCES.plus(1))
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId)
                        .and(AVIS_REFERENT.STATUT.eq(StatutAvis.EN_ATTENTE.name())))
                .execute();
    }

    public Optional<AvisReferent> find(long avisId) {
        return select().where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId)).fetchOptional(JooqAvisRepository::toAvis);
    }

    /** Requests on a file, the oldest first. */
    public List<AvisReferent> byCommun(long communId) {
        return select().where(AVIS_REFERENT.COMMUN_ID.eq(communId))
                .orderBy(AVIS_REFERENT.CREATED_AT.asc(), AVIS_REFERENT.AVIS_REFERENT_ID.asc())
                .fetch(JooqAvisRepository::toAvis);
    }

    /** The person who asked for this avis. */
    /** The agent who instructs the file, if any. */
    public Optional<Long> instructeurOf(long communId) {
        var suivi = fr.communs.db.Tables.DOSSIER_SUIVI;
        return dsl.select(suivi.INSTRUCTEUR_ID).from(suivi).where(suivi.COMMUN_ID.eq(communId))
                .fetchOptional(suivi.INSTRUCTEUR_ID);
    }

    /** Whether this person was asked for an avis on the file and the request was not cancelled. */
    public boolean asked(long referentId, long communId) {
        return dsl.fetchExists(AVIS_REFERENT, AVIS_REFERENT.COMMUN_ID.eq(communId)
                .and(AVIS_REFERENT.REFERENT_ID.eq(referentId))
                .and(AVIS_REFERENT.STATUT.in(StatutAvis.EN_ATTENTE.name(), StatutAvis.RENDU.name())));
    }

    /** Ids of the pending requests on a file. */
    public List<Long> pendingOf(long communId) {
        return dsl.select(AVIS_REFERENT.AVIS_REFERENT_ID).from(AVIS_REFERENT)
                .where(AVIS_REFERENT.COMMUN_ID.eq(communId).and(AVIS_REFERENT.STATUT.eq(StatutAvis.EN_ATTENTE.name())))
                .fetch(AVIS_REFERENT.AVIS_REFERENT_ID);
    }

    public Optional<Long> demandeurOf(long avisId) {
        return dsl.select(AVIS_REFERENT.DEMANDEUR_ID).from(AVIS_REFERENT)
                .where(AVIS_REFERENT.AVIS_REFERENT_ID.eq(avisId)).fetchOptional(AVIS_REFERENT.DEMANDEUR_ID);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(AVIS_REFERENT.fields()).select(DEMANDEUR.NOM_COMPLET, REFERENT.NOM_COMPLET, REFERENT.DIRECTION)
                .from(AVIS_REFERENT)
                .join(DEMANDEUR).on(DEMANDEUR.APP_USER_ID.eq(AVIS_REFERENT.DEMANDEUR_ID))
                .join(REFERENT).on(REFERENT.APP_USER_ID.eq(AVIS_REFERENT.REFERENT_ID));
    }

    private static AvisReferent toAvis(Record r) {
        String avis = r.get(AVIS_REFERENT.AVIS);
        return new AvisReferent(r.get(AVIS_REFERENT.AVIS_REFERENT_ID), r.get(AVIS_REFERENT.COMMUN_ID),
                r.get(DEMANDEUR.NOM_COMPLET), r.get(AVIS_REFERENT.REFERENT_ID), r.get(REFERENT.NOM_COMPLET),
                r.get(REFERENT.DIRECTION), r.get(AVIS_REFERENT.QUESTION), r.get(AVIS_REFERENT.DATE_LIMITE),
                StatutAvis.valueOf(r.get(AVIS_REFERENT.STATUT)), avis == null ? null : SensAvis.valueOf(avis),
                r.get(AVIS_REFERENT.REPONSE), r.get(AVIS_REFERENT.CREATED_AT), r.get(AVIS_REFERENT.RENDU_LE),
                r.get(AVIS_REFERENT.RELANCES));
    }
}
