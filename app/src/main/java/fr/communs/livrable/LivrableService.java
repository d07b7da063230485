package fr.communs.livrable;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.livrable.internal.JooqLivrableRepository;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The laureates' livrable and retour d'expérience, which close the cycle. */
@Service
public class LivrableService {
    private final JooqLivrableRepository livrables;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final NotificationService notifications;

    LivrableService(JooqLivrableRepository livrables, CommunService communs, TaskService tasks, CurrentUser currentUser,
                    NotificationService notifications) {
        this.livrables = livrables;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    @Transactional
    public void deposit(String taskId, LivrableData d) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        String lien = Checks.clean(d.lien());
        Checks.start()
                .required(d.titre(), "Titre du livrable", 200)
                .optional(lien, "Lien", 500)
                .check(lien == null || Checks.isWebLink(lien), "Le lien doit être une adresse web commençant par https:// ou http://.")
                .required(d.description(), "Description du livrable", 4000)
                .required(d.retourExperience(), "Retour d'expérience", 4000)
                .orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_DEPOSER_LIVRABLE);
        livrables.insert(communId, new LivrableData(d.titre().strip(), lien, d.description().strip(),
                d.retourExperience().strip()), user.id());
        communs.changeStatut(communId, CommunStatut.LIVRABLE_DEPOSE);
        String commun = communs.get(communId).titre();
        notifications.notifyFileAgents(communId, NotificationType.LIVRABLE_DEPOSE, "Livrable déposé : « " + commun + " »",
                "Le groupement du commun « " + commun + " » a déposé son livrable « " + d.titre().strip()
                        + " » et son retour d'expérience : le cycle de ce dossier est terminé.",
                TaskScreens.DOSSIERS + "/" + communId);
        tasks.complete(taskId, Map.of());
    }

    /**
     * The livrable of a commun with the retour d'expérience, once deposited: for the agents and the structures of
     * the groupement only (the retour d'expérience feeds the evaluation; the public sees {@link #publicView}).
     */
    @Transactional(readOnly = true)
    public Optional<Livrable> find(long communId) {
        communs.get(communId);
        if (!currentUser.hasRole(Roles.AGENT) && !communs.callerIsMember(communId)) {
            throw new NotAllowedException("Seuls les agents et les structures du groupement peuvent lire le retour "
                    + "d'expérience.");
        }
        return livrables.find(communId);
    }

    /** The livrable of a commun as shown on its public page (meant to be shared), without the retour d'expérience. */
    @Transactional(readOnly = true)
    public Optional<LivrablePublic> publicView(long communId) {
        communs.get(communId);
        return livrables.find(communId).map(l -> new LivrablePublic(l.titre(), l.lien(), l.description(), l.deposeLe()));
    }
}
