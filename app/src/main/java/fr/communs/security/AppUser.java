package fr.communs.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated person: account, role and the structures they act for. */
public record AppUser(long id, String email, String passwordHash, String nomComplet, String role,
                      boolean actif, Set<Long> structureIds) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return actif;
    }

    /** Camunda user id of this person. */
    public String camundaId() {
        return String.valueOf(id);
    }

    @Override
    public String toString() {
        return "AppUser[" + id + ", " + email + ", " + role + "]";
    }
}
