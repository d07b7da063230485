package fr.communs.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password: the account or the client IP has reached a limit. */
class LoginThrottledException extends AuthenticationException {
    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super(AccountThrottling.waitMessage(wait));
        this.wait = wait;
    }

    Duration getWait() {
        return wait;
    }
}
