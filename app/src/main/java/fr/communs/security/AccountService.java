package fr.communs.security;

import fr.communs.base.Checks;
import fr.communs.security.internal.JooqAppUserRepository;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: login lookup and creation (self-service sign-up comes with the structures issue). */
@Service
public class AccountService implements UserDetailsService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JooqAppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    AccountService(JooqAppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional(readOnly = true)
    public AppUser loadUserByUsername(String email) {
        return users.findByEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> new UsernameNotFoundException("Identifiants incorrects"));
    }

    /** Creates an account (used by the demo data and administrators). */
    @Transactional
    public long createAccount(String email, String password, String nomComplet, String role, List<Long> structureIds) {
        Checks.start()
                .required(email, "Adresse électronique", 254)
                .check(email == null || EMAIL.matcher(email).matches(), "L'adresse électronique n'est pas valide.")
                .check(password != null && password.length() >= 12, "Le mot de passe doit contenir au moins 12 caractères.")
                .required(nomComplet, "Nom complet", 200)
                .check(List.of(Roles.STRUCTURE, Roles.AGENT, Roles.COMITE, Roles.ADMIN).contains(role), "Rôle inconnu.")
                .check(email == null || users.findByEmail(email).isEmpty(), "Un compte existe déjà avec cette adresse.")
                .orThrow();
        long id = users.insert(email.strip(), passwordEncoder.encode(password), nomComplet.strip(), role);
        structureIds.forEach(s -> users.addToStructure(id, s));
        return id;
    }

    /** Camunda user ids of the active comité members. */
    @Transactional(readOnly = true)
    public List<String> activeComiteMemberIds() {
        return users.activeIdsWithRole(Roles.COMITE);
    }

    @Transactional(readOnly = true)
    public boolean anyAccount() {
        return users.exists();
    }
}
