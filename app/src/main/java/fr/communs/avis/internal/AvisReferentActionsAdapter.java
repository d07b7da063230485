package fr.communs.avis.internal;

import fr.communs.avis.AvisReferent;
import fr.communs.avis.StatutAvis;
import fr.communs.avis.internal.JooqAvisRepository.CommunRef;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.AvisReferentActions;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.task.TaskScreens;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the "Avis d'un référent thématique" process asks of the application. Runs in the engine's (Spring) transaction. */
@Component
class AvisReferentActionsAdapter implements AvisReferentActions {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqAvisRepository avis;
    private final NotificationService notifications;
    private final TaskService engineTasks;

    AvisReferentActionsAdapter(JooqAvisRepository avis, NotificationService notifications, TaskService engineTasks) {
        this.avis = avis;
        this.notifications = notifications;
        this.engineTasks = engineTasks;
    }

    /**
     * Reminds the référent of a late avis and counts the reminder; nothing once the avis was given or the request
     * cancelled, nor when the file's cycle is over (a late avis is then of no use).
     */
    @Override
    @Transactional
    public void remindReferent(long avisId) {
        Optional<AvisReferent> found = avis.find(avisId).filter(a -> a.statut() == StatutAvis.EN_ATTENTE);
        if (found.isEmpty()) {
            return;
        }
        AvisReferent a = found.get();
        Optional<CommunRef> commun = avis.commun(a.communId());
        if (commun.isEmpty() || commun.get().statut().termine() || avis.countReminder(avisId) == 0) {
            return;
        }
        String titre = commun.get().titre();
        Task task = engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .taskDefinitionKey(AvisReferentProcess.TASK_DONNER_AVIS)
                .processVariableValueEquals(AvisReferentProcess.VAR_AVIS_ID, avisId).active().singleResult();
        notifications.notifyUsers(List.of(a.referentId()), NotificationType.RAPPEL_AVIS,
                "Avis attendu depuis le " + DATE.format(a.dateLimite()) + " sur « " + titre + " »",
                a.demandeurNom() + " attend toujours votre avis de référent thématique sur le dossier « " + titre
                        + " », qui était à rendre au plus tard le " + DATE.format(a.dateLimite())
                        + ". Merci de le rendre dès que possible.\n\nQuestion :\n" + a.question(),
                task == null ? TaskScreens.MES_TACHES
                        : TaskScreens.pathOf(AvisReferentProcess.TASK_DONNER_AVIS, task.getId()));
    }
}
