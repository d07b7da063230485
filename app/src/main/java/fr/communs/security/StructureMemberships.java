package fr.communs.security;

import fr.communs.security.internal.JooqAppUserRepository;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a logged-in person's account as it is now: role, active flag, structures (accepted memberships only). */
@Component
class StructureMemberships {
    private final JooqAppUserRepository users;

    StructureMemberships(JooqAppUserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Set<Long> structureIdsOf(long userId) {
        return users.structureIdsOf(userId);
    }

    /** The account as it is now (role, active, structures), or empty if it no longer exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<AppUser> current(long userId) {
        return users.findById(userId);
    }
}
