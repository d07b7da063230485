package fr.communs.security.internal;

import static fr.communs.db.Tables.APP_USER;
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
                        r.getRole(), r.getActif(), new HashSet<>(dsl.select(STRUCTURE_MEMBRE.STRUCTURE_ID)
                        .from(STRUCTURE_MEMBRE).where(STRUCTURE_MEMBRE.APP_USER_ID.eq(r.getAppUserId()))
                        .fetch(STRUCTURE_MEMBRE.STRUCTURE_ID))));
    }

    public long insert(String email, String passwordHash, String nomComplet, String role) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email.toLowerCase())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.NOM_COMPLET, nomComplet)
                .set(APP_USER.ROLE, role)
                .returning(APP_USER.APP_USER_ID).fetchOne().getAppUserId();
    }

    public void addToStructure(long userId, long structureId) {
        dsl.insertInto(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.APP_USER_ID, userId)
                .set(STRUCTURE_MEMBRE.STRUCTURE_ID, structureId).onConflictDoNothing().execute();
    }

    public java.util.List<String> activeIdsWithRole(String role) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER)
                .where(APP_USER.ROLE.eq(role).and(APP_USER.ACTIF.isTrue()))
                .orderBy(APP_USER.APP_USER_ID).fetch(r -> String.valueOf(r.value1()));
    }

    public boolean exists() {
        return dsl.fetchExists(APP_USER);
    }
}
