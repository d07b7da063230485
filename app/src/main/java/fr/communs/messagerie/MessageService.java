package fr.communs.messagerie;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.messagerie.internal.JooqMessageRepository;
import fr.communs.messagerie.internal.JooqMessageRepository.CommunRow;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message thread of a file between its groupement and the agents of the Département (like the messagerie of
 * démarches-simplifiées), with notifications.
 *
 * <p>Who reads a thread: the agents, the administrators, and the members of the structures of the commun's
 * groupement (porteur, members, contributors). Who writes: an agent, for the Département, or a groupement member, for
 * one of their structures of the groupement. A draft has no thread. Each message notifies the other side: an agent's
 * message every structure of the groupement, a groupement's message the file's instructeur, or every agent while the
 * file has none. The author is never notified of their own message.
 *
 * <p>This package reads the commun and its groupement itself (it does not call {@code fr.communs.commun}), so that
 * the commun's screens may show the thread and its count without a cycle between the two features.
 */
@Service
public class MessageService {
    /** Longest message, in characters (after trimming). */
    public static final int TEXTE_MAX = 4000;
    /** Most files one bulk message may go to. */
    public static final int LOT_MAX = 200;
    /** Length of the message quoted in its notification. */
    static final int APERCU_MAX = 200;

    static final String RESERVE = "Seuls les membres du groupement et les agents du Département voient ces messages.";
    static final String ECRITURE_RESERVEE =
            "Seuls les membres du groupement et les agents du Département peuvent écrire dans cette messagerie.";
    static final String INCONNU = "Ce commun n'existe pas.";

    private final JooqMessageRepository messages;
    private final NotificationService notifications;
    private final CurrentUser currentUser;

