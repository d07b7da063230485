package fr.communs.security;

import static fr.communs.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.ValidationException;
import fr.communs.support.Fixtures;
import io.github.bucket4j.TimeMeter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The limits on guessing, through real HTTP requests to the embedded server (login form with its CSRF token, as a
 * browser sends it) and through the account service for the forms that mail an address. The limits' clock is a
 * manual one ({@link ManualTime}), moved forward by the tests: the limits are the production ones, nobody sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The production limits (application.properties), which the test profile relaxes for the other tests.
        "communs.securite.connexion.par-compte=5/1m,10/15m,20/1h", "communs.securite.connexion.par-ip=25/15s,100/1h",
        "communs.securite.formulaires.par-adresse=5/15m,20/24h", "communs.securite.formulaires.par-ip=10/1m,50/1h"})
@ActiveProfiles("test")
class LimitesTentativesIT {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String ALERT_SUBJECT = "Tentatives de connexion échouées sur votre compte — Appel à communs";

    /** The limits' clock, moved by hand. */
    static final class ManualTime implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        ManualTime limitsClock() {
            return new ManualTime();
        }
    }

    @LocalServerPort int port;
    @Autowired ManualTime time;
    @Autowired Fixtures fx;
    @Autowired AccountService accounts;
    @Autowired DSLContext dsl;

    @BeforeEach
    void everyLimitHasItsTokensBack() {
        time.advance(Duration.ofDays(3));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
        fx.logout();
    }

    /** A browser of its own (cookies), that opens the login page and posts the form with the page's CSRF token. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token;

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form, String origin) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (origin != null) {
                request.header("Origin", origin);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the login form as the login page does; returns where the server sends the browser. */
        String login(String email, String password) throws Exception {
            if (token == null) {
                Matcher m = CSRF.matcher(get("/login").body());
                assertThat(m.find()).as("la page de connexion porte le jeton CSRF").isTrue();
                token = m.group(1);
            }
            HttpResponse<String> response = post("/login", "username=" + enc(email) + "&password=" + enc(password)
                    + "&_csrf=" + enc(token), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            if (!location.contains("/login?")) {
                token = null; // a new session after login: a new token
            }
            return location;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String outcome(String location) {
        if (location.contains("/login?attente=")) {
            return "attente";
        }
        return location.contains("/login?error") ? "refusé" : "connecté";
    }

    private static long waitSeconds(String location) {
        Matcher m = Pattern.compile("attente=(\\d+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private List<String> thirtyWrongPasswords(Browser browser, String email) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(outcome(browser.login(email, "mauvais mot de passe " + i)));
        }
        return outcomes;
    }

    private int mailsTo(String email, String subject) {
        return dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email).and(OUTBOX_MAIL.SUJET.eq(subject)));
    }

    @Test
    void after_thirty_wrong_passwords_the_right_one_is_refused_without_being_checked_until_the_wait_is_over() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        Browser browser = new Browser();

        List<String> outcomes = thirtyWrongPasswords(browser, email);

        assertThat(outcomes.subList(0, 5)).containsOnly("refusé");
        assertThat(outcomes.subList(5, 30)).containsOnly("attente");
        String refused = browser.login(email, Fixtures.PASSWORD);
        assertThat(outcome(refused)).isEqualTo("attente");
        assertThat(waitSeconds(refused)).isBetween(1L, 60L);
        assertThat(browser.get(refused.replace("http://localhost:" + port, "")).statusCode()).isEqualTo(200);

        time.advance(Duration.ofSeconds(61));
        assertThat(outcome(browser.login(email, Fixtures.PASSWORD))).isEqualTo("connecté");
    }

    @Test
    void the_wait_grows_with_the_failures_one_minute_then_a_quarter_of_an_hour_then_an_hour() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        Browser browser = new Browser();
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String location;
            int failures = 0;
            while (outcome(location = browser.login(email, "mauvais")).equals("refusé")) {
                failures++;
            }
            assertThat(failures).as("échecs vérifiés au tour " + round).isEqualTo(5);
            long wait = waitSeconds(location);
            waits.add(wait);
            time.advance(Duration.ofSeconds(wait));
        }
        assertThat(waits.get(0)).isBetween(1L, 60L);
        assertThat(waits.get(1)).isBetween(61L, 900L);
        assertThat(waits.get(3)).isBetween(901L, 3600L);
    }

    @Test
    void an_address_without_account_is_throttled_exactly_like_an_existing_account() throws Exception {
        List<String> known = thirtyWrongPasswords(new Browser(), fx.account(Roles.AGENT));
        time.advance(Duration.ofDays(3));

        List<String> unknown = thirtyWrongPasswords(new Browser(), "personne-" + System.nanoTime() + "@exemple.fr");

        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void a_successful_login_starts_the_accounts_count_afresh() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        for (int i = 0; i < 4; i++) {
            assertThat(outcome(new Browser().login(email, "mauvais"))).isEqualTo("refusé");
        }
        assertThat(outcome(new Browser().login(email, Fixtures.PASSWORD))).isEqualTo("connecté");

        for (int i = 0; i < 5; i++) {
            assertThat(outcome(new Browser().login(email, "mauvais"))).as("échec " + (i + 1)).isEqualTo("refusé");
        }
        assertThat(outcome(new Browser().login(email, Fixtures.PASSWORD))).isEqualTo("attente");
    }

    @Test
    void one_ip_is_throttled_across_addresses_after_twenty_five_attempts_in_fifteen_seconds() throws Exception {
        Browser browser = new Browser();
        for (int i = 0; i < 25; i++) {
            assertThat(outcome(browser.login("inconnu-" + i + "-" + System.nanoTime() + "@exemple.fr", "mauvais")))
                    .as("tentative " + (i + 1)).isEqualTo("refusé");
        }
        String refused = browser.login("encore-" + System.nanoTime() + "@exemple.fr", "mauvais");
        assertThat(outcome(refused)).isEqualTo("attente");
        assertThat(waitSeconds(refused)).isBetween(1L, 15L);

        time.advance(Duration.ofSeconds(15));
        assertThat(outcome(browser.login("apres-" + System.nanoTime() + "@exemple.fr", "mauvais"))).isEqualTo("refusé");
    }

    @Test
    void the_holder_gets_one_mail_after_five_failures_and_no_other_within_the_day() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        Browser browser = new Browser();
        for (int i = 0; i < 4; i++) {
            browser.login(email, "mauvais");
        }
        assertThat(mailsTo(email, ALERT_SUBJECT)).isZero();
        browser.login(email, "mauvais");
        assertThat(mailsTo(email, ALERT_SUBJECT)).isEqualTo(1);
        String text = dsl.select(OUTBOX_MAIL.TEXTE).from(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.eq(email))
                .and(OUTBOX_MAIL.SUJET.eq(ALERT_SUBJECT)).fetchOne().value1();
        assertThat(text).contains("/mot-de-passe-oublie");

        for (int minute = 0; minute < 5; minute++) {
            time.advance(Duration.ofMinutes(16));
            for (int i = 0; i < 5; i++) {
                browser.login(email, "mauvais");
            }
        }
        assertThat(mailsTo(email, ALERT_SUBJECT)).isEqualTo(1);

        time.advance(Duration.ofHours(25));
        for (int i = 0; i < 5; i++) {
            browser.login(email, "mauvais");
        }
        assertThat(mailsTo(email, ALERT_SUBJECT)).isEqualTo(2);
    }

    @Test
    void the_password_reset_and_sign_up_forms_are_limited_per_address_and_send_nothing_while_refused() {
        String email = "camille-" + System.nanoTime() + "@exemple.fr";
        for (int i = 0; i < 4; i++) {
            accounts.requestPasswordReset(email);
        }
        accounts.signUp(new SignUpData("Camille Dupont", email, "un mot de passe solide", "un mot de passe solide"));
        int mails = dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email));

        assertThatThrownBy(() -> accounts.requestPasswordReset(email.toUpperCase()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Réessayez dans");
        assertThatThrownBy(() -> accounts.resendConfirmation(email))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Réessayez dans");
        String other = "autre-" + email;
        assertThatThrownBy(() -> {
            for (int i = 0; i < 6; i++) {
                accounts.signUp(new SignUpData("Dominique", other, "un mot de passe solide", "un mot de passe solide"));
            }
        }).isInstanceOf(ValidationException.class).hasMessageContaining("Réessayez dans");
        assertThat(dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email))).isEqualTo(mails);

        time.advance(Duration.ofMinutes(15));
        accounts.resendConfirmation(email);
        assertThat(dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email))).isEqualTo(mails + 1);
    }

    @Test
    void the_mailing_forms_are_limited_per_client_ip_across_addresses() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        for (int i = 0; i < 10; i++) {
            accounts.requestPasswordReset("ip-" + i + "-" + System.nanoTime() + "@exemple.fr");
        }
        String last = "ip-dernier-" + System.nanoTime() + "@exemple.fr";
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", last, "un mot de passe solide",
                "un mot de passe solide"))).isInstanceOf(ValidationException.class).hasMessageContaining("Réessayez dans");
        assertThat(dsl.fetchCount(fr.communs.db.Tables.APP_USER, fr.communs.db.Tables.APP_USER.EMAIL.eq(last))).isZero();

        request.setRemoteAddr("203.0.113.8");
        accounts.requestPasswordReset(last);
    }

    @Test
    void a_login_posted_without_the_csrf_token_from_another_site_is_refused_with_403_and_logs_nobody_in() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        Browser browser = new Browser();
        browser.get("/login");
        String form = "username=" + enc(email) + "&password=" + enc(Fixtures.PASSWORD);

        HttpResponse<String> forged = browser.post("/login", form, "https://attaquant.example");
        HttpResponse<String> disguised = browser.post("/login?v-r=uidl&v-uiId=0", form, "https://attaquant.example");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Demande refusée").contains("Rien n'a été fait");
        assertThat(disguised.statusCode()).isEqualTo(403);
        HttpResponse<String> tasks = browser.get("/mes-taches");
        assertThat(tasks.statusCode()).isEqualTo(302);
        assertThat(tasks.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(outcome(browser.login(email, Fixtures.PASSWORD))).isEqualTo("connecté");
    }
}
