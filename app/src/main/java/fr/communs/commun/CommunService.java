package fr.communs.commun;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.commun.internal.JooqCommunRepository;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Depositing a commun, the public list and page of communs, and where each file stands in the cycle. */
@Service
public class CommunService {
    static final DateTimeFormatter DATE_FR = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private final JooqCommunRepository communs;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    CommunService(JooqCommunRepository communs, CampagneService campagnes, StructureService structures,
                  CurrentUser currentUser, RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.communs = communs;
        this.campagnes = campagnes;
        this.structures = structures;
        this.currentUser = currentUser;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /**
     * Deposits an idea of commun for a structure the caller belongs to, and starts its cycle (business key
     * {@code commun-<id>}) in the same transaction.
     */
    @Transactional
    public long depositIdea(long porteurStructureId, CommunData data) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        if (!user.structureIds().contains(porteurStructureId)) {
            throw new NotAllowedException("Vous ne pouvez déposer un commun qu'au nom de votre structure.");
        }
        Campagne campagne = campagnes.current()
                .orElseThrow(() -> new ValidationException("Aucun appel à communs n'est ouvert actuellement."));
        Set<Long> defisCampagne = campagne.defis().stream().map(Defi::id).collect(Collectors.toSet());
        Set<Long> defiIds = data.defiIds() == null ? Set.of() : data.defiIds();
        Checks.start()
                .check(campagne.depotOuvert(OffsetDateTime.now()), "La date limite de dépôt ("
                        + campagne.dateLimiteDepot().atZoneSameInstant(fr.communs.base.Dates.ZONE).format(DATE_FR)
                        + ") est passée : le dépôt est clos.")
                .required(data.titre(), "Titre", 200)
                .required(data.resume(), "Résumé", 2000)
                .required(data.besoin(), "Besoin du territoire (diagnostic)", 4000)
                .optional(data.interetGeneral(), "Intérêt général", 4000)
                .optional(data.gouvernance(), "Gouvernance", 4000)
                .check(!defiIds.isEmpty(), "Choisissez au moins un défi de l'appel.")
                .check(defisCampagne.containsAll(defiIds), "Un des défis choisis n'appartient pas à cet appel.")
                .orThrow();
        CommunData clean = new CommunData(data.titre().strip(), data.resume().strip(), data.besoin().strip(),
                Checks.clean(data.interetGeneral()), Checks.clean(data.gouvernance()), defiIds);
        long id = communs.insert(campagne.id(), porteurStructureId, clean);
        ProcessInstance pi = runtime.startProcessInstanceByKey(CycleCommunProcess.KEY,
                CycleCommunProcess.businessKey(id),
                CycleCommunProcess.startVariables(id, porteurStructureId, Date.from(campagne.dateLimiteDepot().toInstant())));
        communs.setProcessInstance(id, pi.getId());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Commun> find(long communId) {
        return communs.findById(communId);
    }

    /** The commun, or a French "not found" error. */
    @Transactional(readOnly = true)
    public Commun get(long communId) {
        return find(communId).orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
    }

    @Transactional(readOnly = true)
    public List<CommunSummary> search(CommunFilter filter, int offset, int limit) {
        return communs.search(bounded(filter), Math.max(0, offset), Math.min(Math.max(1, limit), 200));
    }

    @Transactional(readOnly = true)
    public int count(CommunFilter filter) {
        return communs.count(bounded(filter));
    }

    private static CommunFilter bounded(CommunFilter f) {
        return f.texte() != null && f.texte().length() > 100 ? new CommunFilter(f.texte().substring(0, 100), f.statut()) : f;
    }

    /** The groupement: porteur first, then the others in order of joining. */
    @Transactional(readOnly = true)
    public List<MembreGroupement> membres(long communId) {
        Map<Long, RoleGroupement> roles = communs.membres(communId);
        Map<Long, Structure> byId = structures.findAll(roles.keySet()).stream()
                .collect(Collectors.toMap(Structure::id, Function.identity()));
        return roles.entrySet().stream().map(e -> new MembreGroupement(byId.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((MembreGroupement m) -> m.role().ordinal()))
                .toList();
    }

    /** Whether the caller belongs to the commun's porteur structure. */
    @Transactional(readOnly = true)
    public boolean callerIsPorteur(long communId) {
        return currentUser.get().flatMap(u -> find(communId).map(c -> u.structureIds().contains(c.porteurStructureId())))
                .orElse(false);
    }

    /** Sets the list state of a commun; called by the services of later steps inside their transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void changeStatut(long communId, CommunStatut statut) {
        communs.updateStatut(communId, statut);
    }

    /** Updates the texts of the file during the compléments loop (the caller has checked the task). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void completeTexts(long communId, String besoin, String interetGeneral, String gouvernance) {
        Checks.start()
                .required(besoin, "Besoin du territoire (diagnostic)", 4000)
                .optional(interetGeneral, "Intérêt général", 4000)
                .optional(gouvernance, "Gouvernance", 4000)
                .orThrow();
        communs.updateTexts(communId, besoin.strip(), Checks.clean(interetGeneral), Checks.clean(gouvernance));
    }

    /**
     * The steps of the cycle for this commun, from the process definition (names) and the engine's history
     * (dates): passed steps with their date, the current one, those to come, or how the file ended.
     */
    @Transactional(readOnly = true)
    public List<Etape> progress(long communId) {
        HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId)).singleResult();
        if (hpi == null) {
            return List.of();
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(hpi.getProcessDefinitionId());
        Map<String, List<HistoricActivityInstance>> byActivity = history.createHistoricActivityInstanceQuery()
                .processInstanceId(hpi.getId()).list().stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId));
        List<String> steps = new ArrayList<>(CycleCommunProcess.MILESTONES);
        if (byActivity.containsKey(CycleCommunProcess.TASK_COMPLETER_DOSSIER)) {
            steps.add(steps.indexOf(CycleCommunProcess.TASK_INSTRUIRE) + 1, CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        }
        String endId = hpi.getEndTime() == null ? null : hpi.getEndActivityId();
        boolean endedElsewhere = endId != null && !steps.contains(endId);
        List<Etape> etapes = new ArrayList<>();
        for (String id : steps) {
            List<HistoricActivityInstance> instances = byActivity.getOrDefault(id, List.of());
            String name = nameOf(model, id);
            if (instances.stream().anyMatch(a -> a.getEndTime() == null)) {
                etapes.add(new Etape(id, name, Etape.Etat.EN_COURS, latest(instances, HistoricActivityInstance::getStartTime)));
            } else if (!instances.isEmpty()) {
                etapes.add(new Etape(id, name, id.equals(endId) ? Etape.Etat.FIN : Etape.Etat.PASSEE,
                        latest(instances, HistoricActivityInstance::getEndTime)));
            } else if (!endedElsewhere) {
                etapes.add(new Etape(id, name, Etape.Etat.A_VENIR, null));
            }
        }
        if (endedElsewhere) {
            etapes.add(new Etape(endId, nameOf(model, endId), Etape.Etat.FIN, toLocal(hpi.getEndTime())));
        }
        return etapes;
    }

    private static String nameOf(BpmnModelInstance model, String id) {
        FlowElement element = model.getModelElementById(id);
        return element == null || element.getName() == null ? id : element.getName();
    }

    private static LocalDateTime latest(List<HistoricActivityInstance> instances,
                                        Function<HistoricActivityInstance, Date> date) {
        return instances.stream().map(date).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(CommunService::toLocal).orElse(null);
    }

    private static LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), fr.communs.base.Dates.ZONE);
    }
}
