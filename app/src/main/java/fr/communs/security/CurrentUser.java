package fr.communs.security;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.base.NotAllowedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling a service. Services check rights with it; views only use it to adapt what they show. */
@Component
public class CurrentUser {
    private final StructureMemberships memberships;

    CurrentUser(StructureMemberships memberships) {
        this.memberships = memberships;
    }

    /**
     * The logged-in person as their account is now, not as it was at login: joining a structure takes effect at
     * once, and a deactivated account or a changed role stops its open sessions from acting.
     */
    public Optional<AppUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AppUser user) {
            return memberships.current(user.id()).filter(AppUser::actif);
        }
        return Optional.empty();
    }

    /** The caller, or {@link NotAllowedException} when nobody is logged in. */
    public AppUser require() {
        return get().orElseThrow(() -> new NotAllowedException("Vous devez être connecté pour faire cette action."));
    }

    /** The caller, who must have one of the given roles. */
    public AppUser requireRole(String... roles) {
        AppUser user = require();
        for (String role : roles) {
            if (role.equals(user.role())) {
                return user;
            }
        }
        if (Roles.REFERENT.equals(user.role()) && java.util.Arrays.asList(roles).contains(Roles.AGENT)) {
            // A référent is an agent, but not of the service that instructs: say so rather than "your role".
            throw new NotAllowedException(DossierAccess.RESERVE_AU_SERVICE);
        }
        throw new NotAllowedException("Votre rôle ne permet pas cette action.");
    }

    public boolean hasRole(String role) {
        return get().map(u -> role.equals(u.role())).orElse(false);
    }

    /** Camunda candidate groups of the caller. */
    public List<String> groups() {
        return get().map(CurrentUser::groupsOf).orElse(List.of());
    }

    public static List<String> groupsOf(AppUser user) {
        List<String> groups = new ArrayList<>();
        if (Roles.AGENT.equals(user.role())) {
            groups.add(CycleCommunProcess.GROUP_AGENTS);
        }
        user.structureIds().forEach(id -> groups.add(CycleCommunProcess.structureGroup(id)));
        return groups;
    }
}
