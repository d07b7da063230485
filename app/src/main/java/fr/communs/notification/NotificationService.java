package fr.communs.notification;

import fr.communs.base.Checks;
import fr.communs.base.LiveChange;
import fr.communs.base.Mailer;
import fr.communs.base.NotAllowedException;
import fr.communs.base.UnreadNotifications;
import fr.communs.notification.internal.JooqNotificationRepository;
import fr.communs.notification.internal.JooqNotificationRepository.Recipient;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications in the application (the bell of the frame, the "Notifications" screen), each doubled by a
 * plain-text mail.
 *
 * <p>Writers run inside the caller's transaction ({@link Propagation#MANDATORY}): the notification rows and the
 * mails (sent after commit, or kept in the outbox) exist only if the action that caused them is committed. They
 * never notify the person who acts (the logged-in account, if any), and only reach active accounts whose address is
 * confirmed, each once. A title longer than {@value #TITRE_MAX} characters or a text longer than
 * {@value #TEXTE_MAX} is shortened rather than refused, so that a notification never makes the action fail.
 *
 * <p>Titles and texts may quote names chosen by users (communs, structures, people): in mails, anything in them that
 * a mail client could turn into a link is neutralised ({@code https[:]//exemple[.]fr}), and the only link of a mail
 * is the one the platform builds, alone on its line.
 */
@Service
public class NotificationService implements UnreadNotifications {
    static final int TITRE_MAX = 300;
    static final int TEXTE_MAX = 4000;
    private static final int PAGE_MAX = 100;
    /** Mail subjects are kept short (the outbox holds at most 300 characters). */
    private static final int SUBJECT_MAX = 200;
    /** A relative route of the application: letters, digits, {@code / - _ . ~}, an optional simple query string. */
    private static final Pattern LIEN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&%+-]*)?$");
    private static final Pattern SCHEME = Pattern.compile("://");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern DOMAIN_DOT = Pattern.compile("(?<=[\\p{L}\\p{N}_-])\\.(?=\\p{L}{2})");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final String SIGNATURE = "— La plateforme de l'appel à communs\n"
            + "(Ce courriel est envoyé automatiquement ; merci de ne pas y répondre.)\n";

    private final JooqNotificationRepository notifications;
    private final Mailer mailer;
    private final CurrentUser currentUser;
    private final org.springframework.context.ApplicationEventPublisher events;

    NotificationService(JooqNotificationRepository notifications, Mailer mailer, CurrentUser currentUser,
                        org.springframework.context.ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.currentUser = currentUser;
        this.events = events;
    }

    // ------------------------------------------------------------------ writers

    /** Notifies the members (statut MEMBRE) of these structures, each person once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyStructures(Collection<Long> structureIds, NotificationType type, String titre, String texte,
                                 String lien) {
        Objects.requireNonNull(structureIds, "structureIds");
        check(type, titre, texte, lien);
        List<Long> ids = structureIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        send(notifications.membersOf(ids), type, titre, texte, lien,
                "vous êtes membre d'une structure concernée sur la plateforme de l'appel à communs.");
    }

    /**
     * Notifies the members of these structures, each person once, with a mail that keeps {@code externalLink} (when
     * not null) clickable and carries the attachments (the same for each person).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyStructures(Collection<Long> structureIds, NotificationType type, String titre, String texte,
                                 String lien, ExternalLink externalLink, List<Mailer.Attachment> attachments) {
        Objects.requireNonNull(structureIds, "structureIds");
        Objects.requireNonNull(attachments, "attachments");
        check(type, titre, texte, lien);
        List<Long> ids = structureIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        send(notifications.membersOf(ids), type, titre, texte, lien, externalLink, attachments,
                "vous êtes membre d'une structure concernée sur la plateforme de l'appel à communs.");
    }

    /** Notifies every account with this role (for example {@link Roles#AGENT}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyRole(String role, NotificationType type, String titre, String texte, String lien) {
        check(type, titre, texte, lien);
        if (role == null || !List.of(Roles.STRUCTURE, Roles.AGENT, Roles.REFERENT, Roles.COMITE, Roles.ADMIN).contains(role)) {
            throw new IllegalArgumentException("Rôle inconnu : " + role);
        }
        send(notifications.withRole(role), type, titre, texte, lien,
                "votre compte a le rôle « " + Roles.label(role) + " » sur la plateforme de l'appel à communs.");
    }

    /** Notifies these accounts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUsers(Collection<Long> userIds, NotificationType type, String titre, String texte, String lien) {
        Objects.requireNonNull(userIds, "userIds");
        check(type, titre, texte, lien);
        List<Long> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        send(notifications.among(ids), type, titre, texte, lien,
                "cette action vous concerne sur la plateforme de l'appel à communs.");
    }

    /**
     * Notifies these accounts with a mail that keeps {@code externalLink} (when not null) clickable and carries the
     * attachments (the same for each person).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUsers(Collection<Long> userIds, NotificationType type, String titre, String texte, String lien,
                            ExternalLink externalLink, List<Mailer.Attachment> attachments) {
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(attachments, "attachments");
        check(type, titre, texte, lien);
        List<Long> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        send(notifications.among(ids), type, titre, texte, lien, externalLink, attachments,
                "cette action vous concerne sur la plateforme de l'appel à communs.");
    }

    /**
     * Notifies the agents in charge of a file: its instructeur if there is one and their account is still an active
     * agent's, otherwise every agent (no file is left without someone told).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyFileAgents(long communId, NotificationType type, String titre, String texte, String lien) {
        check(type, titre, texte, lien);
        Optional<Long> instructeur = notifications.activeInstructeur(communId);
        if (instructeur.isPresent()) {
            send(notifications.among(List.of(instructeur.get())), type, titre, texte, lien,
                    "vous instruisez ce dossier sur la plateforme de l'appel à communs.");
        } else {
            send(notifications.withRole(Roles.AGENT), type, titre, texte, lien, "votre compte a le rôle « "
                    + Roles.label(Roles.AGENT) + " » et ce dossier n'a pas d'instructeur sur la plateforme de l'appel à communs.");
        }
    }

    private void send(List<Recipient> recipients, NotificationType type, String titre, String texte, String lien,
                      String reason) {
        send(recipients, type, titre, texte, lien, null, List.of(), reason);
    }

    private void send(List<Recipient> recipients, NotificationType type, String titre, String texte, String lien,
                      ExternalLink externalLink, List<Mailer.Attachment> attachments, String reason) {
        OptionalLong actor = actorId();
        String shortTitre = shorten(titre.strip(), TITRE_MAX);
        String suffix = externalLink == null ? "" : "\n\n" + externalLink.label() + " : " + externalLink.url();
        String shortBase = shorten(texte.strip(), TEXTE_MAX - suffix.length());
        String shortTexte = shortBase + suffix;
        String subject = shorten("[Communs] " + neutralise(shortTitre).replaceAll("\\s+", " "), SUBJECT_MAX);
        String body = mailBody(shortBase, externalLink, lien, reason);
        java.util.Set<Long> notified = new java.util.HashSet<>();
        for (Recipient r : recipients) {
            if (actor.isPresent() && actor.getAsLong() == r.id()) {
                continue;
            }
            notifications.insert(r.id(), type, shortTitre, shortTexte, lien);
            mailer.send(r.email(), subject, body, attachments);
            notified.add(r.id());
        }
        if (!notified.isEmpty()) {
            events.publishEvent(LiveChange.forAccounts(notified));     // their bell, once committed
        }
    }

    private String mailBody(String texte, ExternalLink externalLink, String lien, String reason) {
        StringBuilder text = new StringBuilder(neutralise(texte)).append("\n\n");
        if (externalLink != null) {
            text.append(neutralise(externalLink.label())).append(" :\n").append(externalLink.url()).append("\n\n");
        }
        if (lien != null) {
            text.append(mailer.link(lien)).append("\n\n");
        }
        return text.append("Vous recevez ce courriel parce que ").append(reason).append('\n')
                .append("Toutes vos notifications :\n").append(mailer.link("notifications")).append("\n\n")
                .append(SIGNATURE).toString();
    }

    private static void check(NotificationType type, String titre, String texte, String lien) {
        Checks.start()
                .notNull(type, "Type de notification")
                .check(titre != null && !titre.isBlank(), "Le titre de la notification est obligatoire.")
                .check(texte != null && !texte.isBlank(), "Le texte de la notification est obligatoire.")
                .check(lien == null || (lien.length() <= 300 && LIEN.matcher(lien).matches() && !lien.contains("//")
                        && !lien.contains("..")), "Le lien d'une notification doit être une adresse de la plateforme "
                        + "(par exemple « communs/12 »).")
                .orThrow();
    }

    /** The logged-in account as authenticated (even if deactivated since): it is never notified of its own action. */
    private static OptionalLong actorId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AppUser user ? OptionalLong.of(user.id()) : OptionalLong.empty();
    }

    /**
     * A text quoted in a mail, where a mail client must not find a link: no control characters but line breaks and
     * tabs, {@code ://} becomes {@code [:]//} and the dot of anything that looks like a domain name becomes {@code [.]}.
     */
    static String neutralise(String text) {
        String s = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        s = SCHEME.matcher(s).replaceAll("[:]//");
        s = WWW.matcher(s).replaceAll("www[.]");
        return DOMAIN_DOT.matcher(s).replaceAll("[.]");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }


    // ------------------------------------------------------------------ readers (the logged-in person)

    /** Unread notifications of the logged-in person; 0 when nobody is logged in. */
    @Override
    @Transactional(readOnly = true)
    public int unreadCount() {
        return currentUser.get().map(u -> notifications.countUnread(u.id())).orElse(0);
    }

    /** The logged-in person's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(int offset, int limit) {
        AppUser user = currentUser.require();
        return notifications.page(user.id(), Math.max(0, offset), Math.max(0, Math.min(limit, PAGE_MAX)));
    }

    /** How many notifications the logged-in person has. */
    @Transactional(readOnly = true)
    public int countMine() {
        return notifications.count(currentUser.require().id());
    }

    /** Marks one of one's own notifications read (an already read one keeps its date). */
    @Transactional
    public void markRead(long notificationId) {
        AppUser user = currentUser.require();
        if (!notifications.isOwnedBy(notificationId, user.id())) {
            throw new NotAllowedException("Cette notification n'existe pas ou ne vous est pas destinée.");
        }
        notifications.markRead(notificationId, user.id());
        events.publishEvent(LiveChange.forAccounts(java.util.List.of(user.id())));     // the bell of their other tabs
    }

    /** Marks all of one's notifications read. */
    @Transactional
    public void markAllRead() {
        AppUser user = currentUser.require();
        notifications.markAllRead(user.id());
        events.publishEvent(LiveChange.forAccounts(java.util.List.of(user.id())));
    }
}
