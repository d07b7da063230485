package fr.communs.historique;

import fr.communs.base.Dates;
import fr.communs.commun.CommunService;
import fr.communs.historique.Evenement.Type;
import fr.communs.historique.internal.JooqHistorique;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of a file for the agents: every state change and decision with who and when, from our tables
 * (publication, versions, decisions, assignments, avis, notes, messages, attachments, comité, Assemblée, livrable)
 * and from the engine's history (tasks of the cycle created, taken, completed; end of the cycle; cancelled avis).
 * Agents only: it names agents and mentions private notes. The public, reduced version is
 * {@link fr.communs.commun.JalonService}.
 */
@Service
public class HistoriqueService {
    /** Newest first; events at the same instant keep the order in which they were gathered. */
    private static final Comparator<Evenement> PLUS_RECENT_D_ABORD =
            Comparator.comparing((Evenement e) -> e.date().toInstant()).reversed();
    private static final DateTimeFormatter ECHEANCE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");
    /**
     * An assignment logged no later than this after the creation of a task was made by the engine while creating it
     * (it is logged a few milliseconds before or after the task's start); a person taking the task needs another
     * request, hence far more time.
     */
    private static final long ASSIGNED_AT_CREATION_MS = 50;
    /** What Camunda writes as the delete reason of a task completed normally. */
    private static final String COMPLETED = "completed";

    private final JooqHistorique historique;
    private final CommunService communs;
    private final CurrentUser currentUser;
    private final HistoryService history;
    private final RepositoryService repository;

    HistoriqueService(JooqHistorique historique, CommunService communs, CurrentUser currentUser, HistoryService history,
                      RepositoryService repository) {
        this.historique = historique;
        this.communs = communs;
        this.currentUser = currentUser;
        this.history = history;
        this.repository = repository;
    }

    /** Every event of the file, newest first (agents only; a draft or an unknown file is "n'existe pas"). */
    @Transactional(readOnly = true)
    public List<Evenement> evenements(long communId) {
        currentUser.requireRole(Roles.AGENT);
        communs.get(communId);
        List<Evenement> all = new ArrayList<>(historique.evenements(communId));
        all.addAll(engineEvents(communId));
        all.addAll(cancelledAvis(communId));
        all.sort(PLUS_RECENT_D_ABORD);
        return all.stream().map(e -> new Evenement(e.date().atZoneSameInstant(Dates.ZONE).toOffsetDateTime(), e.type(),
                e.titre(), e.detail(), e.acteur())).toList();
    }

    /** The events kept by a filter of the timeline, newest first (agents only). */
    @Transactional(readOnly = true)
    public List<Evenement> evenements(long communId, Evenement.Filtre filtre) {
        List<Evenement> all = evenements(communId);
        return filtre == null ? all : all.stream().filter(filtre::retient).toList();
    }

    // ------------------------------------------------------------------ engine

