package fr.communs.security;

import static fr.communs.db.Tables.ACCOUNT_TOKEN;
import static fr.communs.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.communs.base.Mailer;
import fr.communs.base.ValidationException;
import fr.communs.support.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service accounts through the real services, on embedded PostgreSQL, with mails delivered over SMTP to a real
 * (embedded) GreenMail server.
 */
@SpringBootTest(properties = "communs.mail.outbox=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CompteLibreServiceIT {
    @org.springframework.beans.factory.annotation.Autowired fr.communs.support.Fixtures fixtures;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("http://localhost:\\d+/confirmation/([A-Za-z0-9_-]{43})");
    private static final Pattern RESET_LINK = Pattern.compile("http://localhost:\\d+/mot-de-passe/([A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "un mot de passe solide";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired AccountService accounts;
    @Autowired Mailer mailer;
    @Autowired AuthenticationConfiguration authentication;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;
    @Autowired Fixtures fx;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void logout() {
        fx.logout();
    }

    private static String newEmail() {
        return "personne" + SEQ.incrementAndGet() + "-" + System.nanoTime() + "@exemple.fr";
    }

    private void signUp(String email) {
        accounts.signUp(new SignUpData("Camille Dupont", email, PASSWORD, PASSWORD));
    }

    private MimeMessage onlyMailTo(String email) throws Exception {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
        List<MimeMessage> mine = java.util.Arrays.stream(received).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private static String token(MimeMessage message, Pattern link) throws Exception {
        Matcher m = link.matcher(text(message));
        assertThat(m.find()).as("le courriel contient le lien").isTrue();
        return m.group(1);
    }

    private Authentication login(String email, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        return manager.authenticate(new UsernamePasswordAuthenticationToken(email, password));
    }

    private int accountsWith(String email) {
        return dsl.fetchCount(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email));
    }

    private long idOf(String email) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    @Test
    void sign_up_creates_an_unconfirmed_structure_account_without_structure_and_mails_a_confirmation_link() throws Exception {
        String email = newEmail();
        signUp(email.toUpperCase());

        var row = dsl.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne();
        assertThat(row).as("adresse enregistrée en minuscules").isNotNull();
        assertThat(row.getRole()).isEqualTo(Roles.STRUCTURE);
        assertThat(row.getEmailConfirme()).isFalse();
        assertThat(row.getPasswordHash()).startsWith("$2").isNotEqualTo(PASSWORD);
        assertThat(accounts.loadUserByUsername(email).structureIds()).isEmpty();

        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirmez votre adresse électronique — Appel à communs");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(text(mail)).contains("Bonjour Camille Dupont", "valable 48 heures");
        assertThat(token(mail, CONFIRMATION_LINK)).isNotBlank();
    }

    @Test
    void only_a_hash_of_the_token_is_stored_and_the_confirmation_link_expires_after_48_hours() throws Exception {
        String email = newEmail();
        signUp(email);
        String token = token(onlyMailTo(email), CONFIRMATION_LINK);

        var row = dsl.selectFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.APP_USER_ID.eq(idOf(email))).fetchOne();
        assertThat(row.getTokenHash()).isEqualTo(AccountService.hash(token)).doesNotContain(token).hasSize(64);
        assertThat(row.getPurpose()).isEqualTo("CONFIRMATION");
        assertThat(row.getUsedAt()).isNull();
        assertThat(row.getExpiresAt()).isCloseTo(OffsetDateTime.now().plusHours(48), within(1, ChronoUnit.MINUTES));
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN, ACCOUNT_TOKEN.TOKEN_HASH.eq(token))).isZero();
    }

    @Test
    void login_is_refused_with_a_french_message_until_the_link_of_the_mail_confirms_the_address() throws Exception {
        String email = newEmail();
        signUp(email);

        assertThatThrownBy(() -> login(email, PASSWORD))
                .isInstanceOf(EmailNotConfirmedException.class)
                .hasMessageContaining("Votre adresse électronique n'est pas encore confirmée");

        accounts.confirmEmail(token(onlyMailTo(email), CONFIRMATION_LINK));

        Authentication auth = login(email, PASSWORD);
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(((AppUser) auth.getPrincipal()).email()).isEqualTo(email);
        assertThat(dsl.select(APP_USER.EMAIL_CONFIRME).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1()).isTrue();
    }

    @Test
    void a_wrong_password_of_an_unconfirmed_account_gets_the_ordinary_refusal_that_reveals_nothing() {
        String email = newEmail();
        signUp(email);

        assertThatThrownBy(() -> login(email, "pas le bon mot de passe")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(newEmail(), "pas le bon mot de passe")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_confirmation_link_works_only_once() throws Exception {
        String email = newEmail();
        signUp(email);
        String token = token(onlyMailTo(email), CONFIRMATION_LINK);

        accounts.confirmEmail(token);

        assertThatThrownBy(() -> accounts.confirmEmail(token))
                .isInstanceOf(ValidationException.class).hasMessage(AccountService.INVALID_LINK);
    }

    @Test
    void an_expired_unknown_or_malformed_confirmation_link_is_refused_with_the_same_message_and_confirms_nothing() throws Exception {
        String email = newEmail();
        signUp(email);
        String token = token(onlyMailTo(email), CONFIRMATION_LINK);
        dsl.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(ACCOUNT_TOKEN.APP_USER_ID.eq(idOf(email))).execute();

        for (String bad : new String[] {token, "A".repeat(43), "n'importe quoi", "", null}) {
            assertThatThrownBy(() -> accounts.confirmEmail(bad))
                    .isInstanceOf(ValidationException.class).hasMessage(AccountService.INVALID_LINK);
        }
        assertThatThrownBy(() -> login(email, PASSWORD)).isInstanceOf(EmailNotConfirmedException.class);
    }

    @Test
    void a_new_confirmation_link_replaces_the_previous_one() throws Exception {
        String email = newEmail();
        signUp(email);
        String first = token(onlyMailTo(email), CONFIRMATION_LINK);
        greenMail.purgeEmailFromAllMailboxes();

        accounts.resendConfirmation(" " + email.toUpperCase() + " ");
        String second = token(onlyMailTo(email), CONFIRMATION_LINK);

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> accounts.confirmEmail(first)).isInstanceOf(ValidationException.class);
        accounts.confirmEmail(second);
        assertThat(login(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_new_confirmation_link_is_sent_to_nobody_for_an_unknown_or_already_confirmed_address() throws Exception {
        String confirmed = fx.account(Roles.STRUCTURE);

        accounts.resendConfirmation(newEmail());
        accounts.resendConfirmation(confirmed);

        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    @Test
    void password_reset_by_mail_link_sets_the_new_password_once_and_confirms_the_address() throws Exception {
        String email = newEmail();
        signUp(email);
        greenMail.purgeEmailFromAllMailboxes();

        accounts.requestPasswordReset(email);
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Réinitialisation de votre mot de passe — Appel à communs");
        assertThat(text(mail)).contains("valable 1 heure");
        String token = token(mail, RESET_LINK);
        var row = dsl.selectFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.APP_USER_ID.eq(idOf(email)),
                ACCOUNT_TOKEN.PURPOSE.eq("REINITIALISATION")).fetchOne();
        assertThat(row.getExpiresAt()).isCloseTo(OffsetDateTime.now().plusHours(1), within(1, ChronoUnit.MINUTES));
        assertThat(accounts.isPasswordResetLinkValid(token)).isTrue();

        accounts.resetPassword(token, "un tout nouveau mot de passe", "un tout nouveau mot de passe");

        assertThat(login(email, "un tout nouveau mot de passe").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(accounts.isPasswordResetLinkValid(token)).isFalse();
        assertThatThrownBy(() -> accounts.resetPassword(token, "encore un autre mot de passe", "encore un autre mot de passe"))
                .isInstanceOf(ValidationException.class).hasMessage(AccountService.INVALID_LINK);
        assertThat(login(email, "un tout nouveau mot de passe").isAuthenticated()).isTrue();
    }

    @Test
    void a_reset_with_a_bad_new_password_changes_nothing_and_leaves_the_link_usable() throws Exception {
        String email = fx.account(Roles.AGENT);
        accounts.requestPasswordReset(email);
        String token = token(onlyMailTo(email), RESET_LINK);

        assertThatThrownBy(() -> accounts.resetPassword(token, "court", "court"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Le mot de passe doit contenir au moins 12 caractères.");
        assertThatThrownBy(() -> accounts.resetPassword(token, "un mot de passe assez long", "un autre mot de passe"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("La confirmation ne correspond pas au mot de passe.");
        assertThatThrownBy(() -> accounts.resetPassword(token, email, email))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Le mot de passe ne doit pas être votre adresse électronique.");

        assertThat(login(email, Fixtures.PASSWORD).isAuthenticated()).isTrue();
        assertThat(accounts.isPasswordResetLinkValid(token)).isTrue();
    }

    @Test
    void an_expired_reset_link_is_refused_and_the_password_stays() throws Exception {
        String email = fx.account(Roles.COMITE);
        accounts.requestPasswordReset(email);
        String token = token(onlyMailTo(email), RESET_LINK);
        dsl.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1))
                .where(ACCOUNT_TOKEN.APP_USER_ID.eq(idOf(email))).execute();

        assertThat(accounts.isPasswordResetLinkValid(token)).isFalse();
        assertThatThrownBy(() -> accounts.resetPassword(token, "un tout nouveau mot de passe", "un tout nouveau mot de passe"))
                .isInstanceOf(ValidationException.class).hasMessage(AccountService.INVALID_LINK);
        assertThat(login(email, Fixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_reset_for_an_unknown_address_sends_nothing_and_answers_like_for_a_known_one() throws Exception {
        int tokensBefore = dsl.fetchCount(ACCOUNT_TOKEN);

        accounts.requestPasswordReset(newEmail());

        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN)).isEqualTo(tokensBefore);
    }

    @Test
    void a_reset_request_with_an_invalid_address_gets_a_french_message() {
        assertThatThrownBy(() -> accounts.requestPasswordReset("pas-une-adresse"))
                .isInstanceOf(ValidationException.class).hasMessage("L'adresse électronique n'est pas valide.");
        assertThatThrownBy(() -> accounts.requestPasswordReset(" "))
                .isInstanceOf(ValidationException.class).hasMessage("Le champ « Adresse électronique » est obligatoire.");
    }

    @Test
    void signing_up_again_with_a_known_address_creates_nothing_and_tells_its_owner_by_mail() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        String hashBefore = dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();

        accounts.signUp(new SignUpData("Quelqu'un d'autre", email.toUpperCase(), "un autre mot de passe", "un autre mot de passe"));

        assertThat(accountsWith(email)).isEqualTo(1);
        assertThat(dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1())
                .isEqualTo(hashBefore);
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN, ACCOUNT_TOKEN.APP_USER_ID.eq(idOf(email)))).isZero();
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Tentative de création de compte avec votre adresse — Appel à communs");
        assertThat(text(mail)).contains("aucun nouveau compte n'a été créé", "/mot-de-passe-oublie")
                .doesNotContain("/confirmation/");
        assertThat(login(email, Fixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void bad_sign_up_input_gets_french_messages_and_saves_and_sends_nothing() throws Exception {
        String email = newEmail();
        int tokensBefore = dsl.fetchCount(ACCOUNT_TOKEN);

        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", email, "trop court", "trop court")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("Le mot de passe doit contenir au moins 12 caractères."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", email, PASSWORD, PASSWORD + "!")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("La confirmation ne correspond pas au mot de passe."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", "camille.exemple.fr", PASSWORD, PASSWORD)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("L'adresse électronique n'est pas valide."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("C".repeat(201), email, PASSWORD, PASSWORD)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("Le champ « Nom complet » ne doit pas dépasser 200 caractères."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Gagnez un prix sur https://arnaque.example", email, PASSWORD, PASSWORD)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("Le nom complet ne doit contenir ni adresse web ni retour à la ligne."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", email, email, email)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly("Le mot de passe ne doit pas être votre adresse électronique."));
        assertThatThrownBy(() -> accounts.signUp(new SignUpData("Camille", email, "é".repeat(37), "é".repeat(37))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Le mot de passe est trop long");
        assertThatThrownBy(() -> accounts.signUp(new SignUpData(" ", "", null, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).containsExactly(
                        "Le champ « Nom complet » est obligatoire.",
                        "Le champ « Adresse électronique » est obligatoire.",
                        "Le champ « Mot de passe » est obligatoire."));

        assertThat(accountsWith(email)).isZero();
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN)).isEqualTo(tokensBefore);
        assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    @Test
    void only_administrators_create_accounts_for_others_which_are_confirmed_with_their_email_in_lower_case() throws Exception {
        String email = "Agent.Test" + SEQ.incrementAndGet() + "@Exemple.FR";

        fixtures.asSystemAdministrator(() -> accounts.createAccount("autre" + email, PASSWORD,
                "Un autre compte", Roles.AGENT, List.of()));
        assertThatThrownBy(() -> accounts.createAccount(email, PASSWORD, "Agent de test", Roles.AGENT, List.of()))
                .isInstanceOf(fr.communs.base.NotAllowedException.class);
        assertThat(accountsWith(email)).isZero();
        fixtures.asSystemAdministrator(
                () -> accounts.createAccount(email, PASSWORD, "Agent de test", Roles.AGENT, List.of()));

        assertThat(accountsWith(email)).isEqualTo(1);
        assertThat(dsl.fetchExists(APP_USER, APP_USER.EMAIL.eq(email.toLowerCase()).and(APP_USER.EMAIL_CONFIRME.isTrue()))).isTrue();
        assertThat(login(email.toLowerCase(), PASSWORD).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> fixtures.asSystemAdministrator(
                () -> accounts.createAccount(email.toLowerCase(), PASSWORD, "Doublon", Roles.AGENT, List.of())))
                .isInstanceOf(ValidationException.class).hasMessage("Un compte existe déjà avec cette adresse.");
    }

    @Test
    void a_mail_is_sent_over_smtp_only_when_the_transaction_that_asked_for_it_commits() throws Exception {
        String committed = newEmail();
        String rolledBack = newEmail();

        transactions.executeWithoutResult(status -> mailer.send(committed, "Essai é à", "Bonjour,\nun texte accentué : é à ç."));
        transactions.executeWithoutResult(status -> {
            mailer.send(rolledBack, "Jamais envoyé", "Ce courriel ne part pas.");
            status.setRollbackOnly();
        });

        MimeMessage mail = onlyMailTo(committed);
        assertThat(mail.getSubject()).isEqualTo("Essai é à");
        assertThat(text(mail)).contains("un texte accentué : é à ç.");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void the_login_form_sends_an_unconfirmed_account_back_to_the_login_page_with_the_resend_offer() throws Exception {
        String email = newEmail();
        signUp(email);

        mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?non-confirme"));
        mvc.perform(post("/login").param("username", email).param("password", "pas le bon mot de passe").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void after_login_a_member_of_no_structure_goes_to_mes_structures_and_the_others_do_not() throws Exception {
        String email = newEmail();
        signUp(email);
        accounts.confirmEmail(token(onlyMailTo(email), CONFIRMATION_LINK));
        String agent = fx.account(Roles.AGENT);

        mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/mes-structures"));
        mvc.perform(post("/login").param("username", agent).param("password", Fixtures.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
    }
}
