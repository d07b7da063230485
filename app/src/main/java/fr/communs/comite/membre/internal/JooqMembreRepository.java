package fr.communs.comite.membre.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMITE_MEMBRE_COMPTE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.base.Dates;
import fr.communs.comite.membre.College;
import fr.communs.comite.membre.CompteLie;
import fr.communs.comite.membre.Membre;
import fr.communs.comite.membre.MembreData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The comité's members (tables {@code comite_membre}, {@code comite_membre_compte}) with their accounts. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqMembreRepository {
    private final DSLContext dsl;

    JooqMembreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An account as the invitation and the linking of accounts need it. */
    public record Compte(long id, String nomComplet, String email, String role, boolean actif) {
    }

    /**
     * Active on {@code jour}: in the period, not deactivated before the end of that day (a member deactivated today
     * is no longer active today; they were on the days before), and the account still open.
     */
    public static Condition actifLe(LocalDate jour) {
        OffsetDateTime finDuJour = jour.plusDays(1).atStartOfDay(Dates.ZONE).toOffsetDateTime();
        return COMITE_MEMBRE.ACTIF_DU.le(jour)
                .and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(jour)))
                .and(COMITE_MEMBRE.DESACTIVE_LE.isNull().or(COMITE_MEMBRE.DESACTIVE_LE.ge(finDuJour)))
                .and(APP_USER.ACTIF.isTrue());
    }

    public List<Membre> all() {
        Map<Long, List<CompteLie>> liens = liens(null);
        return select().orderBy(DSL.lower(APP_USER.NOM_COMPLET), APP_USER.APP_USER_ID)
                .fetch(r -> membre(r, liens.getOrDefault(r.get(COMITE_MEMBRE.APP_USER_ID), List.of())));
    }

    public Optional<Membre> find(long membreId) {
        Map<Long, List<CompteLie>> liens = liens(membreId);
        return select().where(COMITE_MEMBRE.APP_USER_ID.eq(membreId))
                .fetchOptional(r -> membre(r, liens.getOrDefault(membreId, List.of())));
    }

    /** The members active on that day, by name. */
    public List<Membre> membresActifs(LocalDate jour) {
        Map<Long, List<CompteLie>> liens = liens(null);
        return select().where(actifLe(jour)).orderBy(DSL.lower(APP_USER.NOM_COMPLET), APP_USER.APP_USER_ID)
                .fetch(r -> membre(r, liens.getOrDefault(r.get(COMITE_MEMBRE.APP_USER_ID), List.of())));
    }

    public boolean estActif(long membreId, LocalDate jour) {
        return dsl.fetchExists(dsl.selectOne().from(COMITE_MEMBRE)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId).and(actifLe(jour))));
    }

    public boolean exists(long membreId) {
        return dsl.fetchExists(COMITE_MEMBRE, COMITE_MEMBRE.APP_USER_ID.eq(membreId));
    }

    /** Saves the administrator's data if the row is still at {@code version}; the number of rows changed (0 or 1). */
    public int update(long membreId, int version, MembreData d) {
        return dsl.update(COMITE_MEMBRE)
                .set(COMITE_MEMBRE.COLLEGE, d.college().name())
                .set(COMITE_MEMBRE.STRUCTURE_ID, d.structureId())
                .set(COMITE_MEMBRE.ORGANISATION, d.organisation())
                .set(COMITE_MEMBRE.ACTIF_DU, d.actifDu())
                .set(COMITE_MEMBRE.ACTIF_AU, d.actifAu())
                .set(COMITE_MEMBRE.VERSION, COMITE_MEMBRE.VERSION.plus(1))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId), COMITE_MEMBRE.VERSION.eq(version))
                .execute();
    }

    /** Data of a member just created with their account (no concurrent change possible yet). */
    public void complete(long membreId, MembreData d, long creePar) {
        dsl.update(COMITE_MEMBRE)
                .set(COMITE_MEMBRE.COLLEGE, d.college().name())
                .set(COMITE_MEMBRE.STRUCTURE_ID, d.structureId())
                .set(COMITE_MEMBRE.ORGANISATION, d.organisation())
                .set(COMITE_MEMBRE.ACTIF_DU, d.actifDu())
                .set(COMITE_MEMBRE.ACTIF_AU, d.actifAu())
                .set(COMITE_MEMBRE.CREE_PAR, creePar)
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId))
                .execute();
    }

    /** Deactivates the member now if still at {@code version} and not deactivated; rows changed (0 or 1). */
    public int deactivate(long membreId, int version, long par) {
        return dsl.update(COMITE_MEMBRE)
                .set(COMITE_MEMBRE.DESACTIVE_LE, DSL.currentOffsetDateTime())
                .set(COMITE_MEMBRE.DESACTIVE_PAR, par)
                .set(COMITE_MEMBRE.VERSION, COMITE_MEMBRE.VERSION.plus(1))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId), COMITE_MEMBRE.VERSION.eq(version),
                        COMITE_MEMBRE.DESACTIVE_LE.isNull())
                .execute();
    }

    /** Reactivates a deactivated member if still at {@code version}; rows changed (0 or 1). */
    public int reactivate(long membreId, int version) {
        return dsl.update(COMITE_MEMBRE)
                .setNull(COMITE_MEMBRE.DESACTIVE_LE)
                .setNull(COMITE_MEMBRE.DESACTIVE_PAR)
                .set(COMITE_MEMBRE.VERSION, COMITE_MEMBRE.VERSION.plus(1))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId), COMITE_MEMBRE.VERSION.eq(version),
                        COMITE_MEMBRE.DESACTIVE_LE.isNotNull())
                .execute();
    }

    /** Locks the member's row until the end of the transaction (linking accounts, deactivating). */
    public void lock(long membreId) {
        dsl.select(COMITE_MEMBRE.APP_USER_ID).from(COMITE_MEMBRE).where(COMITE_MEMBRE.APP_USER_ID.eq(membreId))
                .forUpdate().fetchOptional();
    }

    public Optional<Compte> compte(String email) {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.EMAIL, APP_USER.ROLE, APP_USER.ACTIF)
                .from(APP_USER).where(APP_USER.EMAIL.equalIgnoreCase(email))
                .fetchOptional(r -> new Compte(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The member an account is linked to as another account of theirs, if any. */
    public Optional<Long> membreDuCompteLie(long compteId) {
        return dsl.select(COMITE_MEMBRE_COMPTE.MEMBRE_ID).from(COMITE_MEMBRE_COMPTE)
                .where(COMITE_MEMBRE_COMPTE.APP_USER_ID.eq(compteId)).fetchOptional(COMITE_MEMBRE_COMPTE.MEMBRE_ID);
    }

    public void link(long membreId, long compteId) {
        dsl.insertInto(COMITE_MEMBRE_COMPTE).set(COMITE_MEMBRE_COMPTE.MEMBRE_ID, membreId)
                .set(COMITE_MEMBRE_COMPTE.APP_USER_ID, compteId).onConflictDoNothing().execute();
    }

    public int unlink(long membreId, long compteId) {
        return dsl.deleteFrom(COMITE_MEMBRE_COMPTE).where(COMITE_MEMBRE_COMPTE.MEMBRE_ID.eq(membreId),
                COMITE_MEMBRE_COMPTE.APP_USER_ID.eq(compteId)).execute();
    }

    public boolean structureExists(long structureId) {
        return dsl.fetchExists(STRUCTURE, STRUCTURE.STRUCTURE_ID.eq(structureId));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        LocalDate today = Dates.today();
        return dsl.select(COMITE_MEMBRE.fields())
                .select(APP_USER.NOM_COMPLET, APP_USER.EMAIL, APP_USER.EMAIL_CONFIRME, STRUCTURE.NOM,
                        DSL.field(actifLe(today)).as("actif"))
                .from(COMITE_MEMBRE)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMITE_MEMBRE.STRUCTURE_ID));
    }

    private static Membre membre(Record r, List<CompteLie> liens) {
        return new Membre(r.get(COMITE_MEMBRE.APP_USER_ID), r.get(APP_USER.NOM_COMPLET), r.get(APP_USER.EMAIL),
                College.valueOf(r.get(COMITE_MEMBRE.COLLEGE)), r.get(COMITE_MEMBRE.STRUCTURE_ID), r.get(STRUCTURE.NOM),
                r.get(COMITE_MEMBRE.ORGANISATION), r.get(COMITE_MEMBRE.ACTIF_DU), r.get(COMITE_MEMBRE.ACTIF_AU),
                r.get(COMITE_MEMBRE.DESACTIVE_LE), Boolean.TRUE.equals(r.get("actif", Boolean.class)),
                !Boolean.TRUE.equals(r.get(APP_USER.EMAIL_CONFIRME)), liens, r.get(COMITE_MEMBRE.VERSION));
    }

    /** The linked accounts of one member ({@code membreId}) or of all ({@code null}), by member. */
    private Map<Long, List<CompteLie>> liens(Long membreId) {
        Condition which = membreId == null ? DSL.noCondition() : COMITE_MEMBRE_COMPTE.MEMBRE_ID.eq(membreId);
        return dsl.select(COMITE_MEMBRE_COMPTE.MEMBRE_ID, APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.EMAIL,
                        APP_USER.ROLE)
                .from(COMITE_MEMBRE_COMPTE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE_COMPTE.APP_USER_ID))
                .where(which).orderBy(APP_USER.EMAIL)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(
                        r -> new CompteLie(r.value2(), r.value3(), r.value4(), r.value5()), Collectors.toList())));
    }
}