    MessageService(JooqMessageRepository messages, NotificationService notifications, CurrentUser currentUser) {
        this.messages = messages;
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    // ------------------------------------------------------------------ reading

    /** The whole thread of the file, oldest first. */
    @Transactional(readOnly = true)
    public List<Message> thread(long communId) {
        requireReader(communId);
        return messages.thread(communId);
    }

    /** The {@code max} latest messages of the thread (at least 1, at most 1000), oldest first. */
    @Transactional(readOnly = true)
    public List<Message> latest(long communId, int max) {
        requireReader(communId);
        return messages.latest(communId, Math.max(1, Math.min(max, 1000)));
    }

    /** How many messages the thread holds (for the badge of a tab). */
    @Transactional(readOnly = true)
    public int count(long communId) {
        requireReader(communId);
        return messages.count(communId);
    }

    /** Whether the caller may read the file's thread (a screen shows its tab or link only then); never throws. */
    @Transactional(readOnly = true)
    public boolean canRead(long communId) {
        try {
            requireReader(communId);
            return true;
        } catch (NotAllowedException | ValidationException e) {
            return false;
        }
    }

    /** The commun's title, for the thread's screen (same rights as the thread). */
    @Transactional(readOnly = true)
    public String communTitle(long communId) {
        return requireReader(communId).titre();
    }

    /** What the caller may do in the thread: write or only read, for which side, for which structures. */
    @Transactional(readOnly = true)
    public PostingOptions postingOptions(long communId) {
        requireReader(communId);
        AppUser user = currentUser.require();
        if (Roles.AGENT.equals(user.role())) {
            return new PostingOptions(true, Cote.AGENT, List.of());
        }
        List<StructureOption> mine = messages.groupementStructuresAmong(communId, user.structureIds());
        return mine.isEmpty() ? new PostingOptions(false, null, List.of()) : new PostingOptions(true, Cote.GROUPEMENT, mine);
    }

    // ------------------------------------------------------------------ writing

    /**
     * Posts a message in the file's thread and notifies the other side. An agent writes for the Département
     * ({@code structureId} null); a groupement member writes for one of their structures of the groupement, which they
     * must name when they have several. Returns the message's id.
     */
    @Transactional
    public long post(long communId, Long structureId, String texte) {
        AppUser user = currentUser.get().orElseThrow(() -> new NotAllowedException(ECRITURE_RESERVEE));
        CommunRow commun = requireCommun(communId);
        String clean = Checks.clean(texte);
        if (Roles.AGENT.equals(user.role())) {
            Checks checks = Checks.start().check(structureId == null,
                    "Un agent écrit au nom du Département : ne choisissez pas de structure.");
            checkTexte(checks, clean).orThrow();
            return postAsAgent(user, commun, clean);
        }
        List<StructureOption> mine = messages.groupementStructuresAmong(communId, user.structureIds());
        if (mine.isEmpty()) {
            throw new NotAllowedException(ECRITURE_RESERVEE);
        }
        Checks checks = Checks.start();
        Long auteur = structureId;
        if (structureId == null) {
            checks.check(mine.size() == 1, "Vous êtes membre de plusieurs structures du groupement : choisissez celle "
                    + "au nom de laquelle vous écrivez.");
            auteur = mine.size() == 1 ? mine.get(0).id() : null;
        } else if (!user.structureIds().contains(structureId)) {
            throw new NotAllowedException("Vous ne pouvez écrire qu'au nom d'une de vos structures.");
        } else {
            checks.check(mine.stream().anyMatch(s -> s.id() == structureId),
                    "Cette structure ne fait pas partie du groupement de ce commun : choisissez-en une autre.");
        }
        checkTexte(checks, clean).orThrow();
        if (!messages.lockMembre(communId, auteur)) {
            throw new NotAllowedException(ECRITURE_RESERVEE);
        }
        long id = messages.insert(communId, user.id(), auteur, Cote.GROUPEMENT, clean);
        String titre = titre(commun);
        String lien = TaskScreens.DOSSIERS + "/" + communId;
        notifications.notifyFileAgents(communId, NotificationType.MESSAGE, titre, apercu(clean), lien);
        return id;
    }

    /**
     * An agent sends the same message to each of these files (bulk action of the back office), in one transaction:
     * each file gets the message and its notifications. An unknown id (or a draft's) refuses the whole action and
     * nothing is posted. Returns how many files got the message.
     */
    @Transactional
    public int postToMany(Collection<Long> communIds, String texte) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        List<Long> ids = communIds == null ? List.of() : communIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        String clean = Checks.clean(texte);
        Checks checks = Checks.start()
                .check(!ids.isEmpty(), "Sélectionnez au moins un dossier.")
                .check(ids.size() <= LOT_MAX, "Sélectionnez au plus " + LOT_MAX + " dossiers à la fois (vous en avez "
                        + "sélectionné " + ids.size() + ").");
        checkTexte(checks, clean).orThrow();
        Map<Long, CommunRow> found = messages.communs(ids);
        List<Long> missing = ids.stream().filter(id -> found.get(id) == null || found.get(id).brouillon()).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException((missing.size() == 1 ? "Ce dossier n'existe pas : n° " : "Ces dossiers n'existent pas : n° ")
                    + String.join(", ", missing.stream().map(String::valueOf).toList())
                    + ". Aucun message n'a été envoyé.");
        }
        for (Long id : ids) {
            postAsAgent(agent, found.get(id), clean);
        }
        return ids.size();
    }

    private long postAsAgent(AppUser agent, CommunRow commun, String texte) {
        long id = messages.insert(commun.id(), agent.id(), null, Cote.AGENT, texte);
        notifications.notifyStructures(messages.groupementStructures(commun.id()), NotificationType.MESSAGE,
                titre(commun), apercu(texte), "communs/" + commun.id() + "/messages");
        return id;
    }

    // ------------------------------------------------------------------ rules

    private CommunRow requireReader(long communId) {
        AppUser user = currentUser.get().orElseThrow(() -> new NotAllowedException(RESERVE));
        CommunRow commun = requireCommun(communId);
        if (Roles.AGENT.equals(user.role()) || Roles.ADMIN.equals(user.role())) {
            return commun;
        }
        if (user.structureIds().isEmpty()
                || messages.groupementStructuresAmong(communId, user.structureIds()).isEmpty()) {
            throw new NotAllowedException(RESERVE);
        }
        return commun;
    }

    /** A published commun (a draft has no thread, and says so as an unknown one would). */
    private CommunRow requireCommun(long communId) {
        return messages.commun(communId).filter(c -> !c.brouillon())
                .orElseThrow(() -> new ValidationException(INCONNU));
    }

    private static Checks checkTexte(Checks checks, String clean) {
        return checks.required(clean, "Message", TEXTE_MAX);
    }

    private static String titre(CommunRow commun) {
        return "Nouveau message sur « " + commun.titre() + " »";
    }

    /** The beginning of the message, as quoted in its notification. */
    static String apercu(String texte) {
        if (texte.length() <= APERCU_MAX) {
            return texte;
        }
        int end = Character.isHighSurrogate(texte.charAt(APERCU_MAX - 1)) ? APERCU_MAX - 1 : APERCU_MAX;
        return texte.substring(0, end) + "…";
    }
}