    /** The user tasks of the cycle (created, taken, released, completed or closed) and the end of the cycle. */
    private List<Evenement> engineEvents(long communId) {
        String businessKey = CycleCommunProcess.businessKey(communId);
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(businessKey).list();
        Map<String, List<HistoricIdentityLinkLog>> assignments = new HashMap<>();
        Set<Long> userIds = new HashSet<>();
        for (HistoricTaskInstance task : tasks) {
            List<HistoricIdentityLinkLog> logs = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .type(IdentityLinkType.ASSIGNEE).list();
            assignments.put(task.getId(), logs);
            logs.forEach(l -> addUserId(userIds, l.getUserId()));
            addUserId(userIds, task.getAssignee());
        }
        Map<Long, String> noms = historique.noms(userIds);

        List<Evenement> events = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            String tache = "Tâche « " + task.getName() + " »";
            List<HistoricIdentityLinkLog> logs = new ArrayList<>(assignments.get(task.getId()));
            logs.sort(Comparator.comparing(HistoricIdentityLinkLog::getTime));
            // An assignee given by the process itself (instructeur back from the compléments, comité member) is
            // logged as the task is created: one event says both.
            String assignedAtCreation = null;
            if (!logs.isEmpty() && "add".equals(logs.get(0).getOperationType())
                    && logs.get(0).getTime().getTime() - task.getStartTime().getTime() <= ASSIGNED_AT_CREATION_MS) {
                assignedAtCreation = nom(noms, logs.remove(0).getUserId());
            }
            String echeance = task.getDueDate() == null ? null : "Échéance : " + ECHEANCE.format(toOffset(task.getDueDate()));
            events.add(new Evenement(toOffset(task.getStartTime()), Type.TACHE,
                    tache + " créée" + (assignedAtCreation == null ? "" : " et attribuée à " + assignedAtCreation),
                    echeance, null));
            for (HistoricIdentityLinkLog log : logs) {
                String nom = nom(noms, log.getUserId());
                if ("add".equals(log.getOperationType())) {
                    events.add(new Evenement(toOffset(log.getTime()), Type.TACHE, tache + " prise en charge par " + nom,
                            null, nom));
                } else if (task.getEndTime() == null || log.getTime().before(task.getEndTime())) {
                    events.add(new Evenement(toOffset(log.getTime()), Type.TACHE, tache + " libérée",
                            nom + " ne s'en occupe plus.", null));
                }
            }
            if (task.getEndTime() != null) {
                if (COMPLETED.equals(task.getDeleteReason()) && notationRetiree(task)) {
                    String nom = task.getAssignee() == null ? null : nom(noms, task.getAssignee());
                    events.add(new Evenement(toOffset(task.getEndTime()), Type.TACHE,
                            tache + " retirée" + (nom == null ? "" : " à " + nom),
                            "Sa notation n'est plus attendue (membre désactivé du comité ou déporté(e) de ce dossier) : "
                                    + "le cycle continue avec les notes des autres membres.", null));
                } else if (COMPLETED.equals(task.getDeleteReason())) {
                    String nom = task.getAssignee() == null ? null : nom(noms, task.getAssignee());
                    events.add(new Evenement(toOffset(task.getEndTime()), Type.TACHE,
                            tache + " terminée" + (nom == null ? "" : " par " + nom), null, nom));
                } else {
                    events.add(new Evenement(toOffset(task.getEndTime()), Type.TACHE, tache + " close sans être terminée",
                            "Le cycle a continué sans elle (fin du dépôt ou autre issue).", null));
                }
            }
        }
        for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(businessKey).finished().list()) {
            events.add(new Evenement(toOffset(pi.getEndTime()), Type.TACHE,
                    "Fin du cycle : " + nameOf(pi.getProcessDefinitionId(), pi.getEndActivityId()), null, null));
        }
        return events;
    }

    /**
     * Whether a comité member's scoring task was closed without a score (the member was deactivated or recused): the
     * local variable {@value CycleCommunProcess#VAR_NOTATION_RETIREE} says so.
     */
    private boolean notationRetiree(HistoricTaskInstance task) {
        return history.createHistoricVariableInstanceQuery().taskIdIn(task.getId())
                .variableName(CycleCommunProcess.VAR_NOTATION_RETIREE).list().stream()
                .anyMatch(v -> Boolean.TRUE.equals(v.getValue()));
    }

    /** Cancelled requests for an avis, dated by the end of their process instance. */
    private List<Evenement> cancelledAvis(long communId) {
        List<Evenement> events = new ArrayList<>();
        for (JooqHistorique.AvisAnnule annule : historique.avisAnnules(communId)) {
            history.createHistoricProcessInstanceQuery().processDefinitionKey(AvisReferentProcess.KEY)
                    .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                    .variableValueEquals(AvisReferentProcess.VAR_AVIS_ID, annule.avisId()).finished().list().stream()
                    .findFirst()
                    .ifPresent(pi -> events.add(new Evenement(toOffset(pi.getEndTime()), Type.AVIS,
                            "Demande d'avis à " + annule.referentNom() + " annulée", pi.getDeleteReason(),
                            cancelledBy(pi.getDeleteReason()))));
        }
        return events;
    }

    /** AvisService deletes the instance with "Demande d'avis annulée par &lt;nom&gt;". */
    private static String cancelledBy(String deleteReason) {
        String prefix = "annulée par ";
        int at = deleteReason == null ? -1 : deleteReason.indexOf(prefix);
        return at < 0 ? null : deleteReason.substring(at + prefix.length()).strip();
    }

    private String nameOf(String processDefinitionId, String activityId) {
        if (activityId == null) {
            return "cycle arrêté";
        }
        FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }

    private static void addUserId(Set<Long> ids, String camundaId) {
        if (camundaId != null) {
            try {
                ids.add(Long.parseLong(camundaId));
            } catch (NumberFormatException ignored) {
                // not one of our accounts: shown as it is
            }
        }
    }

    private static String nom(Map<Long, String> noms, String camundaId) {
        try {
            return noms.getOrDefault(Long.parseLong(camundaId), "compte n° " + camundaId);
        } catch (NumberFormatException e) {
            return camundaId;
        }
    }

    private static OffsetDateTime toOffset(Date date) {
        return OffsetDateTime.ofInstant(date.toInstant(), Dates.ZONE);
    }
}
