package fr.communs.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login's only authentication provider: counts the attempt per account and per client IP first
 * ({@link AccountThrottling}), refuses it without checking the password while a limit is reached
 * ({@link LoginThrottledException}), and otherwise hands it to the password check. A right password (even of an account
 * whose address is not confirmed yet) starts the account's count afresh; a wrong one counts, and the holder of an
 * existing account is mailed once after repeated failures.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);
    private final AuthenticationProvider passwordCheck;
    private final AccountThrottling throttling;
    private final AccountService accounts;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, AccountThrottling throttling, AccountService accounts) {
        this.passwordCheck = passwordCheck;
        this.throttling = throttling;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Throttle.Decision decision = throttling.beforeLogin(email, ip);
        if (!decision.allowed()) {
            throw new LoginThrottledException(decision.waitTime());
        }
        try {
            Authentication result = passwordCheck.authenticate(authentication);
            throttling.loginSucceeded(email, ip);
            return result;
        } catch (EmailNotConfirmedException e) {
            throttling.loginSucceeded(email, ip); // the password was right
            throw e;
        } catch (AuthenticationException e) {
            if (throttling.loginFailed(email)) {
                try {
                    accounts.tellHolderOfFailedLogins(email);
                } catch (RuntimeException mailFailure) {
                    log.warn("Courriel d'alerte après des connexions échouées non envoyé", mailFailure);
                }
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
