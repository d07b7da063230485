package fr.communs.assemblee;

import fr.communs.base.Dates;
import fr.communs.assemblee.internal.JooqAssembleeRepository;
import fr.communs.base.Checks;
import fr.communs.base.Montants;
import fr.communs.comite.ComiteService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Assemblée's vote on the subsidies proposed after the comité (recorded by an agent). */
@Service
public class AssembleeService {
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqAssembleeRepository votes;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final fr.communs.security.DossierAccess access;

    AssembleeService(JooqAssembleeRepository votes, CommunService communs, TaskService tasks, CurrentUser currentUser,
                     NotificationService notifications, fr.communs.security.DossierAccess access) {
        this.access = access;
        this.votes = votes;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    @Transactional
    public void recordVote(String taskId, VoteAssemblee v) {
        AppUser agent = access.requireServiceAgent();
        boolean adopte = v.resultat() == ResultatVote.ADOPTE;
        Checks checks = Checks.start()
                .notNull(v.resultat(), "Résultat du vote")
                .notNull(v.dateSeance(), "Date de la séance")
                .check(v.dateSeance() == null || !v.dateSeance().isAfter(Dates.today()),
                        "La date de la séance ne peut pas être dans le futur.")
                .plausibleDate(v.dateSeance(), "Date de la séance")
                .check(!adopte || v.montantVote() != null, "Indiquez le montant de la subvention votée.")
                .check(adopte || v.montantVote() == null,
                        "Aucun montant ne doit être saisi si la subvention n'est pas adoptée.");
        Montants.check(checks, v.montantVote(), "Montant de la subvention votée", ComiteService.SUBVENTION_MAX, true).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_VOTE_ASSEMBLEE);
        votes.insert(communId, v, agent.id());
        communs.changeStatut(communId, switch (v.resultat()) {
            case ADOPTE -> CommunStatut.LAUREAT;
            case REJETE -> CommunStatut.REJETE;
            case AJOURNE -> CommunStatut.A_L_ASSEMBLEE;
        });
        notifyVote(communs.get(communId), v);
        tasks.complete(taskId, CycleCommunProcess.vote(v.resultat()));
    }

    /** Every structure of the groupement is told the result of the séance, with the amount voted. */
    private void notifyVote(Commun commun, VoteAssemblee v) {
        List<Long> structures = communs.membres(commun.id()).stream().map(m -> m.structure().id()).toList();
        String seance = "Lors de sa séance du " + JOUR.format(v.dateSeance()) + ", l'Assemblée départementale ";
        String titre;
        String texte;
        switch (v.resultat()) {
            case ADOPTE -> {
                titre = "Subvention votée : « " + commun.titre() + " »";
                texte = seance + "a voté une subvention de " + Montants.format(v.montantVote()) + " pour votre commun « "
                        + commun.titre() + " ».\n\nProchaine étape : le dépôt de votre livrable et de votre retour "
                        + "d'expérience, par le porteur administratif depuis « Mes tâches ».";
            }
            case REJETE -> {
                titre = "Subvention non votée : « " + commun.titre() + " »";
                texte = seance + "n'a pas voté la subvention proposée pour votre commun « " + commun.titre()
                        + " ».\n\nLe cycle de ce dossier est terminé.";
            }
            default -> {
                titre = "Vote ajourné : « " + commun.titre() + " »";
                texte = seance + "a ajourné le vote de la subvention proposée pour votre commun « " + commun.titre()
                        + " » : elle sera soumise à une prochaine séance.";
            }
        }
        notifications.notifyStructures(structures, NotificationType.RESULTAT_ASSEMBLEE, titre, texte,
                "communs/" + commun.id());
    }

    @Transactional(readOnly = true)
    public List<VoteAssemblee> votes(long communId) {
        access.requireReadFile(communId);        // the Département's people who may read the file
        return votes.votes(communId);
    }

    /**
     * The subsidy the Assemblée voted for the commun, once adopted: public (a subsidy voted by the Assemblée is a
     * public decision), for anyone who may see the commun.
     */
    @Transactional(readOnly = true)
    public Optional<SubventionVotee> subventionVotee(long communId) {
        communs.get(communId);
        return votes.votes(communId).stream().filter(v -> v.resultat() == ResultatVote.ADOPTE)
                .reduce((first, second) -> second)
                .map(v -> new SubventionVotee(v.montantVote(), v.dateSeance()));
    }
}
