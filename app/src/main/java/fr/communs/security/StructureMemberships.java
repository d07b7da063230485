package fr.communs.security;

import fr.communs.security.internal.JooqAppUserRepository;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads which structures a person belongs to (accepted memberships only). */
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
}
