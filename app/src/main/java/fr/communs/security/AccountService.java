package fr.communs.security;

import fr.communs.base.Checks;
import fr.communs.base.Mailer;
import fr.communs.base.ValidationException;
import fr.communs.security.internal.JooqAccountTokenRepository;
import fr.communs.security.internal.JooqAccountTokenRepository.Purpose;
import fr.communs.security.internal.JooqAppUserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: login lookup, accounts created by the system (demo data, administrators), and self-service accounts
 * (sign-up with e-mail confirmation, password reset by e-mail link).
 *
 * <p>Links carry a random token (256 bits from {@link SecureRandom}, URL-safe Base64); only its SHA-256 hash is
 * stored. A token is single-use and expires (confirmation 48 h, reset 1 h). Answers never reveal whether an account
 * exists: a sign-up with a known address mails its owner instead of creating anything, a reset or a new
 * confirmation link for an unknown address sends nothing, and the caller gets the same outcome in every case.
 *
 * <p>The forms that mail an address (sign-up, reset, new confirmation link) are limited per address and per client IP
 * ({@link AccountThrottling}), checked here once the input is valid, whether an account exists or not.
 */
@Service
public class AccountService {
    /**
     * A mailbox as mail software accepts it unquoted (RFC 5322 dot-atom local part, letters of any language allowed as
     * in RFC 6531) at a domain with a dot: no angle brackets, parentheses, colons or spaces, which only ever come from
     * a mistake or an attempt to inject something into a page or a mail header.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    /** An invitation leaves the person a week to open the mail and choose a password. */
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final int PASSWORD_MIN = 12;
    /** BCrypt only reads 72 bytes; Spring Security refuses longer passwords. */
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final String PASSWORD_RULES = "Au moins " + PASSWORD_MIN + " caractères, différent de votre adresse "
            + "électronique (au plus 72 caractères ; une lettre accentuée compte pour deux).";
    public static final String INVALID_LINK = "Ce lien n'est pas valide : il a déjà été utilisé, il a expiré ou il est "
            + "incomplet. Vous pouvez en demander un nouveau.";
    private static final String SIGNATURE = "\n\n— La plateforme de l'appel à communs\n"
            + "(Ce courriel est envoyé automatiquement ; merci de ne pas y répondre.)\n";

    private final SecureRandom random = new SecureRandom();
    private final JooqAppUserRepository users;
    private final JooqAccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final CurrentUser currentUser;
    private final AccountThrottling throttling;

    AccountService(JooqAppUserRepository users, JooqAccountTokenRepository tokens, PasswordEncoder passwordEncoder,
                   Mailer mailer, CurrentUser currentUser, AccountThrottling throttling) {
        this.currentUser = currentUser;
        this.throttling = throttling;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
    }

