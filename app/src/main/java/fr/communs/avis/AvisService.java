package fr.communs.avis;

import fr.communs.avis.internal.JooqAvisRepository;
import fr.communs.avis.internal.JooqAvisRepository.Agent;
import fr.communs.avis.internal.JooqAvisRepository.CommunRef;
import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.CommunStatut;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskNotAvailableException;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The avis of référents thématiques (comité de lecture inter-directions): an instructeur asks agents of other
 * directions for their avis on a transmitted file, each référent answers in their own task ({@link
 * AvisReferentProcess}), the avis appear in the file. Agents only: structures never see them.
 */
@Service
public class AvisService {
    /** How many référents one request may ask at most. */
    public static final int REFERENTS_MAX = 10;
    /** How far ahead the due date may be. */
    public static final int DELAI_MAX_JOURS = 90;
    public static final int QUESTION_MAX = 2000;
    public static final int REPONSE_MAX = 4000;

    /** The states of a file on which a référent may be asked: transmitted and not yet decided by the comité. */
    private static final Set<CommunStatut> STATUTS_OUVERTS = Set.of(CommunStatut.EN_INSTRUCTION,
            CommunStatut.COMPLEMENTS_DEMANDES, CommunStatut.AU_COMITE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqAvisRepository avis;
    private final TaskService userTasks;
    private final org.camunda.bpm.engine.TaskService engineTasks;
    private final RuntimeService runtime;
    private final NotificationService notifications;
    /** Who may be asked for an avis: référents of other directions, and agents of the service. */
    private static final List<String> ROLES_SOLLICITABLES = List.of(Roles.REFERENT, Roles.AGENT);

    private final CurrentUser currentUser;
    private final fr.communs.security.DossierAccess access;

    AvisService(JooqAvisRepository avis, TaskService userTasks, org.camunda.bpm.engine.TaskService engineTasks,
                RuntimeService runtime, NotificationService notifications, CurrentUser currentUser,
                fr.communs.security.DossierAccess access) {
        this.access = access;
        this.avis = avis;
        this.userTasks = userTasks;
        this.engineTasks = engineTasks;
        this.runtime = runtime;
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    /**
     * The people an agent of the service may ask for an avis (active référents of other directions and agents of the
     * service, not the caller), by direction then name.
     */
    @Transactional(readOnly = true)
    public List<Referent> referents() {
        AppUser agent = access.requireServiceAgent();
        return avis.activeWithRoleExcept(ROLES_SOLLICITABLES, agent.id());
    }

    /**
     * Asks each référent for an avis on a transmitted file: one request and one "Donner un avis" task per référent,
     * each notified. All or nothing. Returns the ids of the requests, in the order of the référents given.
     */
    @Transactional
    public List<Long> request(long communId, Collection<Long> referentIds, String question, LocalDate dateLimite) {
        AppUser agent = access.requireServiceAgent();
        LocalDate today = Dates.today();
        Set<Long> ids = new LinkedHashSet<>();
        boolean unknownId = false;
        if (referentIds != null) {
            for (Long id : referentIds) {
                if (id == null) {
                    unknownId = true;
                } else {
                    ids.add(id);
                }
            }
        }
        Checks checks = Checks.start()
                .check(!ids.isEmpty(), "Choisissez au moins un référent à qui demander un avis.")
                .check(ids.size() <= REFERENTS_MAX, "Vous pouvez demander l'avis de " + REFERENTS_MAX
                        + " référents au plus à la fois (" + ids.size() + " choisis).")
                .required(question, "Question posée au référent", QUESTION_MAX)
                .notNull(dateLimite, "Date limite de l'avis");
        if (dateLimite != null) {
            checks.check(dateLimite.isAfter(today), "La date limite de l'avis doit être postérieure à aujourd'hui.")
                    .check(!dateLimite.isAfter(today.plusDays(DELAI_MAX_JOURS)),
                            "La date limite de l'avis ne peut pas dépasser " + DELAI_MAX_JOURS + " jours (au plus tard le "
                                    + DATE.format(today.plusDays(DELAI_MAX_JOURS)) + ").");
        }
        CommunRef commun = avis.lockCommun(communId)
                .orElseThrow(() -> new NotAllowedException("Ce dossier n'existe pas."));
        checks.check(STATUTS_OUVERTS.contains(commun.statut()), "On ne peut demander l'avis d'un référent que sur un "
                + "dossier transmis, en instruction ou au comité ; ce dossier est : « "
                + commun.statut().libelle().toLowerCase() + " ».");
        if (!ids.isEmpty() && ids.size() <= REFERENTS_MAX) {
            Map<Long, Agent> accounts = avis.accounts(ids);
            for (Long id : ids) {
                Agent a = accounts.get(id);
                if (a == null) {
                    unknownId = true;
                } else if (a.id() == agent.id()) {
                    checks.check(false, "Vous ne pouvez pas vous demander un avis à vous-même.");
                } else if (!ROLES_SOLLICITABLES.contains(a.role()) || !a.actif()) {
                    checks.check(false, "« " + a.nom() + " » n'est pas un agent actif de la plateforme : "
                            + "choisissez un autre référent.");
                }
            }
            for (Long id : avis.withPendingRequest(communId, ids)) {
                checks.check(false, "Une demande d'avis est déjà en attente auprès de « " + accounts.get(id).nom()
                        + " » sur ce dossier : annulez-la d'abord ou retirez cette personne de la liste.");
            }
        }
        checks.check(!unknownId, "Un des référents choisis n'existe pas : rechargez la page et choisissez-les à nouveau.");
        checks.orThrow();

        String texteQuestion = question.strip();
        Date due = Date.from(dateLimite.atTime(LocalTime.of(23, 59)).atZone(Dates.ZONE).toInstant());
        String businessKey = CycleCommunProcess.businessKey(communId);
        List<Long> created = new ArrayList<>();
        for (Long referentId : ids) {
            long avisId = avis.insert(communId, agent.id(), referentId, texteQuestion, dateLimite);
            Map<String, Object> variables = new java.util.HashMap<>(
                    AvisReferentProcess.startVariables(avisId, communId, String.valueOf(referentId), due));
            // Reminders from the next morning at 9:00 (the avis is late then), never at night.
            variables.put(AvisReferentProcess.VAR_CYCLE_RELANCE, AvisReferentProcess.relanceCycle(
                    Date.from(dateLimite.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE).toInstant())));
            ProcessInstance pi = runtime.startProcessInstanceByKey(AvisReferentProcess.KEY, businessKey, variables);
            Task task = engineTasks.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey(AvisReferentProcess.TASK_DONNER_AVIS).singleResult();
            notifications.notifyUsers(List.of(referentId), NotificationType.AVIS_DEMANDE,
                    "Avis demandé sur « " + commun.titre() + " »",
                    agent.nomComplet() + " vous demande votre avis de référent thématique sur le dossier « "
                            + commun.titre() + " », avant le " + DATE.format(dateLimite) + ".\n\nQuestion :\n"
                            + texteQuestion,
                    task == null ? TaskScreens.MES_TACHES : TaskScreens.pathOf(AvisReferentProcess.TASK_DONNER_AVIS,
                            task.getId()));
            created.add(avisId);
        }
        return created;
    }

    /** The référent gives their avis in their own task; the person who asked is notified. */
    @Transactional
    public void answer(String taskId, SensAvis sens, String reponse) {
        AppUser referent = currentUser.requireRole(Roles.REFERENT, Roles.AGENT);
        Checks.start()
                .notNull(sens, "Sens de votre avis")
                .required(reponse, "Votre avis", REPONSE_MAX)
                .orThrow();
        long communId = userTasks.requireOpen(taskId, AvisReferentProcess.TASK_DONNER_AVIS);
        long avisId = avisIdOfTask(taskId).orElseThrow(TaskNotAvailableException::new);
        if (avis.commun(communId).map(c -> c.statut().termine()).orElse(true)) {
            throw new TaskNotAvailableException("Ce dossier est clos : votre avis n'est plus attendu.");
        }
        if (avis.markRendu(avisId, referent.id(), sens, reponse.strip()) == 0) {
            throw new TaskNotAvailableException("Cet avis n'est plus attendu : il vient d'être rendu (par exemple "
                    + "dans un autre onglet) ou la demande a été annulée.");
        }
        String titre = avis.commun(communId).map(CommunRef::titre).orElse("Commun n° " + communId);
        List<Long> recipients = new ArrayList<>();
        avis.demandeurOf(avisId).ifPresent(recipients::add);
        avis.instructeurOf(communId).ifPresent(recipients::add);     // the file may have changed hands meanwhile
        notifications.notifyUsers(recipients, NotificationType.AVIS_RENDU, "Avis rendu sur « " + titre + " »",
                referent.nomComplet() + " a rendu un avis « " + sens.libelle().toLowerCase() + " » sur le dossier « "
                        + titre + " ».\n\n" + reponse.strip(),
                TaskScreens.DOSSIERS + "/" + communId);
        userTasks.complete(taskId, Map.of());
    }

    /**
     * Cancels a pending request (the agent who asked, or the file's instructeur): its task disappears from the
     * référent's list and the référent is told.
     */
    @Transactional
    public void cancel(long avisId) {
        AppUser agent = access.requireServiceAgent();
        AvisReferent found = avis.find(avisId)
                .orElseThrow(() -> new NotAllowedException("Cette demande d'avis n'existe pas."));
        boolean demandeur = avis.demandeurOf(avisId).map(id -> id == agent.id()).orElse(false);
        boolean instructeur = avis.instructeurOf(found.communId()).map(id -> id == agent.id()).orElse(false);
        if (!demandeur && !instructeur) {
            throw new NotAllowedException("Seuls l'agent qui a demandé l'avis et l'instructeur du dossier peuvent "
                    + "annuler cette demande.");
        }
        cancelOne(found, "Demande d'avis annulée par " + agent.nomComplet(),
                agent.nomComplet() + " a annulé sa demande d'avis sur ce dossier : votre avis n'est plus attendu.");
    }

    /** The file's cycle ended (non recevable, subvention non votée…): pending requests are closed. */
    @org.springframework.context.event.EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void onStatutChange(fr.communs.commun.CommunService.StatutChange change) {
        if (!change.statut().termine()) {
            return;
        }
        for (long avisId : avis.pendingOf(change.communId())) {
            avis.find(avisId).ifPresent(found -> cancelOne(found, "Demande d'avis close : dossier « "
                    + change.statut().libelle().toLowerCase() + " »", "Le dossier est clos (« "
                    + change.statut().libelle().toLowerCase() + " ») : votre avis n'est plus attendu."));
        }
    }

    private void cancelOne(AvisReferent found, String reason, String message) {
        long avisId = found.id();
        if (avis.markAnnule(avisId) == 0) {
            throw new NotAllowedException("Cette demande d'avis n'est plus en attente : l'avis vient d'être rendu "
                    + "ou la demande a déjà été annulée. Rechargez la page pour voir la situation à jour.");
        }
        for (ProcessInstance pi : instancesOf(found.communId(), avisId)) {
            runtime.deleteProcessInstance(pi.getId(), reason);
        }
        String titre = avis.commun(found.communId()).map(CommunRef::titre).orElse("Commun n° " + found.communId());
        notifications.notifyUsers(List.of(found.referentId()), NotificationType.AVIS_ANNULE,
                "Demande d'avis annulée : « " + titre + " »", message, TaskScreens.MES_TACHES);
    }

    /**
     * Requests on a file and the avis given, the oldest first: all of them for an agent of the service; for a référent
     * whose avis was asked on the file, their own requests only (the question put to them and their answer); refused
     * to anyone else.
     */
    @Transactional(readOnly = true)
    public List<AvisReferent> ofCommun(long communId) {
        AppUser user = currentUser.require();
        if (fr.communs.security.DossierAccess.isServiceAgent(user)) {
            return avis.byCommun(communId);
        }
        if (!Roles.REFERENT.equals(user.role())) {
            throw new NotAllowedException(fr.communs.security.DossierAccess.RESERVE_AU_SERVICE);
        }
        access.requireReadFile(communId);
        return avis.byCommun(communId).stream().filter(a -> a.referentId() == user.id()).toList();
    }

    /** The request behind a "Donner un avis" task, if the caller may work on that task. */
    @Transactional(readOnly = true)
    public Optional<AvisReferent> ofTask(String taskId) {
        if (!(currentUser.hasRole(Roles.REFERENT) || currentUser.hasRole(Roles.AGENT))
                || userTasks.findOpen(taskId, AvisReferentProcess.TASK_DONNER_AVIS).isEmpty()) {
            return Optional.empty();
        }
        return avisIdOfTask(taskId).flatMap(avis::find);
    }

    private Optional<Long> avisIdOfTask(String taskId) {
        Task task = engineTasks.createTaskQuery().taskId(taskId).processDefinitionKey(AvisReferentProcess.KEY)
                .singleResult();
        if (task == null) {
            return Optional.empty();
        }
        // A query rather than getVariable: no exception (which would doom the transaction) if the instance ended
        // at this very instant (avis given or request cancelled meanwhile).
        VariableInstance variable = runtime.createVariableInstanceQuery()
                .processInstanceIdIn(task.getProcessInstanceId()).variableName(AvisReferentProcess.VAR_AVIS_ID)
                .singleResult();
        return variable != null && variable.getValue() instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    private List<ProcessInstance> instancesOf(long communId, long avisId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .variableValueEquals(AvisReferentProcess.VAR_AVIS_ID, avisId).list();
    }
}
