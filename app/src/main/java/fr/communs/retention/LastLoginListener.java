package fr.communs.retention;

import fr.communs.security.AppUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Records each successful login (Spring Security's event), from which an account's inactivity is counted. */
@Component
class LastLoginListener {
    private final RetentionService retention;

    LastLoginListener(RetentionService retention) {
        this.retention = retention;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUser user) {
            retention.recordLogin(user.id());
        }
    }
}
