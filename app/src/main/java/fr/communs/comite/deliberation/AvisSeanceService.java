package fr.communs.comite.deliberation;

import fr.communs.base.Checks;
import fr.communs.base.Montants;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.comite.deliberation.internal.JooqAvisSeanceRepository;
import fr.communs.comite.seance.Quorum;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent records the comité's avis on a file heard at an open séance with quorum: favorable (with the subsidy
 * proposed, at most what the groupement asked), favorable avec réserves (réserves written), défavorable (motivated),
 * or ajourné (motivated: the file waits for a later séance, its groupement is told why). Once per file.
 */
@Service
public class AvisSeanceService {
    public static final int MOTIVATION_MAX = 4000;

    private final JooqAvisSeanceRepository avis;
    private final SeanceService seances;
    private final CommunService communs;
    private final BudgetService budgets;
    private final TaskService tasks;
    private final org.camunda.bpm.engine.TaskService engineTasks;
    private final DossierAccess access;
    private final CurrentUser currentUser;
    private final NotificationService notifications;

    AvisSeanceService(JooqAvisSeanceRepository avis, SeanceService seances, CommunService communs, BudgetService budgets,
                      TaskService tasks, org.camunda.bpm.engine.TaskService engineTasks, DossierAccess access,
                      CurrentUser currentUser, NotificationService notifications) {
        this.avis = avis;
        this.seances = seances;
        this.communs = communs;
        this.budgets = budgets;
        this.tasks = tasks;
        this.engineTasks = engineTasks;
        this.access = access;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    /** The séance of an open avis task (for its screen). */
    @Transactional(readOnly = true)
    public long seanceOfTask(String taskId) {
        access.requireServiceAgent();
        Object id = taskId == null ? null : engineTasks.getVariable(taskId, CycleCommunProcess.VAR_SEANCE_ID);
        if (!(id instanceof Number n)) {
            throw new ValidationException("Cette tâche n'est rattachée à aucune séance.");
        }
        return n.longValue();
    }

    /** What the groupement asked the Département for (the ceiling of the proposed subsidy), if known. */
    @Transactional(readOnly = true)
    public BigDecimal montantDemande(long communId) {
        access.requireServiceAgent();
        return budgets.budgetOf(communId).map(Budget::montantDemande).orElse(null);
    }

    @Transactional
    public void enregistrer(String taskId, AvisSeance a) {
        AppUser agent = access.requireServiceAgent();
        Checks checks = Checks.start().notNull(a, "Avis du comité");
        checks.orThrow();
        checks.notNull(a.type(), "Avis du comité")
                .optional(a.motivation(), "Motivation", MOTIVATION_MAX)
                .optional(a.reserves(), "Réserves", MOTIVATION_MAX);
        checks.orThrow();
        boolean motive = Checks.clean(a.motivation()) != null;
        checks.check(a.type() == AvisSeance.Type.FAVORABLE || a.type() == AvisSeance.Type.RESERVE || motive,
                "Motivez l'avis « " + a.type().libelle().toLowerCase(java.util.Locale.FRENCH) + " » : le groupement la recevra.");
        checks.check(a.type() != AvisSeance.Type.RESERVE || Checks.clean(a.reserves()) != null,
                "Écrivez les réserves du comité.");
        checks.check(a.type() == AvisSeance.Type.RESERVE || Checks.clean(a.reserves()) == null,
                "Des réserves ne s'écrivent qu'avec un avis favorable avec réserves.");
        if (a.type().proposeUneSubvention()) {
            checks.notNull(a.subvention(), "Subvention proposée");
            Montants.check(checks, a.subvention(), "Subvention proposée", Montants.PLAFOND, false);
        } else {
            checks.check(a.subvention() == null || a.subvention().signum() == 0,
                    "Un avis « " + a.type().libelle().toLowerCase(java.util.Locale.FRENCH) + " » ne propose pas de subvention.");
        }
        checks.orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_AVIS_SEANCE);
        long seanceId = seanceOfTask(taskId);
        Seance seance = seances.seanceOf(seanceId);
        if (seance.statut() != Seance.Statut.OUVERTE) {
            throw new ValidationException("La séance n'est pas ouverte : l'avis ne peut pas être enregistré.");
        }
        Quorum quorum = seances.quorumOf(seanceId, communId);
        if (!quorum.atteint()) {
            throw new ValidationException("Le quorum n'est pas atteint pour ce dossier (" + quorum.votants().size()
                    + " membre(s) pouvant délibérer sur " + quorum.requis() + " requis) : l'avis ne peut pas être rendu.");
        }
        BigDecimal demande = budgets.budgetOf(communId).map(Budget::montantDemande).orElse(null);
        if (a.type().proposeUneSubvention() && demande != null && a.subvention().compareTo(demande) > 0) {
            throw new ValidationException("La subvention proposée (" + Montants.format(a.subvention())
                    + ") dépasse le montant demandé par le groupement (" + Montants.format(demande) + ").");
        }
        String motivation = Checks.clean(a.motivation());
        AvisSeance propre = new AvisSeance(a.type(), motivation, Checks.clean(a.reserves()),
                a.type().proposeUneSubvention() ? a.subvention() : BigDecimal.ZERO);
        Commun commun = communs.get(communId);
        if (a.type() == AvisSeance.Type.AJOURNE) {
            if (!avis.insertAjournement(seanceId, communId, motivation, agent.id())) {
                throw new ValidationException("Ce dossier a déjà été ajourné à cette séance.");
            }
            notifications.notifyStructures(communs.membres(communId).stream().map(m -> m.structure().id()).toList(),
                    NotificationType.AVIS_COMITE, "Dossier « " + commun.titre() + " » ajourné par le comité",
                    "Le Comité d'accompagnement des communs a ajourné votre dossier « " + commun.titre()
                            + " » : il sera entendu à une séance suivante.\n\nMotif : " + motivation,
                    "communs/" + communId);
        } else if (!avis.insertAvis(seanceId, communId, propre, agent.id())) {
            throw new ValidationException("L'avis du comité sur ce dossier est déjà enregistré.");
        }
        tasks.complete(taskId, CycleCommunProcess.avisComite(a.type() == AvisSeance.Type.AJOURNE
                ? CycleCommunProcess.AVIS_AJOURNE : a.type().name()));
    }

    /** The avis and ajournements of a file (agents and comité members not recused from it). */
    @Transactional(readOnly = true)
    public List<AvisRendu> avisDuDossier(long communId) {
        AppUser user = currentUser.require();
        if (!DossierAccess.isServiceAgent(user)) {
            if (!Roles.COMITE.equals(user.role())) {
                throw new NotAllowedException("Réservé aux agents du service et aux membres du comité.");
            }
            if (seances.estDeporte(user.id(), communId)) {
                throw new NotAllowedException("Vous êtes déporté(e) de ce dossier.");
            }
        }
        return avis.ofCommun(communId);
    }

    /** Avis of a file for another comité service (PV, groupement's extract), in its transaction, without access check. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<AvisRendu> avisOf(long communId) {
        return avis.ofCommun(communId);
    }
}
