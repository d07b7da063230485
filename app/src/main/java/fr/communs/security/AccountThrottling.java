package fr.communs.security;

import com.vaadin.flow.server.VaadinRequest;
import fr.communs.base.ValidationException;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits on guessing, per node (counters in memory, lost at restart; with several nodes, each counts its own):
 * <ul>
 * <li>logins, per account (the normalised address, whether an account has it or not, so that the answer never tells)
 * and per client IP. An attempt is counted before the password is checked; while a limit is reached the attempt is
 * refused without checking the password. A successful login forgets the account's count and gives the IP its token
 * back; {@code alerte-apres} failures in a row on an account mail its holder once per {@code alerte-periode};</li>
 * <li>the forms that send a mail (sign-up, forgotten password, new confirmation link), per target address and per IP:
 * each valid request counts, refused ones send nothing.</li>
 * </ul>
 * The client IP is the request's remote address: behind a reverse proxy, set {@code server.forward-headers-strategy=native}
 * so that it is the client's, not the proxy's. Without a request (service called by the system or a test), only the
 * per-address limits apply.
 */
@Component
class AccountThrottling {
    static final String WAIT_MESSAGE = "Trop de tentatives en peu de temps : pour protéger les comptes, cette action est "
            + "momentanément bloquée. Réessayez dans %s.";

    private final Throttle loginAccounts;
    private final Throttle loginIps;
    private final Throttle alerts;
    private final Throttle formAddresses;
    private final Throttle formIps;
    private final int alertAfter;

    AccountThrottling(ObjectProvider<TimeMeter> timeMeter,
                      @Value("${communs.securite.connexion.par-compte:5/1m,10/15m,20/1h}") String perAccount,
                      @Value("${communs.securite.connexion.par-ip:25/15s,100/1h}") String perIp,
                      @Value("${communs.securite.connexion.alerte-apres:5}") int alertAfter,
                      @Value("${communs.securite.connexion.alerte-periode:24h}") Duration alertPeriod,
                      @Value("${communs.securite.formulaires.par-adresse:5/15m,20/24h}") String formsPerAddress,
                      @Value("${communs.securite.formulaires.par-ip:10/1m,50/1h}") String formsPerIp,
                      @Value("${communs.securite.compteurs-max:100000}") int maxKeys) {
        TimeMeter time = timeMeter.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
        if (alertAfter < 1 || maxKeys < 10) {
            throw new IllegalArgumentException("communs.securite.connexion.alerte-apres doit valoir au moins 1 et "
                    + "communs.securite.compteurs-max au moins 10.");
        }
        this.loginAccounts = new Throttle("communs.securite.connexion.par-compte", perAccount, time, maxKeys);
        this.loginIps = new Throttle("communs.securite.connexion.par-ip", perIp, time, maxKeys);
        this.alerts = new Throttle("communs.securite.connexion.alerte-periode", "1/" + alertPeriod.toSeconds() + "s", time, maxKeys);
        this.formAddresses = new Throttle("communs.securite.formulaires.par-adresse", formsPerAddress, time, maxKeys);
        this.formIps = new Throttle("communs.securite.formulaires.par-ip", formsPerIp, time, maxKeys);
        this.alertAfter = alertAfter;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Counts a login attempt: refused ({@link Throttle.Decision#allowed()} false) when the IP or the account has reached
     * a limit, in which case the password must not be checked. A refused IP does not use the account's token.
     */
    Throttle.Decision beforeLogin(String email, String ip) {
        if (ip != null) {
            Throttle.Decision byIp = loginIps.acquire(ip);
            if (!byIp.allowed()) {
                return byIp;
            }
        }
        return loginAccounts.acquire(normalise(email));
    }

    /** The password was right: the account starts afresh and the IP gets its token back. */
    void loginSucceeded(String email, String ip) {
        loginAccounts.forget(normalise(email));
        if (ip != null) {
            loginIps.refund(ip);
        }
    }

    /** The password was wrong: true when the account's holder is to be told now (once per alert period). */
    boolean loginFailed(String email) {
        String key = normalise(email);
        return loginAccounts.failed(key) >= alertAfter && alerts.acquire(key).allowed();
    }

    /** The password was changed with a reset link: the account's login count starts afresh. */
    void passwordChanged(String email) {
        loginAccounts.forget(normalise(email));
    }

    /**
     * Counts a request of a form that mails this address; {@link ValidationException} with the wait when the address
     * or the caller's IP has reached a limit (nothing is then sent).
     */
    void beforeMailingForm(String email) {
        Optional<String> ip = currentClientIp();
        if (ip.isPresent()) {
            refuseIfThrottled(formIps.acquire(ip.get()));
        }
        refuseIfThrottled(formAddresses.acquire(normalise(email)));
    }

    private static void refuseIfThrottled(Throttle.Decision decision) {
        if (!decision.allowed()) {
            throw new ValidationException(waitMessage(decision.waitTime()));
        }
    }

    static String waitMessage(Duration wait) {
        return WAIT_MESSAGE.formatted(humanWait(wait));
    }

    /** "45 secondes", "1 minute", "15 minutes", "2 heures" (rounded up). */
    static String humanWait(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (seconds > 1 ? " secondes" : " seconde");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + (minutes > 1 ? " minutes" : " minute");
        }
        long hours = (minutes + 59) / 60;
        return hours + " heures";
    }

    /** The client IP of the request being served (a Vaadin request, push included, or a plain HTTP request), if any. */
    static Optional<String> currentClientIp() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null && vaadin.getRemoteAddr() != null) {
            return Optional.of(vaadin.getRemoteAddr());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
