package fr.communs.commun;

import fr.communs.base.CommunStatut;
import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.commun.internal.JooqCommunRepository;
import fr.communs.commun.internal.JooqGroupementRepository;
import fr.communs.commune.CommuneService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
    private final org.springframework.context.ApplicationEventPublisher events;

    /** A commun changed state (published inside the transaction, for features that follow the file). */
    public record StatutChange(long communId, CommunStatut statut) {
    }

    private final JooqCommunRepository communs;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final JooqGroupementRepository groupement;
    private final CommuneService communes;

    CommunService(JooqCommunRepository communs, CampagneService campagnes, StructureService structures,
                  CurrentUser currentUser, RuntimeService runtime, HistoryService history, RepositoryService repository,
                  JooqGroupementRepository groupement, CommuneService communes,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.communs = communs;
        this.groupement = groupement;
        this.communes = communes;
        this.campagnes = campagnes;
        this.structures = structures;
        this.currentUser = currentUser;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /**
     * Deposits and publishes an idea in one step (a draft immediately published): used by the demo data and tests.
     */
    @Transactional
    public long depositIdea(long porteurStructureId, CommunData data) {
        campagnes.current().ifPresent(c -> checkComplete(c, data));
        long id = createDraft(porteurStructureId, data);
        publish(id);
        return id;
    }

    /**
     * Creates a draft for a structure the caller belongs to. Only the lengths are checked: a draft may be
     * incomplete; it is visible only to its structure until {@link #publish(long)}.
     */
    @Transactional
    public long createDraft(long porteurStructureId, CommunData data) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        if (!user.structureIds().contains(porteurStructureId)) {
            throw new NotAllowedException("Vous ne pouvez déposer un commun qu'au nom de votre structure.");
        }
        Campagne campagne = campagnes.current()
                .orElseThrow(() -> new ValidationException("Aucun appel à communs n'est ouvert actuellement."));
        CommunData clean = checkDraft(campagne, data);
        long id = communs.insertDraft(campagne.id(), porteurStructureId, clean);
        groupement.insertMembre(id, porteurStructureId, RoleGroupement.PORTEUR, user.id());
        return id;
    }

    /**
     * Saves the file of a draft or of a published idea not yet transmitted (porteur only). A draft is saved as it
     * is; a published idea must stay complete. Returns the new version.
     */
    @Transactional
    public int update(long communId, int version, CommunData data) {
        Commun commun = requireEditable(communId);
        Campagne campagne = campagnes.get(commun.campagneId());
        CommunData clean = commun.brouillon() ? checkDraft(campagne, data) : checkComplete(campagne, data);
        if (!communs.updateContent(communId, version, clean)) {
            throw new fr.communs.base.ConcurrentChangeException("Ce dossier a été modifié entre-temps (dans un autre onglet ou par une autre "
                    + "personne de votre structure). Rechargez la page pour voir la dernière version.");
        }
        return version + 1;
    }

    /** Publishes a draft: every field is checked, the cycle starts, and the idea appears in "Communs déposés". */
    @Transactional
    public void publish(long communId) {
        Commun commun = requireEditable(communId);
        if (!commun.brouillon()) {
            throw new ValidationException("Cette idée est déjà publiée.");
        }
        Campagne campagne = campagnes.get(commun.campagneId());
        checkComplete(campagne, commun.data());
        ProcessInstance pi = runtime.startProcessInstanceByKey(CycleCommunProcess.KEY,
                CycleCommunProcess.businessKey(communId),
                CycleCommunProcess.startVariables(communId, commun.porteurStructureId(),
                        Date.from(campagne.dateLimiteDepot().toInstant())));
        if (!communs.publish(communId, pi.getId())) {
            throw new ValidationException("Cette idée est déjà publiée.");
        }
    }

    /** Deletes a draft (never a published idea). */
    @Transactional
    public void deleteDraft(long communId) {
        Commun commun = requireEditable(communId);
        if (!commun.brouillon()) {
            throw new ValidationException("Une idée publiée ne peut pas être supprimée.");
        }
        communs.deleteDraft(communId);
    }

    /** The porteur says whether the commun still looks for partners (shown and filterable in the public list). */
    @Transactional
    public void setCherchePartenaires(long communId, boolean value) {
        requireEditable(communId);
        communs.setCherchePartenaires(communId, value);
    }

    /** Drafts of the caller's structures. */
    @Transactional(readOnly = true)
    public List<Commun> myDrafts() {
        Set<Long> mine = currentUser.get().map(AppUser::structureIds).map(Set::copyOf).orElse(Set.of());
        return mine.isEmpty() ? List.of() : communs.draftsOf(mine).stream().map(id -> communs.findById(id).orElseThrow()).toList();
    }

    private Commun requireEditable(long communId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        communs.lockStatut(communId).orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
        Commun commun = communs.findById(communId).filter(this::visible)
                .orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
        if (!user.structureIds().contains(commun.porteurStructureId())) {
            throw new NotAllowedException("Seul le porteur administratif peut modifier ce dossier.");
        }
        if (!commun.modifiable()) {
            throw new ValidationException("Le dossier a été transmis au Département : il ne peut plus être modifié, "
                    + "sauf si le service vous demande des compléments.");
        }
        return commun;
    }

    private CommunData checkDraft(Campagne campagne, CommunData data) {
        return check(campagne, data, false);
    }

    private CommunData checkComplete(Campagne campagne, CommunData data) {
        return check(campagne, data, true);
    }

    /** Lengths and lists always; for a published idea, the mandatory fields and the deadline too (all errors at once). */
    private CommunData check(Campagne campagne, CommunData data, boolean complete) {
        Checks checks = Checks.start();
        if (complete) {
            checks.check(campagne.depotOuvert(OffsetDateTime.now()), campagne.depotClos("le dépôt est clos"))
                    .required(data.titre(), "Titre", 200)
                    .required(data.resume(), "Résumé", 2000)
                    .required(data.besoin(), "Besoin du territoire (diagnostic)", 4000);
        } else {
            checks.optional(data.titre(), "Titre", 200)
                    .optional(data.resume(), "Résumé", 2000)
                    .optional(data.besoin(), "Besoin du territoire (diagnostic)", 4000);
        }
        checks.optional(data.interetGeneral(), "Caractère d'intérêt général", 4000)
                .optional(data.gouvernance(), "Gouvernance", 4000)
                .optional(data.productions(), "Productions attendues", 4000)
                .check(!complete || !data.defiIds().isEmpty(), "Choisissez au moins un défi de l'appel.")
                .check(defisOf(campagne).containsAll(data.defiIds()), "Un des défis choisis n'appartient pas à cet appel.")
                .check(data.communes().size() <= 100, "Choisissez au plus 100 communes.")
                .check(data.communes().stream().allMatch(c -> c != null && communes.find(c).isPresent()),
                        "Une des communes choisies n'existe pas dans la liste officielle.")
                .orThrow();
        return new CommunData(clean(data.titre()), Checks.clean(data.resume()), Checks.clean(data.besoin()),
                Checks.clean(data.interetGeneral()), Checks.clean(data.gouvernance()), data.defiIds(), data.enjeux(),
                data.echelle(), data.zoneRurale(), data.zoneQpv(), data.communes(), Checks.clean(data.productions()));
    }

    private static Set<Long> defisOf(Campagne campagne) {
        return campagne.defis().stream().map(Defi::id).collect(Collectors.toSet());
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    @Transactional(readOnly = true)
    public Optional<Commun> find(long communId) {
        return communs.findById(communId).filter(this::visible);
    }

    /** The commun, or a French "not found" error (also for a draft the caller may not see). */
    @Transactional(readOnly = true)
    public Commun get(long communId) {
        return find(communId).orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
    }

    /** A draft is visible only to the members of its structure; a published commun to everyone. */
    private boolean visible(Commun commun) {
        return !commun.brouillon() || currentUser.get()
                .map(u -> u.structureIds().contains(commun.porteurStructureId())).orElse(false);
    }

    /** The groupement: porteur first, then the others in order of joining. */
    @Transactional(readOnly = true)
    public List<MembreGroupement> membres(long communId) {
        get(communId);
        List<JooqGroupementRepository.Row> rows = groupement.membres(communId);
        Map<Long, Structure> byId = structures.findAll(rows.stream().map(JooqGroupementRepository.Row::structureId).toList())
                .stream().collect(Collectors.toMap(Structure::id, Function.identity()));
        return rows.stream().map(r -> new MembreGroupement(byId.get(r.structureId()), r.role(), r.confirmeLe(), r.porteurPropose()))
                .sorted(Comparator.comparing((MembreGroupement m) -> m.role() == RoleGroupement.PORTEUR ? 0 : 1))
                .toList();
    }

    /** Whether the logged-in person belongs to a structure of the commun's groupement (any role). */
    @Transactional(readOnly = true)
    public boolean callerIsMember(long communId) {
        Set<Long> mine = currentUser.get().map(u -> Set.copyOf(u.structureIds())).orElse(Set.of());
        return !mine.isEmpty() && membres(communId).stream().anyMatch(m -> mine.contains(m.structure().id()));
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
        events.publishEvent(new StatutChange(communId, statut));
    }

    /**
     * Updates the texts of the file during the compléments loop (the caller has checked the task and which parts
     * were unlocked): a null text is left as it is, a given one is required.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void completeTexts(long communId, String resume, String besoin, String interetGeneral, String gouvernance,
                              String productions) {
        Checks checks = Checks.start();
        if (resume != null) {
            checks.required(resume, "Résumé", 2000);      // as when the idea was deposited
        }
        if (besoin != null) {
            checks.required(besoin, "Besoin du territoire (diagnostic)", 4000);
        }
        if (interetGeneral != null) {
            checks.required(interetGeneral, "Caractère d'intérêt général", 4000);
        }
        if (gouvernance != null) {
            checks.required(gouvernance, "Gouvernance", 4000);
        }
        if (productions != null) {
            checks.required(productions, "Productions attendues et leur appropriation", 4000);
        }
        checks.orThrow();
        communs.updateTexts(communId, strip(resume), strip(besoin), strip(interetGeneral), strip(gouvernance), strip(productions));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Locks the commun's row for the caller's transaction and returns its state ("n'existe pas" otherwise). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public CommunStatut lock(long communId) {
        return communs.lockStatut(communId).orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
    }

    /**
     * The steps of the cycle for this commun, from the process definition (names) and the engine's history
     * (dates): passed steps with their date, the current one, those to come, or how the file ended. A file whose
     * deposit was reopened has several instances: the latest says where it stands, the earlier ones what it passed.
     */
    @Transactional(readOnly = true)
    public List<Etape> progress(long communId) {
        List<HistoricProcessInstance> cycles = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .orderByProcessInstanceStartTime().asc().list();
        if (cycles.isEmpty()) {
            return List.of();
        }
        HistoricProcessInstance hpi = cycles.get(cycles.size() - 1);
        BpmnModelInstance model = repository.getBpmnModelInstance(hpi.getProcessDefinitionId());
        Map<String, List<HistoricActivityInstance>> byActivity = cycles.stream()
                .flatMap(c -> history.createHistoricActivityInstanceQuery().processInstanceId(c.getId()).list().stream())
                .collect(Collectors.groupingBy(a -> CycleCommunProcess.ANCIENNES_ETAPES.getOrDefault(
                        a.getActivityId(), a.getActivityId())));
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
        if (element == null) {
            String ancien = CycleCommunProcess.ANCIENNES_ETAPES.entrySet().stream().filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            element = ancien == null ? null : model.getModelElementById(ancien);
        }
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
