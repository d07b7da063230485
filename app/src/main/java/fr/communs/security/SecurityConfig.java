package fr.communs.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.communs.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Spring Security for the Vaadin UI: views are denied unless annotated; static styles are public.
 * Camunda's web applications and REST API are not on the class path at all (see README, Decisions).
 *
 * <p>Login: a correct password of an account whose address is not confirmed is refused
 * ({@link EmailNotConfirmedException}, shown by the login page at {@code /login?non-confirme}); a member of no
 * structure goes to {@code mes-structures} after logging in.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {
    static final String LOGIN_ERROR_URL = "/login?error";
    static final String LOGIN_NOT_CONFIRMED_URL = "/login?non-confirme";
    static final String FIRST_STEPS_URL = "/mes-structures";

    static final String LOGIN_WAIT_PARAMETER = "attente";
    /** Browser features the platform never uses, denied to every page (and to anything a page would embed). */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            @Value("${communs.carte.tuiles:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String tiles) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(StaticCache.PATTERNS).permitAll());
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                // Pages and data keep Spring Security's "no-store"; static files are cached (see StaticCache).
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(StaticCache.PATHS),
                        new CacheControlHeadersWriter()))
                // Written unless the response has its own (a downloaded piece has a stricter, sandboxing one).
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tiles)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        http.addFilterAfter(new StaticCache(), HeaderWriterFilter.class);
        // Vaadin's configurer exempts the login page from CSRF, so that a native form posted by another site could log
        // a visitor in to the attacker's account. Vaadin's login form sends the token itself (read from the page's
        // _csrf meta tags): only Vaadin's own requests, protected by its own token, stay exempt.
        http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class, "/")
                .enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        filter.setAccessDeniedHandler(SecurityConfig::refuseWithoutCsrfToken);
                        return filter;
                    }
                }));
        // After Vaadin's configurer, so that it has set the login page when form login initialises (otherwise Spring's
        // generated login page would answer /login). Vaadin sets its own success handler on the login filter: it is
        // wrapped once the filter is built.
        ExceptionMappingAuthenticationFailureHandler mapped = new ExceptionMappingAuthenticationFailureHandler();
        mapped.setDefaultFailureUrl(LOGIN_ERROR_URL);
        mapped.setExceptionMappings(Map.of(EmailNotConfirmedException.class.getName(), LOGIN_NOT_CONFIRMED_URL));
        AuthenticationFailureHandler failure = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                response.sendRedirect(request.getContextPath() + "/login?" + LOGIN_WAIT_PARAMETER + "="
                        + Math.max(1, throttled.getWait().toSeconds()));
            } else {
                mapped.onAuthenticationFailure(request, response, exception);
            }
        };
        http.formLogin(form -> form.failureHandler(failure)
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        AuthenticationSuccessHandler vaadin =
                                http.getSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class);
                        if (vaadin != null) {
                            filter.setAuthenticationSuccessHandler(firstSteps(vaadin));
                        }
                        return filter;
                    }
                }));
        return http.build();
    }

    /**
     * What the browser may load: Vaadin Flow needs inline and evaluated scripts and inline styles (its client engine
     * starts from an inline script and runs the expressions the server sends); everything else comes from the platform
     * itself, except the map's tiles, from the host of {@code communs.carte.tuiles}. Push uses the same origin.
     */
    static String contentSecurityPolicy(String tiles) {
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob: " + tileSource(tiles) + "; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The origin of a tile URL template: {@code https://{s}.tile.example.org/{z}/…} gives {@code https://*.tile.example.org}. */
    static String tileSource(String template) {
        Matcher m = TILE_ORIGIN.matcher(template == null ? "" : template.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("communs.carte.tuiles doit être une adresse http:// ou https:// (« "
                    + template + " »).");
        }
        String host = m.group(2).replaceAll("\\{[a-z]+}", "*");
        if (!host.matches("(\\*\\.)?[A-Za-z0-9.-]+(:\\d+)?")) {
            throw new IllegalArgumentException("communs.carte.tuiles : hôte « " + m.group(2) + " » non pris en charge.");
        }
        return m.group(1).toLowerCase(Locale.ROOT) + "://" + host;
    }

    private static final Pattern TILE_ORIGIN = Pattern.compile("^(https?)://([^/?#]+)", Pattern.CASE_INSENSITIVE);

    /**
     * A form posted without the session's CSRF token (from another site, or a page left open past the end of its
     * session): refused with 403 and a French page that leads back to the login page; nothing is done.
     */
    private static void refuseWithoutCsrfToken(HttpServletRequest request, HttpServletResponse response,
                                               AccessDeniedException denied) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().print("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Demande refusée "
                + "— Communs</title></head><body><main><h1>Demande refusée</h1><p>Cette demande n'a pas pu être vérifiée : "
                + "elle vient d'une page expirée ou d'un autre site. Rien n'a été fait.</p><p><a href=\""
                + request.getContextPath() + "/login\">Revenir à la page de connexion</a></p></main></body></html>");
    }

    /** A member of no structure starts with "mes structures"; anyone else goes where Vaadin sends them. */
    private static AuthenticationSuccessHandler firstSteps(AuthenticationSuccessHandler delegate) {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof AppUser user && Roles.STRUCTURE.equals(user.role())
                    && user.structureIds().isEmpty()) {
                response.sendRedirect(request.getContextPath() + FIRST_STEPS_URL);
            } else {
                delegate.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * The only authentication provider: the limits on guessing first ({@link ThrottledAuthenticationProvider}), then
     * {@link #passwordCheck}.
     */
    @Bean
    AuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder passwordEncoder,
                                                  AccountThrottling throttling) {
        return new ThrottledAuthenticationProvider(passwordCheck(accounts, passwordEncoder), throttling, accounts);
    }

    /**
     * Looks the account up, checks the password with BCrypt, then refuses an account whose address is not confirmed
     * (only once the password is known to be right, so that it reveals nothing).
     */
    static DaoAuthenticationProvider passwordCheck(AccountService accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("Identifiants expirés");
            }
            if (user instanceof AppUser appUser && !accounts.isEmailConfirmed(appUser.id())) {
                throw new EmailNotConfirmedException();
            }
        });
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