    /** The account with this address, for login ({@code SecurityConfig} hands it to Spring Security). */
    @Transactional(readOnly = true)
    public AppUser loadUserByUsername(String email) {
        return users.findByEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> new UsernameNotFoundException("Identifiants incorrects"));
    }

    /**
     * Creates an account for someone else (administrators; the very first account of an empty platform may be
     * created without one): its address counts as confirmed.
     */
    @Transactional
    public long createAccount(String email, String password, String nomComplet, String role, List<Long> structureIds) {
        if (users.exists() && !currentUser.hasRole(Roles.ADMIN)) {
            throw new fr.communs.base.NotAllowedException("Seul un administrateur peut créer un compte pour une autre personne.");
        }
        Checks checks = Checks.start();
        checkEmail(checks, email);
        checkPassword(checks, password, email);
        checks.required(nomComplet, "Nom complet", 200)
                .check(List.of(Roles.STRUCTURE, Roles.AGENT, Roles.REFERENT, Roles.COMITE, Roles.ADMIN).contains(role), "Rôle inconnu.")
                .check(email == null || users.findByEmail(email.strip()).isEmpty(), "Un compte existe déjà avec cette adresse.")
                .orThrow();
        long id = users.insert(normalise(email), passwordEncoder.encode(password), nomComplet.strip(), role, true);
        structureIds.forEach(s -> users.addToStructure(id, s));
        if (Roles.COMITE.equals(role)) {
            users.insertComiteMembre(id, currentUser.get().map(AppUser::id).orElse(id));
        }
        return id;
    }

    /**
     * Invites someone to an account an administrator creates for them (a comité member, for instance): the account has
     * no usable password and an unconfirmed address until its holder opens the mailed link (valid
     * {@link #INVITATION_VALIDITY 7 days}, single-use) and chooses a password there, which confirms the address. The
     * link is the password-reset link ({@code mot-de-passe/<token>}), so a person whose invitation expired asks for a
     * new one with "Mot de passe oublié". A {@link Roles#COMITE} account is a comité member from creation, as with
     * {@link #createAccount}. Administrators only; the address must not have an account yet.
     *
     * @param presentation the paragraph of the mail saying why the account is created, before the link
     * @return the new account's id
     */
    @Transactional
    public long invite(String email, String nomComplet, String role, String presentation) {
        AppUser admin = currentUser.requireRole(Roles.ADMIN);
        Checks checks = Checks.start();
        checkEmail(checks, email);
        checks.required(nomComplet, "Nom complet", 200)
                .check(nomComplet == null || plainName(nomComplet),
                        "Le nom complet ne doit contenir ni adresse web ni retour à la ligne.")
                .check(List.of(Roles.STRUCTURE, Roles.AGENT, Roles.REFERENT, Roles.COMITE, Roles.ADMIN).contains(role), "Rôle inconnu.")
                .orThrow();
        String address = normalise(email);
        if (users.findByEmail(address).isPresent()) {
            throw new ValidationException("Un compte existe déjà avec cette adresse.");
        }
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        long id = users.insert(address, passwordEncoder.encode(HexFormat.of().formatHex(unusable)), nomComplet.strip(),
                role, false);
        if (Roles.COMITE.equals(role)) {
            users.insertComiteMembre(id, admin.id());
        }
        String token = issue(id, Purpose.REINITIALISATION, INVITATION_VALIDITY);
        mailer.send(address, "Invitation sur la plateforme de l'appel à communs",
                "Bonjour " + nomComplet.strip() + ",\n\n" + presentation + "\n\n"
                        + "Pour activer votre compte, choisissez votre mot de passe en ouvrant ce lien (valable 7 jours, "
                        + "utilisable une seule fois) :\n\n"
                        + mailer.link("mot-de-passe/" + token) + "\n\n"
                        + "Vous vous connecterez ensuite avec cette adresse (" + address + ") et ce mot de passe. Si le lien "
                        + "a expiré, demandez-en un nouveau avec « Mot de passe oublié » sur la page de connexion :\n\n"
                        + mailer.link("mot-de-passe-oublie") + "\n\n"
                        + "Si vous ne vous attendiez pas à cette invitation, ignorez ce courriel : le compte restera inactif."
                        + SIGNATURE);
        return id;
    }

    /**
     * Sends a new invitation link to an account an administrator invited that has not been activated yet (address
     * not confirmed); the previous links stop working. Administrators only.
     */
    @Transactional
    public void reinvite(long userId, String presentation) {
        currentUser.requireRole(Roles.ADMIN);
        AppUser user = users.findById(userId).orElseThrow(() -> new ValidationException("Ce compte n'existe pas."));
        if (users.isEmailConfirmed(userId)) {
            throw new ValidationException("Ce compte est déjà activé : la personne se connecte avec son mot de passe "
                    + "(ou le réinitialise avec « Mot de passe oublié »).");
        }
        tokens.invalidate(userId, Purpose.REINITIALISATION);
        String token = issue(userId, Purpose.REINITIALISATION, INVITATION_VALIDITY);
        mailer.send(user.email(), "Invitation sur la plateforme de l'appel à communs (nouveau lien)",
                "Bonjour " + user.nomComplet() + ",\n\n" + presentation + "\n\n"
                        + "Voici un nouveau lien pour activer votre compte en choisissant votre mot de passe (valable 7 "
                        + "jours, utilisable une seule fois ; les liens précédents ne fonctionnent plus) :\n\n"
                        + mailer.link("mot-de-passe/" + token) + "\n\n"
                        + "Si vous ne vous attendiez pas à cette invitation, ignorez ce courriel : le compte restera inactif."
                        + SIGNATURE);
    }

    /**
     * Self-service sign-up: creates an unconfirmed account with role {@link Roles#STRUCTURE} and no structure, and
     * mails a confirmation link. With an address that already has an account, nothing is created and the owner is
     * told by mail; the caller cannot tell the difference.
     */
    @Transactional
    public void signUp(SignUpData data) {
        Checks checks = Checks.start().required(data.nomComplet(), "Nom complet", 200)
                .check(data.nomComplet() == null || plainName(data.nomComplet()),
                        "Le nom complet ne doit contenir ni adresse web ni retour à la ligne.");
        checkEmail(checks, data.email());
        checkPassword(checks, data.password(), data.email());
        checks.check(data.password() == null || data.password().equals(data.passwordConfirmation()),
                        "La confirmation ne correspond pas au mot de passe.")
                .orThrow();
        String email = normalise(data.email());
        throttling.beforeMailingForm(email);
        Optional<AppUser> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            AppUser owner = existing.get();
            if (owner.actif()) {
                mailer.send(owner.email(), "Tentative de création de compte avec votre adresse — Appel à communs",
                        existingAccountText(owner));
            }
            return;
        }
        String nomComplet = data.nomComplet().strip();
        long id = users.insert(email, passwordEncoder.encode(data.password()), nomComplet, Roles.STRUCTURE, false);
        sendConfirmation(id, email, nomComplet);
    }

    /** Confirms the address of the link's account; {@link ValidationException} if the link is unknown, used or expired. */
    @Transactional
    public void confirmEmail(String token) {
        long userId = consume(token, Purpose.CONFIRMATION);
        users.confirmEmail(userId);
    }

    /** Mails a new confirmation link if an active, unconfirmed account has this address; otherwise does nothing. */
    @Transactional
    public void resendConfirmation(String email) {
        Checks checks = Checks.start();
        checkEmail(checks, email);
        checks.orThrow();
        throttling.beforeMailingForm(email);
        users.findByEmail(normalise(email))
                .filter(u -> u.actif() && !users.isEmailConfirmed(u.id()))
                .ifPresent(u -> sendConfirmation(u.id(), u.email(), u.nomComplet()));
    }

    /** Mails a password-reset link if an active account has this address; otherwise does nothing. */
    @Transactional
    public void requestPasswordReset(String email) {
        Checks checks = Checks.start();
        checkEmail(checks, email);
        checks.orThrow();
        throttling.beforeMailingForm(email);
        users.findByEmail(normalise(email)).filter(AppUser::actif).ifPresent(u -> {
            tokens.invalidate(u.id(), Purpose.REINITIALISATION);
            String token = issue(u.id(), Purpose.REINITIALISATION, RESET_VALIDITY);
            mailer.send(u.email(), "Réinitialisation de votre mot de passe — Appel à communs",
                    "Bonjour " + u.nomComplet() + ",\n\n"
                            + "Une réinitialisation du mot de passe de votre compte sur la plateforme de l'appel à communs "
                            + "a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, "
                            + "utilisable une seule fois) :\n\n"
                            + mailer.link("mot-de-passe/" + token) + "\n\n"
                            + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre mot de passe "
                            + "actuel reste valable." + SIGNATURE);
        });
    }

    /** The French message shown while an action is refused by the limits on guessing, with the time to wait. */
    public static String waitMessage(Duration wait) {
        return AccountThrottling.waitMessage(wait);
    }

    /** Whether a password-reset link can still be used (for the screen; {@link #resetPassword} checks again). */
    @Transactional(readOnly = true)
    public boolean isPasswordResetLinkValid(String token) {
        return validFormat(token) && tokens.findUsable(hash(token), Purpose.REINITIALISATION).isPresent();
    }

    /**
     * Sets a new password with a reset link, which is then used up. Bad input leaves the link usable; an unknown,
     * used or expired link gives {@link #INVALID_LINK}. The link proves the address, so it also counts as confirmed.
     */
    @Transactional
    public void resetPassword(String token, String password, String passwordConfirmation) {
        AppUser user = (validFormat(token) ? tokens.findUsable(hash(token), Purpose.REINITIALISATION) : Optional.<Long>empty())
                .flatMap(users::findById)
                .orElseThrow(() -> new ValidationException(INVALID_LINK));
        Checks checks = Checks.start();
        checkPassword(checks, password, user.email());
        checks.check(password == null || password.equals(passwordConfirmation),
                "La confirmation ne correspond pas au mot de passe.").orThrow();
        consume(token, Purpose.REINITIALISATION);
        users.updatePassword(user.id(), passwordEncoder.encode(password));
        users.confirmEmail(user.id());
        tokens.invalidate(user.id(), Purpose.REINITIALISATION);
        throttling.passwordChanged(user.email());
    }

    /**
     * After repeated failed logins on this address ({@link ThrottledAuthenticationProvider} decides when, at most once
     * per period): mails the holder of the active account that has it, if any, how to choose a new password.
     */
    @Transactional
    public void tellHolderOfFailedLogins(String email) {
        users.findByEmail(normalise(email == null ? "" : email)).filter(AppUser::actif).ifPresent(u -> mailer.send(u.email(),
                "Tentatives de connexion échouées sur votre compte — Appel à communs",
                "Bonjour " + u.nomComplet() + ",\n\n"
                        + "Plusieurs tentatives de connexion à votre compte sur la plateforme de l'appel à communs viennent "
                        + "d'échouer (mot de passe incorrect). Pour protéger votre compte, les tentatives suivantes sont "
                        + "momentanément ralenties.\n\n"
                        + "Si c'était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau ici :\n\n"
                        + mailer.link("mot-de-passe-oublie") + "\n\n"
                        + "Si ce n'était pas vous, quelqu'un essaie peut-être de deviner votre mot de passe : choisissez-en un "
                        + "nouveau, long et que vous n'utilisez nulle part ailleurs, avec le même lien." + SIGNATURE));
    }

    /** Whether the account's e-mail address has been confirmed (checked at login). */
    @Transactional(readOnly = true)
    public boolean isEmailConfirmed(long userId) {
        return users.isEmailConfirmed(userId);
    }

    /** Camunda user ids of the comité members active today (a deactivated member gets no new task). */
    @Transactional(readOnly = true)
    public List<String> activeComiteMemberIds() {
        return users.activeComiteMemberIds();
    }

    @Transactional(readOnly = true)
    public boolean anyAccount() {
        return users.exists();
    }

    /** A person's name: no control characters and no web address (it is quoted in mails sent to any address). */
    static boolean plainName(String name) {
        return name.chars().noneMatch(Character::isISOControl) && !name.contains("://") && !name.toLowerCase().contains("www.");
    }

    private void sendConfirmation(long userId, String email, String nomComplet) {
        tokens.invalidate(userId, Purpose.CONFIRMATION);
        String token = issue(userId, Purpose.CONFIRMATION, CONFIRMATION_VALIDITY);
        mailer.send(email, "Confirmez votre adresse électronique — Appel à communs",
                "Bonjour " + nomComplet + ",\n\n"
                        + "Votre compte sur la plateforme de l'appel à communs est presque prêt. Pour confirmer votre "
                        + "adresse électronique, ouvrez ce lien (valable 48 heures, utilisable une seule fois) :\n\n"
                        + mailer.link("confirmation/" + token) + "\n\n"
                        + "Vous pourrez ensuite vous connecter avec cette adresse et votre mot de passe.\n\n"
                        + "Si vous n'avez pas demandé la création de ce compte, ignorez ce courriel : il ne sera pas activé."
                        + SIGNATURE);
    }

    private String existingAccountText(AppUser owner) {
        return "Bonjour " + owner.nomComplet() + ",\n\n"
                + "Quelqu'un vient d'essayer de créer un compte sur la plateforme de l'appel à communs avec votre adresse "
                + "électronique. Votre compte existe déjà : aucun nouveau compte n'a été créé.\n\n"
                + "Si c'était vous, connectez-vous ici :\n\n" + mailer.link("login") + "\n\n"
                + "Mot de passe oublié ? Demandez un lien de réinitialisation ici :\n\n" + mailer.link("mot-de-passe-oublie") + "\n\n"
                + "Si ce n'était pas vous, vous n'avez rien à faire." + SIGNATURE;
    }

    private String issue(long userId, Purpose purpose, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.insert(userId, purpose, hash(token), OffsetDateTime.now().plus(validity));
        return token;
    }

    private long consume(String token, Purpose purpose) {
        return (validFormat(token) ? tokens.consume(hash(token), purpose) : Optional.<Long>empty())
                .orElseThrow(() -> new ValidationException(INVALID_LINK));
    }


    private static boolean validFormat(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkEmail(Checks checks, String email) {
        checks.required(email, "Adresse électronique", 254)
                .check(email == null || email.isBlank() || EMAIL.matcher(email.strip()).matches(),
                        "L'adresse électronique n'est pas valide.");
    }

    private static void checkPassword(Checks checks, String password, String email) {
        if (password == null || password.isEmpty()) {
            checks.check(false, "Le champ « Mot de passe » est obligatoire.");
            return;
        }
        checks.check(password.length() >= PASSWORD_MIN, "Le mot de passe doit contenir au moins " + PASSWORD_MIN + " caractères.")
                .check(password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES,
                        "Le mot de passe est trop long (au plus 72 caractères ; une lettre accentuée compte pour deux).")
                .check(email == null || !password.strip().equalsIgnoreCase(email.strip()),
                        "Le mot de passe ne doit pas être votre adresse électronique.");
    }
}
