package fr.communs.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.communs.security.ui.LoginView;
import java.util.Map;
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(StaticCache.PATTERNS).permitAll());
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                // Pages and data keep Spring Security's "no-store"; static files are cached (see StaticCache).
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(StaticCache.PATHS),
                        new CacheControlHeadersWriter())));
        http.addFilterAfter(new StaticCache(), HeaderWriterFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class, "/"));
        // After Vaadin's configurer, so that it has set the login page when form login initialises (otherwise Spring's
        // generated login page would answer /login). Vaadin sets its own success handler on the login filter: it is
        // wrapped once the filter is built.
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl(LOGIN_ERROR_URL);
        failure.setExceptionMappings(Map.of(EmailNotConfirmedException.class.getName(), LOGIN_NOT_CONFIRMED_URL));
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
     * The only authentication provider: looks the account up, checks the password with BCrypt, then refuses an
     * account whose address is not confirmed (only once the password is known to be right, so that it reveals nothing).
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder passwordEncoder) {
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
