package fr.communs.security.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import fr.communs.security.AppUser;
import java.util.HashSet;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAppUserRepository {
    private final DSLContext dsl;

    JooqAppUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<AppUser> findByEmail(String email) {
        return dsl.selectFrom(APP_USER).where(APP_USER.EMAIL.equalIgnoreCase(email)).fetchOptional()
                .map(r -> new AppUser(r.getAppUserId(), r.getEmail(), r.getPasswordHash(), r.getNomComplet(),
                        r.getRole(), r.getActif(), structureIdsOf(r.getAppUserId())));
    }

    public java.util.Set<Long> structureIdsOf(long userId) {
        return new HashSet<>(dsl.select(STRUCTURE_MEMBRE.STRUCTURE_ID).from(STRUCTURE_MEMBRE)
                .where(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId).and(STRUCTURE_MEMBRE.STATUT.eq("MEMBRE")))
                .fetch(STRUCTURE_MEMBRE.STRUCTURE_ID));
    }

    public long insert(String email, String passwordHash, String nomComplet, String role, boolean emailConfirme) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email.toLowerCase())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.NOM_COMPLET, nomComplet)
                .set(APP_USER.ROLE, role)
                .set(APP_USER.EMAIL_CONFIRME, emailConfirme)
                .returning(APP_USER.APP_USER_ID).fetchOne().getAppUserId();
    }

    /**
     * A new comité account is an active member of the comité from today, in the collège "acteur de l'ESS" with an
     * organisation to specify, until an administrator completes it (comité administration screen).
     */
    public void insertComiteMembre(long userId, long creePar) {
        dsl.insertInto(COMITE_MEMBRE).set(COMITE_MEMBRE.APP_USER_ID, userId).set(COMITE_MEMBRE.COLLEGE, "ACTEUR_ESS")
                .set(COMITE_MEMBRE.ORGANISATION, "À préciser").set(COMITE_MEMBRE.ACTIF_DU, fr.communs.base.Dates.today())
                .set(COMITE_MEMBRE.CREE_PAR, creePar).onConflictDoNothing().execute();
    }

    public Optional<AppUser> findById(long userId) {
        return dsl.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.APP_USER_ID.eq(userId))
                .fetchOptional(APP_USER.EMAIL).flatMap(this::findByEmail);
    }

    public boolean isEmailConfirmed(long userId) {
        return dsl.fetchExists(APP_USER, APP_USER.APP_USER_ID.eq(userId).and(APP_USER.EMAIL_CONFIRME.isTrue()));
    }

    public void confirmEmail(long userId) {
        dsl.update(APP_USER).set(APP_USER.EMAIL_CONFIRME, true).where(APP_USER.APP_USER_ID.eq(userId)).execute();
    }

    public void updatePassword(long userId, String passwordHash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).where(APP_USER.APP_USER_ID.eq(userId)).execute();
    }

    public void addToStructure(long userId, long structureId) {
        dsl.insertInto(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.APP_USER_ID, userId)
                .set(STRUCTURE_MEMBRE.STRUCTURE_ID, structureId).set(STRUCTURE_MEMBRE.ADMINISTRATEUR, true)
                .onConflictDoNothing().execute();
    }

    public java.util.List<String> activeIdsWithRole(String role) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER)
                .where(APP_USER.ROLE.eq(role).and(APP_USER.ACTIF.isTrue()))
                .orderBy(APP_USER.APP_USER_ID).fetch(r -> String.valueOf(r.value1()));
    }

    /**
     * Camunda ids of the comité members active today: the account open, today in their active period and not
     * deactivated (the same rule as {@code comite.membre.MembreService#membresActifs}, which also reads it for another
     * day; {@code MembreServiceIT} checks that both agree).
     */
    public java.util.List<String> activeComiteMemberIds() {
        java.time.LocalDate today = fr.communs.base.Dates.today();
        java.time.OffsetDateTime endOfToday = today.plusDays(1).atStartOfDay(fr.communs.base.Dates.ZONE).toOffsetDateTime();
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER)
                .join(COMITE_MEMBRE).on(COMITE_MEMBRE.APP_USER_ID.eq(APP_USER.APP_USER_ID))
                .where(APP_USER.ROLE.eq(fr.communs.security.Roles.COMITE), APP_USER.ACTIF.isTrue(),
                        COMITE_MEMBRE.ACTIF_DU.le(today),
                        COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(today)),
                        COMITE_MEMBRE.DESACTIVE_LE.isNull().or(COMITE_MEMBRE.DESACTIVE_LE.ge(endOfToday)))
                .orderBy(APP_USER.APP_USER_ID).fetch(r -> String.valueOf(r.value1()));
    }

    public boolean exists() {
        return dsl.fetchExists(APP_USER);
    }
}
