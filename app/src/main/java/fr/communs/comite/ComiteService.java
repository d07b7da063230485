package fr.communs.comite;

import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.Montants;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.internal.JooqComiteRepository;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The Comité d'accompagnement des communs: each member scores the audition, then an agent records the avis. */
@Service
public class ComiteService {
    public static final BigDecimal SUBVENTION_MAX = fr.communs.base.Montants.PLAFOND;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqComiteRepository comite;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final fr.communs.security.DossierAccess access;

    ComiteService(JooqComiteRepository comite, CommunService communs, TaskService tasks, CurrentUser currentUser,
                  NotificationService notifications, fr.communs.security.DossierAccess access) {
        this.access = access;
        this.comite = comite;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    /** A comité member records their scores for the audition (their own task). */
    @Transactional
    public void score(String taskId, NotesAudition n) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        Checks checks = Checks.start();
        note(checks, n.contributeurs(), "Nombre et typologie des contributeurs");
        note(checks, n.gouvernance(), "Gouvernance démocratique, coopérative et transparente");
        note(checks, n.defis(), "Pertinence des projets en lien avec les défis");
        note(checks, n.communs(), "Pertinence de la proposition relativement à la notion de communs");
        checks.optional(n.commentaire(), "Commentaire", 2000).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_NOTER_AUDITION);
        if (comite.noteExists(communId, membre.id())) {
            throw new ValidationException("Vous avez déjà noté l'audition de ce commun.");
        }
        comite.insertNote(communId, membre.id(), n, Checks.clean(n.commentaire()));
        tasks.complete(taskId, Map.of());
    }

    private static void note(Checks checks, Integer value, String label) {
        checks.check(value != null && value >= 0 && value <= 5,
                "La note « " + label + " » doit être un nombre entier de 0 à 5.");
    }

    /** An agent records the comité's avis and proposed subsidy; the file goes to the Assemblée. */
    @Transactional
    public void recordAvis(String taskId, AvisComite a) {
        AppUser agent = access.requireServiceAgent();
        Checks checks = Checks.start()
                .notNull(a.avis(), "Avis du comité")
                .notNull(a.subventionProposee(), "Subvention proposée");
        fr.communs.base.Montants.check(checks, a.subventionProposee(), "Subvention proposée", SUBVENTION_MAX, false)
                .optional(a.contributions(), "Contributions non financières proposées", 4000)
                .orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_AVIS_COMITE);
        String contributions = Checks.clean(a.contributions());
        comite.insertAvis(communId, a, contributions, agent.id());
        communs.changeStatut(communId, CommunStatut.A_L_ASSEMBLEE);
        notifyAvis(communs.get(communId), a, contributions);
        tasks.complete(taskId, Map.of());
    }

    /** Every structure of the groupement is told the avis, the subsidy proposed and the other contributions offered. */
    private void notifyAvis(Commun commun, AvisComite a, String contributions) {
        List<Long> structures = communs.membres(commun.id()).stream().map(m -> m.structure().id()).toList();
        String subvention = a.subventionProposee().signum() == 0
                ? "Le comité ne propose pas de subvention du Département."
                : "Subvention proposée au vote de l'Assemblée départementale : " + Montants.format(a.subventionProposee()) + ".";
        String autres = contributions == null
                ? "Le comité ne propose pas de contribution non financière."
                : "Contributions non financières proposées par le comité :\n" + contributions;
        notifications.notifyStructures(structures, NotificationType.AVIS_COMITE,
                "Avis du Comité d'accompagnement : « " + commun.titre() + " »",
                "Le Comité d'accompagnement des communs a rendu un avis " + a.avis().libelle().toLowerCase(java.util.Locale.FRENCH)
                        + " sur votre dossier « " + commun.titre() + " ».\n\n" + subvention + "\n\n" + autres
                        + "\n\nProchaine étape : le vote de l'Assemblée départementale.",
                "communs/" + commun.id());
    }

    /**
     * The engine created a comité member's "Noter l'audition" task: the member is told, with the link to the task.
     * Runs in the engine's transaction (the job after "Convoquer le comité", nobody logged in): if the job is rolled
     * back and retried, the notification and its mail go with it, so they are sent once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void auditionOpened(long communId, String taskKey, String taskId, long membreId, Date due) {
        Commun commun = communs.get(communId);
        String avant = due == null ? "" : " avant le " + JOUR.format(due.toInstant().atZone(Dates.ZONE));
        notifications.notifyUsers(List.of(membreId), NotificationType.AUDITION_A_NOTER,
                "Audition à noter : « " + commun.titre() + " »",
                "Le dossier « " + commun.titre() + " » (porté par " + commun.porteurNom() + ") est prêt pour votre "
                        + "notation : notez l'audition sur chaque critère de la grille de l'appel" + avant + ".",
                TaskScreens.pathOf(taskKey, taskId));
    }

    /**
     * The last comité member scored the audition and the engine created "Enregistrer l'avis du comité": the file's
     * instructeur (or every agent if there is none) is told, with the link to that task. Runs in the scoring
     * member's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void scoresComplete(long communId, String taskKey, String avisTaskId) {
        Commun commun = communs.get(communId);
        String titre = "Toutes les notes du comité sont arrivées pour « " + commun.titre() + " »";
        notifications.notifyFileAgents(communId, NotificationType.NOTES_COMITE, titre,
                titre + " : l'avis du comité peut être enregistré.",
                TaskScreens.pathOf(taskKey, avisTaskId));
    }

    /** The comité members' score sheets (agents of the service, and comité members on the files of their séances). */
    @Transactional(readOnly = true)
    public List<NoteComite> notes(long communId) {
        requireAgentOrComite(communId);
        return comite.notes(communId);
    }

    @Transactional(readOnly = true)
    public Optional<AvisComite> avis(long communId) {
        requireAgentOrComite(communId);
        return comite.avis(communId);
    }

    private void requireAgentOrComite(long communId) {
        AppUser user = currentUser.require();
        if (!Roles.AGENT.equals(user.role()) && !Roles.COMITE.equals(user.role())) {
            throw new NotAllowedException("Seuls les agents et les membres du comité peuvent voir les notes du comité.");
        }
        access.requireReadFile(communId);
    }
}
