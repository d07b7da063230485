package fr.communs.commun.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.GROUPEMENT_DEMANDE;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.commun.DemandeGroupement;
import fr.communs.commun.RoleGroupement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Members of groupements, join requests and invitations. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqGroupementRepository {
    private final DSLContext dsl;

    JooqGroupementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Role and confirmation date ({@code null}: not confirmed) of a member. */
    public record Row(long structureId, RoleGroupement role, OffsetDateTime confirmeLe, boolean porteurPropose) {
    }

    public void insertMembre(long communId, long structureId, RoleGroupement role, Long confirmePar) {
        dsl.insertInto(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.COMMUN_ID, communId)
                .set(GROUPEMENT_MEMBRE.STRUCTURE_ID, structureId).set(GROUPEMENT_MEMBRE.ROLE, role.name())
                .set(GROUPEMENT_MEMBRE.CONFIRME_LE, confirmePar == null ? null : OffsetDateTime.now())
                .set(GROUPEMENT_MEMBRE.CONFIRME_PAR, confirmePar).execute();
    }

    public int deleteMembre(long communId, long structureId) {
        return dsl.deleteFrom(GROUPEMENT_MEMBRE).where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)
                .and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))
                .and(GROUPEMENT_MEMBRE.ROLE.ne(RoleGroupement.PORTEUR.name()))).execute();
    }

    /** Sets the role; the member must confirm again unless {@code confirmePar} is given. */
    public void setRole(long communId, long structureId, RoleGroupement role, Long confirmePar) {
        dsl.update(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.ROLE, role.name())
                .set(GROUPEMENT_MEMBRE.CONFIRME_LE, confirmePar == null ? null : OffsetDateTime.now())
                .set(GROUPEMENT_MEMBRE.CONFIRME_PAR, confirmePar)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId).and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))).execute();
    }

    /** Changes the role only, keeping the confirmation as it is (the former porteur handing over its role). */
    public void setRoleOnly(long communId, long structureId, RoleGroupement role) {
        dsl.update(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.ROLE, role.name())
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId).and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))).execute();
    }

    public int confirm(long communId, long structureId, long userId) {
        return dsl.update(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.CONFIRME_LE, OffsetDateTime.now())
                .set(GROUPEMENT_MEMBRE.CONFIRME_PAR, userId)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId).and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))
                        .and(GROUPEMENT_MEMBRE.CONFIRME_LE.isNull())).execute();
    }

    /** Members in order of joining. */
    public List<Row> membres(long communId) {
        return dsl.select(GROUPEMENT_MEMBRE.STRUCTURE_ID, GROUPEMENT_MEMBRE.ROLE, GROUPEMENT_MEMBRE.CONFIRME_LE,
                        GROUPEMENT_MEMBRE.PORTEUR_PROPOSE)
                .from(GROUPEMENT_MEMBRE).where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                .orderBy(GROUPEMENT_MEMBRE.CREATED_AT, GROUPEMENT_MEMBRE.STRUCTURE_ID)
                .fetch(r -> new Row(r.value1(), RoleGroupement.valueOf(r.value2()), r.value3(), r.value4()));
    }

    /** Marks the one member the porteur proposes its role to (none with {@code null}). */
    public void proposePorteur(long communId, Long structureId) {
        dsl.update(GROUPEMENT_MEMBRE)
                .set(GROUPEMENT_MEMBRE.PORTEUR_PROPOSE, structureId == null ? org.jooq.impl.DSL.inline(false)
                        : org.jooq.impl.DSL.field(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId)))
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)).execute();
    }

    public Optional<Row> membre(long communId, long structureId) {
        return membres(communId).stream().filter(r -> r.structureId() == structureId).findFirst();
    }

    /** The memberships of these structures in groupements (published communs or drafts), newest first. */
    public List<Membership> membershipsOf(Collection<Long> structureIds) {
        return dsl.select(GROUPEMENT_MEMBRE.COMMUN_ID, GROUPEMENT_MEMBRE.STRUCTURE_ID, GROUPEMENT_MEMBRE.ROLE,
                        GROUPEMENT_MEMBRE.CONFIRME_LE, GROUPEMENT_MEMBRE.PORTEUR_PROPOSE)
                .from(GROUPEMENT_MEMBRE).where(GROUPEMENT_MEMBRE.STRUCTURE_ID.in(structureIds))
                .orderBy(GROUPEMENT_MEMBRE.CREATED_AT.desc())
                .fetch(r -> new Membership(r.value1(), new Row(r.value2(), RoleGroupement.valueOf(r.value3()), r.value4(), r.value5())));
    }

    public record Membership(long communId, Row row) {
    }

    /** Pending join requests received by communs these structures carry as porteur. */
    public List<DemandeGroupement> pendingRequestsTo(Collection<Long> porteurStructureIds) {
        return select(COMMUN.PORTEUR_STRUCTURE_ID.in(porteurStructureIds)
                .and(GROUPEMENT_DEMANDE.SENS.eq(DemandeGroupement.Sens.DEMANDE.name()))
                .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name())));
    }

    // --- Requests and invitations ---

    public long insertDemande(long communId, long structureId, DemandeGroupement.Sens sens, RoleGroupement role,
                              String message, long userId) {
        return dsl.insertInto(GROUPEMENT_DEMANDE).set(GROUPEMENT_DEMANDE.COMMUN_ID, communId)
                .set(GROUPEMENT_DEMANDE.STRUCTURE_ID, structureId).set(GROUPEMENT_DEMANDE.SENS, sens.name())
                .set(GROUPEMENT_DEMANDE.ROLE, role.name()).set(GROUPEMENT_DEMANDE.MESSAGE, message)
                .set(GROUPEMENT_DEMANDE.CREE_PAR, userId)
                .returning(GROUPEMENT_DEMANDE.GROUPEMENT_DEMANDE_ID).fetchOne().getGroupementDemandeId();
    }

    /** Closes a pending request/invitation; false if it was no longer pending (someone else decided first). */
    public boolean decide(long demandeId, DemandeGroupement.Statut statut, long userId, String reponse) {
        return dsl.update(GROUPEMENT_DEMANDE).set(GROUPEMENT_DEMANDE.STATUT, statut.name())
                .set(GROUPEMENT_DEMANDE.DECIDE_PAR, userId).set(GROUPEMENT_DEMANDE.DECIDE_LE, OffsetDateTime.now())
                .set(GROUPEMENT_DEMANDE.REPONSE, reponse)
                .where(GROUPEMENT_DEMANDE.GROUPEMENT_DEMANDE_ID.eq(demandeId)
                        .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name()))).execute() == 1;
    }

    /** Cancels what is still pending for a commun (at transmission, or when the deposit closes). */
    public int cancelPending(long communId) {
        return dsl.update(GROUPEMENT_DEMANDE).set(GROUPEMENT_DEMANDE.STATUT, DemandeGroupement.Statut.ANNULEE.name())
                .set(GROUPEMENT_DEMANDE.DECIDE_LE, OffsetDateTime.now())
                .where(GROUPEMENT_DEMANDE.COMMUN_ID.eq(communId)
                        .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name()))).execute();
    }

    public Optional<DemandeGroupement> demande(long demandeId) {
        return select(GROUPEMENT_DEMANDE.GROUPEMENT_DEMANDE_ID.eq(demandeId)).stream().findFirst();
    }

    public Optional<DemandeGroupement> pendingFor(long communId, long structureId) {
        return select(GROUPEMENT_DEMANDE.COMMUN_ID.eq(communId).and(GROUPEMENT_DEMANDE.STRUCTURE_ID.eq(structureId))
                .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name()))).stream().findFirst();
    }

    public List<DemandeGroupement> pendingOfCommun(long communId) {
        return select(GROUPEMENT_DEMANDE.COMMUN_ID.eq(communId)
                .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name())));
    }

    /** Pending requests and invitations of these structures (all communs). */
    public List<DemandeGroupement> pendingOfStructures(Collection<Long> structureIds) {
        return select(GROUPEMENT_DEMANDE.STRUCTURE_ID.in(structureIds)
                .and(GROUPEMENT_DEMANDE.STATUT.eq(DemandeGroupement.Statut.EN_ATTENTE.name())));
    }

    private List<DemandeGroupement> select(Condition condition) {
        return dsl.select(GROUPEMENT_DEMANDE.asterisk(), COMMUN.TITRE, STRUCTURE.NOM).from(GROUPEMENT_DEMANDE)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(GROUPEMENT_DEMANDE.COMMUN_ID))
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(GROUPEMENT_DEMANDE.STRUCTURE_ID))
                .where(condition).orderBy(GROUPEMENT_DEMANDE.CREATED_AT, GROUPEMENT_DEMANDE.GROUPEMENT_DEMANDE_ID)
                .fetch(JooqGroupementRepository::toDemande);
    }

    private static DemandeGroupement toDemande(Record r) {
        return new DemandeGroupement(r.get(GROUPEMENT_DEMANDE.GROUPEMENT_DEMANDE_ID), r.get(GROUPEMENT_DEMANDE.COMMUN_ID),
                r.get(COMMUN.TITRE), r.get(GROUPEMENT_DEMANDE.STRUCTURE_ID), r.get(STRUCTURE.NOM),
                DemandeGroupement.Sens.valueOf(r.get(GROUPEMENT_DEMANDE.SENS)),
                RoleGroupement.valueOf(r.get(GROUPEMENT_DEMANDE.ROLE)), r.get(GROUPEMENT_DEMANDE.MESSAGE),
                DemandeGroupement.Statut.valueOf(r.get(GROUPEMENT_DEMANDE.STATUT)), r.get(GROUPEMENT_DEMANDE.CREATED_AT),
                r.get(GROUPEMENT_DEMANDE.DECIDE_LE), r.get(GROUPEMENT_DEMANDE.REPONSE));
    }
}
