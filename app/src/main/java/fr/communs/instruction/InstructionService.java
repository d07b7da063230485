package fr.communs.instruction;

import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.DossierVersionService;
import fr.communs.instruction.internal.JooqInstructionRepository;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskNotAvailableException;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instruction by the service Innovation sociale et solidaire: who instructs each file, the working appreciation of
 * the four criteria, private annotations, the decision (recevable, compléments, non recevable) and the compléments
 * loop.
 */
@Service
public class InstructionService {
    /** How far ahead the instructeur may set the due date of compléments. */
    public static final int COMPLEMENTS_MAX_JOURS = 60;
    /** Default due date of compléments. */
    public static final int COMPLEMENTS_JOURS_PAR_DEFAUT = 15;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<CommunStatut> TRANSMIS = Set.of(CommunStatut.EN_INSTRUCTION,
            CommunStatut.COMPLEMENTS_DEMANDES, CommunStatut.NON_RECEVABLE, CommunStatut.AU_COMITE,
            CommunStatut.A_L_ASSEMBLEE, CommunStatut.REJETE, CommunStatut.LAUREAT, CommunStatut.LIVRABLE_DEPOSE);

    private final JooqInstructionRepository instructions;
    private final CommunService communs;
    private final DossierVersionService versions;
    private final TaskService tasks;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final fr.communs.security.DossierAccess access;

    InstructionService(JooqInstructionRepository instructions, CommunService communs, DossierVersionService versions,
                       TaskService tasks, NotificationService notifications, CurrentUser currentUser,
                       fr.communs.security.DossierAccess access) {
        this.access = access;
        this.instructions = instructions;
        this.communs = communs;
        this.versions = versions;
        this.tasks = tasks;
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    // ------------------------------------------------------------------ who instructs

    /** Active agents, to assign a file to. */
    @Transactional(readOnly = true)
    public List<Agent> agents() {
        currentUser.requireRole(Roles.AGENT, Roles.ADMIN);
        return instructions.agents();
    }

    @Transactional(readOnly = true)
    public SuiviDossier suivi(long communId) {
        requireAgent();
        requirePublished(communId);
        return instructions.suivi(communId);
    }

    /** "Je m'en occupe": the current agent becomes the instructeur of a file nobody instructs yet. */
    @Transactional
    public void take(long communId) {
        AppUser agent = requireAgent();
        requireTransmitted(communs.lock(communId));
        SuiviDossier suivi = instructions.suivi(communId);
        if (suivi.instructeurId() != null && suivi.instructeurId() != agent.id()) {
            throw new ValidationException("Ce dossier est déjà instruit par " + suivi.instructeurNom()
                    + ". Pour le reprendre, utilisez « Attribuer à… ».");
        }
        String assignee = tasks.openTask(communId, CycleCommunProcess.TASK_INSTRUIRE)
                .map(TaskService.OpenTaskRef::assignee).orElse(null);
        if (assignee != null && !assignee.equals(agent.camundaId())) {
            throw new ValidationException("La tâche « Instruire le dossier » a déjà été prise par un autre agent. "
                    + "Pour la reprendre, utilisez « Attribuer à… ».");
        }
        if (suivi.instructeurId() == null || assignee == null) {
            setInstructeur(communId, agent.id(), agent);
        }
    }

    /** Gives these files to an agent (bulk action or "Attribuer à…"); the agent is told, unless it is oneself. */
    @Transactional
    public void assign(Collection<Long> communIds, long agentId) {
        AppUser agent = requireAgent();
        Checks.start().check(communIds != null && !communIds.isEmpty(), "Sélectionnez au moins un dossier.")
                .check(communIds == null || communIds.size() <= 200, "Sélectionnez au plus 200 dossiers à la fois.")
                .orThrow();
        Agent instructeur = instructions.agent(agentId)
                .orElseThrow(() -> new ValidationException("Cette personne n'est pas un agent actif du Département."));
        Set<Long> ids = new LinkedHashSet<>(communIds);
        if (!instructions.existing(ids).containsAll(ids)) {
            throw new ValidationException("Un des dossiers sélectionnés n'existe pas : rien n'a été attribué.");
        }
        for (long communId : ids.stream().sorted().toList()) {     // always the same lock order
            CommunStatut statut = communs.lock(communId);
            requireTransmitted(statut);
            if (statut.termine()) {
                throw new ValidationException("« " + communs.get(communId).titre() + " » est clos (" + statut.libelle().toLowerCase()
                        + ") : il ne s'attribue plus. Retirez-le de la sélection.");
            }
            SuiviDossier suivi = instructions.suivi(communId);
            String assignee = tasks.openTask(communId, CycleCommunProcess.TASK_INSTRUIRE)
                    .map(TaskService.OpenTaskRef::assignee).orElse(String.valueOf(agentId));
            if (suivi.instructeurId() == null || suivi.instructeurId() != agentId || !assignee.equals(String.valueOf(agentId))) {
                setInstructeur(communId, agentId, agent);
            }
        }
        if (agentId != agent.id()) {
            String texte = ids.size() == 1
                    ? agent.nomComplet() + " vous a attribué le dossier « " + communs.get(ids.iterator().next()).titre() + " »."
                    : agent.nomComplet() + " vous a attribué " + ids.size() + " dossiers.";
            notifications.notifyUsers(List.of(instructeur.id()), NotificationType.DOSSIER_ATTRIBUE,
                    ids.size() == 1 ? "Dossier attribué" : ids.size() + " dossiers attribués", texte,
                    ids.size() == 1 ? "dossiers/" + ids.iterator().next() : "dossiers?instructeur=moi");
        }
    }

    /** The instructeur gives the file back: nobody instructs it any more. */
    @Transactional
    public void release(long communId) {
        AppUser agent = requireAgent();
        communs.lock(communId);
        SuiviDossier suivi = instructions.suivi(communId);
        if (suivi.instructeurId() == null || suivi.instructeurId() != agent.id()) {
            throw new ValidationException("Vous n'instruisez pas ce dossier.");
        }
        instructions.assign(communId, null, agent.id());
        tasks.assignCycleTask(communId, CycleCommunProcess.TASK_INSTRUIRE, null, CycleCommunProcess.VAR_INSTRUCTEUR);
    }

    /** A task taken or released from "Mes tâches": the instructeur of the file follows. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onTaskTaken(TaskService.TaskTaken event) {
        if (!CycleCommunProcess.TASK_INSTRUIRE.equals(event.taskDefinitionKey())) {
            return;
        }
        AppUser user = currentUser.require();
        communs.lock(event.communId());
        SuiviDossier suivi = instructions.suivi(event.communId());
        if (event.userId() != null && suivi.instructeurId() != null && !suivi.instructeurId().equals(event.userId())) {
            throw new TaskNotAvailableException("Ce dossier est instruit par " + suivi.instructeurNom()
                    + " : demandez-lui de vous l'attribuer.");
        }
        instructions.assign(event.communId(), event.userId(), user.id());
        tasks.assignCycleTask(event.communId(), CycleCommunProcess.TASK_INSTRUIRE,
                event.userId() == null ? null : String.valueOf(event.userId()), CycleCommunProcess.VAR_INSTRUCTEUR);
    }

    private void setInstructeur(long communId, long agentId, AppUser by) {
        instructions.assign(communId, agentId, by.id());
        tasks.assignCycleTask(communId, CycleCommunProcess.TASK_INSTRUIRE, String.valueOf(agentId),
                CycleCommunProcess.VAR_INSTRUCTEUR);
    }

    // ------------------------------------------------------------------ appreciations and annotations

    /** The working appreciation of each criterion (empty ones included), in the appel's order. */
    @Transactional(readOnly = true)
    public List<AppreciationCritere> appreciations(long communId) {
        requireAgent();
        requirePublished(communId);
        return instructions.appreciations(communId);
    }

    /** The instructeur saves the appreciations without deciding yet. */
    @Transactional
    public void saveAppreciations(long communId, List<AppreciationCritere> criteres) {
        AppUser agent = requireAgent();
        CommunStatut statut = communs.lock(communId);
        if (statut != CommunStatut.EN_INSTRUCTION) {
            throw new ValidationException("Ce dossier n'est pas en instruction : ses appréciations ne changent plus.");
        }
        requireInstructeur(communId, agent);
        Map<Critere, AppreciationCritere> byCritere = checkCriteres(criteres, false);
        byCritere.values().forEach(a -> instructions.saveAppreciation(communId, a, agent.id()));
    }

    @Transactional(readOnly = true)
    public List<Annotation> annotations(long communId) {
        requireAgent();
        requirePublished(communId);
        return instructions.annotations(communId);
    }

    /** A private note on the file: agents only, never shown to structures. */
    @Transactional
    public long annotate(long communId, String texte) {
        AppUser agent = requireAgent();
        Checks.start().required(texte, "Note interne", 4000).orThrow();
        if (communs.lock(communId) == CommunStatut.BROUILLON) {
            throw new ValidationException("Ce commun n'existe pas.");
        }
        return instructions.insertAnnotation(communId, texte.strip(), agent.id());
    }

    // ------------------------------------------------------------------ decision

    /**
     * Records the instructeur's decision and moves the file on, in one transaction. The task must have been taken
     * by the caller; of two agents deciding at once, the second one is told the file was just decided.
     */
    @Transactional
    public void decide(String taskId, InstructionDecision d) {
        AppUser agent = requireAgent();
        Map<Critere, AppreciationCritere> criteres = validate(d);
        long communId = tasks.communOfTask(taskId).orElseThrow(() -> new TaskNotAvailableException(
                "Ce dossier vient d'être traité par une autre personne : votre décision n'a pas été enregistrée."));
        communs.lock(communId);          // serialises two decisions on the same file
        tasks.requireAssigned(taskId, CycleCommunProcess.TASK_INSTRUIRE,
                "Prenez d'abord ce dossier (« Je m'en occupe ») : seul l'agent qui l'instruit peut décider.");
        Set<PartieDossier> parties = d.decision() == DecisionInstruction.COMPLEMENTS ? Set.copyOf(d.parties()) : Set.of();
        LocalDate dateLimite = d.decision() == DecisionInstruction.COMPLEMENTS ? d.dateLimiteComplements() : null;
        String motif = Checks.clean(d.motif());
        instructions.insert(communId, d.decision(), criteres, motif, parties, dateLimite, agent.id());
        criteres.values().forEach(a -> instructions.saveAppreciation(communId, a, agent.id()));
        communs.changeStatut(communId, switch (d.decision()) {
            case RECEVABLE -> CommunStatut.AU_COMITE;
            case COMPLEMENTS -> CommunStatut.COMPLEMENTS_DEMANDES;
            case NON_RECEVABLE -> CommunStatut.NON_RECEVABLE;
        });
        notifyDecision(communId, d.decision(), motif, parties, dateLimite);
        tasks.complete(taskId, d.decision() == DecisionInstruction.COMPLEMENTS
                ? complementsVariables(dateLimite) : CycleCommunProcess.decision(d.decision()));
    }

    /** Checks a decision's input without recording anything (the screen asks for confirmation only then). */
    public void checkDecision(InstructionDecision d) {
        requireAgent();
        validate(d);
    }

    private Map<Critere, AppreciationCritere> validate(InstructionDecision d) {
        Checks checks = Checks.start().notNull(d.decision(), "Décision");
        if (d.decision() == DecisionInstruction.COMPLEMENTS) {
            checks.required(d.motif(), "Message au groupement (ce qui manque)", 4000)
                    .check(d.parties() != null && !d.parties().isEmpty(),
                            "Cochez au moins une partie du dossier à compléter.")
                    .notNull(d.dateLimiteComplements(), "Date limite des compléments");
            LocalDate today = Dates.today();
            if (d.dateLimiteComplements() != null) {
                checks.check(d.dateLimiteComplements().isAfter(today),
                                "La date limite des compléments doit être postérieure à aujourd'hui.")
                        .check(!d.dateLimiteComplements().isAfter(today.plusDays(COMPLEMENTS_MAX_JOURS)),
                                "La date limite des compléments ne peut pas dépasser " + COMPLEMENTS_MAX_JOURS + " jours.");
            }
        } else if (d.decision() == DecisionInstruction.NON_RECEVABLE) {
            checks.required(d.motif(), "Motif de non-recevabilité", 4000);
        } else {
            checks.optional(d.motif(), "Message au groupement", 4000);
        }
        return checkCriteres(d.criteres(), true, checks);    // every error at once
    }

    private static Map<Critere, AppreciationCritere> checkCriteres(List<AppreciationCritere> criteres, boolean complete) {
        return checkCriteres(criteres, complete, Checks.start());
    }

    private static Map<Critere, AppreciationCritere> checkCriteres(List<AppreciationCritere> criteres, boolean complete,
                                                                   Checks checks) {
        Map<Critere, AppreciationCritere> byCritere = new EnumMap<>(Critere.class);
        if (criteres != null) {
            for (AppreciationCritere a : criteres) {
                if (a != null && a.critere() != null) {
                    byCritere.put(a.critere(), new AppreciationCritere(a.critere(), a.appreciation(), Checks.clean(a.commentaire())));
                }
            }
        }
        for (Critere c : Critere.values()) {
            AppreciationCritere a = byCritere.get(c);
            if (complete) {
                checks.check(a != null && a.appreciation() != null, "Appréciez le critère « " + c.libelle() + " ».");
            }
            checks.optional(a == null ? null : a.commentaire(), "Commentaire « " + c.libelle() + " »", 2000);
            byCritere.putIfAbsent(c, new AppreciationCritere(c, null, null));
        }
        checks.orThrow();
        return byCritere;
    }

    private void notifyDecision(long communId, DecisionInstruction decision, String motif, Set<PartieDossier> parties,
                                LocalDate dateLimite) {
        Commun commun = communs.get(communId);
        List<Long> structures = communs.membres(communId).stream().map(m -> m.structure().id()).toList();
        String lien = "communs/" + communId;
        switch (decision) {
            case RECEVABLE -> notifications.notifyStructures(structures, NotificationType.DECISION_INSTRUCTION,
                    "Dossier recevable : « " + commun.titre() + " »",
                    "Le service Innovation sociale et solidaire a jugé votre dossier recevable : il est soumis au Comité"
                            + " d'accompagnement des communs." + (motif == null ? "" : "\n\n" + motif), lien);
            case NON_RECEVABLE -> notifications.notifyStructures(structures, NotificationType.DECISION_INSTRUCTION,
                    "Dossier non recevable : « " + commun.titre() + " »",
                    "Le service Innovation sociale et solidaire a jugé votre dossier non recevable.\n\nMotif : " + motif, lien);
            case COMPLEMENTS -> notifications.notifyStructures(structures, NotificationType.COMPLEMENTS_DEMANDES,
                    "Compléments demandés : « " + commun.titre() + " »",
                    "Le service demande des compléments avant le " + JOUR.format(dateLimite) + " sur : "
                            + String.join(", ", parties.stream().sorted().map(PartieDossier::libelle).toList())
                            + ".\n\n" + motif + "\n\nLe porteur administratif complète le dossier depuis « Mes tâches ».",
                    "taches");
        }
    }

    /** Due at 23:59 on the chosen day; the reminder is computed from 9:00 that day, so it never comes at night. */
    private static Map<String, Object> complementsVariables(LocalDate dateLimite) {
        Date now = ClockUtil.getCurrentTime();
        Map<String, Object> variables = new java.util.HashMap<>(CycleCommunProcess.complements(now, at(dateLimite, 23, 59)));
        variables.put(CycleCommunProcess.VAR_DATE_RAPPEL_COMPLEMENTS,
                CycleCommunProcess.complementsReminderDate(now, at(dateLimite, 9, 0)));
        return variables;
    }

    private static Date at(LocalDate date, int hour, int minute) {
        return Date.from(date.atTime(LocalTime.of(hour, minute)).atZone(Dates.ZONE).toInstant());
    }

    // ------------------------------------------------------------------ compléments

    /** The request for compléments the groupement must answer now, if any (agents and the groupement's members). */
    @Transactional(readOnly = true)
    public Optional<DemandeComplements> demandeEnCours(long communId) {
        requireAgentOrMember(communId);
        if (communs.get(communId).statut() != CommunStatut.COMPLEMENTS_DEMANDES) {
            return Optional.empty();
        }
        return instructions.findByCommun(communId).stream().findFirst()
                .filter(i -> i.decision() == DecisionInstruction.COMPLEMENTS)
                .map(i -> new DemandeComplements(i.id(), i.motif(), i.parties(), i.dateLimiteComplements(), i.agentNom(), i.date()));
    }

    /**
     * The porteur answers a request for compléments: only the unlocked parts change; a new version of the file is
     * frozen and the file goes back to the same instructeur.
     */
    @Transactional
    public void completeFile(String taskId, ComplementData data) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Checks.start().required(data.reponse(), "Votre réponse à l'instructeur", 4000).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        if (communs.lock(communId) != CommunStatut.COMPLEMENTS_DEMANDES) {
            throw new TaskNotAvailableException();
        }
        var demande = instructions.findByCommun(communId).stream().findFirst()
                .filter(i -> i.decision() == DecisionInstruction.COMPLEMENTS)
                .orElseThrow(TaskNotAvailableException::new);
        Map<PartieDossier, String> textes = data.textes() == null ? Map.of() : data.textes();
        for (PartieDossier partie : textes.keySet()) {
            if (!demande.parties().contains(partie) || !partie.texte()) {
                throw new ValidationException("La partie « " + partie.libelle() + " » n'a pas été rouverte par "
                        + "l'instructeur : elle ne peut pas être modifiée.");
            }
        }
        Checks checks = Checks.start();
        for (PartieDossier partie : demande.parties()) {
            if (partie.texte()) {
                checks.required(textes.get(partie), partie.libelle(), partie == PartieDossier.RESUME ? 2000 : 4000);   // as at deposit
            }
        }
        if (demande.parties().contains(PartieDossier.PIECES)) {
            checks.check(instructions.piecesDeposeesDepuis(communId, demande.date()) > 0,
                    "Déposez au moins une des pièces jointes demandées avant de renvoyer le dossier.");
        }
        if (demande.parties().contains(PartieDossier.BUDGET)) {
            checks.check(instructions.budgetModifieDepuis(communId, demande.date()),
                    "Enregistrez le montant demandé et le budget prévisionnel corrigés avant de renvoyer le dossier.");
        }
        checks.orThrow();
        communs.completeTexts(communId, textes.get(PartieDossier.RESUME), textes.get(PartieDossier.BESOIN),
                textes.get(PartieDossier.INTERET_GENERAL), textes.get(PartieDossier.GOUVERNANCE),
                textes.get(PartieDossier.PRODUCTIONS));
        versions.freeze(communId, DossierVersion.Motif.COMPLEMENTS);
        instructions.insertComplement(communId, demande.id(), data.reponse().strip(), user.id());
        communs.changeStatut(communId, CommunStatut.EN_INSTRUCTION);
        String titre = "Compléments reçus : « " + communs.get(communId).titre() + " »";
        String texte = "Le groupement a complété son dossier : le dossier revient en instruction.\n\n" + data.reponse().strip();
        notifications.notifyFileAgents(communId, NotificationType.COMPLEMENTS_RECUS, titre, texte, "dossiers/" + communId);
        tasks.complete(taskId, Map.of());
    }

    /** Reminder from the process: the porteur's structure is told the compléments are still expected. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remindComplements(long communId, Date dateLimite) {
        Commun commun = communs.find(communId).orElse(null);
        if (commun == null || commun.statut() != CommunStatut.COMPLEMENTS_DEMANDES) {
            return;
        }
        LocalDate jour = dateLimite == null ? null : dateLimite.toInstant().atZone(Dates.ZONE).toLocalDate();
        notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.RAPPEL_COMPLEMENTS,
                "Rappel : compléments attendus sur « " + commun.titre() + " »",
                "Le service Innovation sociale et solidaire attend les compléments de votre dossier"
                        + (jour == null ? "." : " avant le " + JOUR.format(jour) + ".")
                        + " Le porteur administratif les envoie depuis « Mes tâches ».", "taches");
    }

    // ------------------------------------------------------------------ reading

    /** Longest summary for the comité. */
    public static final int SYNTHESE_MAX = 4000;

    /**
     * What the comité reads of the instruction of a recevable file: the appreciations of the decision and the summary
     * written for it. Agents of the service, and comité members who read the file (on one of their séances, not
     * recused); empty before the decision « recevable ».
     */
    @Transactional(readOnly = true)
    public Optional<SyntheseComite> syntheseComite(long communId) {
        AppUser user = currentUser.require();
        if (!fr.communs.security.DossierAccess.isServiceAgent(user) && !Roles.COMITE.equals(user.role())) {
            throw new NotAllowedException("La synthèse de l'instruction est écrite pour le comité : elle est réservée "
                    + "aux agents du service et aux membres du comité.");
        }
        access.requireReadFile(communId);
        return instructions.syntheseComite(communId);
    }

    /** An agent of the service writes (or rewrites) the summary for the comité of a file declared recevable. */
    @Transactional
    public void saveSyntheseComite(long communId, String synthese) {
        AppUser agent = requireAgent();
        if (!fr.communs.security.DossierAccess.isServiceAgent(agent)) {
            throw new NotAllowedException(fr.communs.security.DossierAccess.RESERVE_AU_SERVICE);
        }
        fr.communs.base.Checks.start().optional(synthese, "Synthèse pour le comité", SYNTHESE_MAX).orThrow();
        communs.lock(communId);
        if (!instructions.saveSyntheseComite(communId, fr.communs.base.Checks.clean(synthese))) {
            throw new ValidationException("Ce dossier n'a pas été déclaré recevable : la synthèse pour le comité "
                    + "s'écrit après la décision.");
        }
    }

    /** Decisions on a commun, the latest first (agents only: they carry the criteria's comments). */
    @Transactional(readOnly = true)
    public List<Instruction> decisions(long communId) {
        requireAgent();
        requirePublished(communId);
        return instructions.findByCommun(communId);
    }

    /** The groupement's latest answer to a request for compléments (agents only). */
    @Transactional(readOnly = true)
    public Optional<String> lastComplement(long communId) {
        requireAgent();
        requirePublished(communId);
        return instructions.complements(communId).stream().findFirst();
    }

    // ------------------------------------------------------------------ checks

    private AppUser requireAgent() {
        return currentUser.requireRole(Roles.AGENT);
    }

    /** Drafts are visible to their structure only: for agents they do not exist. */
    private void requirePublished(long communId) {
        communs.get(communId);
    }

    private void requireInstructeur(long communId, AppUser agent) {
        SuiviDossier suivi = instructions.suivi(communId);
        if (suivi.instructeurId() == null || suivi.instructeurId() != agent.id()) {
            throw new NotAllowedException(suivi.instructeurId() == null
                    ? "Prenez d'abord ce dossier (« Je m'en occupe ») pour l'instruire."
                    : "Ce dossier est instruit par " + suivi.instructeurNom() + ".");
        }
    }

    private static void requireTransmitted(CommunStatut statut) {
        if (!TRANSMIS.contains(statut)) {
            throw new ValidationException("Ce dossier n'a pas été transmis au Département : il n'a pas d'instructeur.");
        }
    }

    private void requireAgentOrMember(long communId) {
        if (currentUser.hasRole(Roles.AGENT)) {
            return;
        }
        if (!communs.callerIsMember(communId)) {
            throw new NotAllowedException("Seuls les agents et les membres du groupement voient la demande de compléments.");
        }
    }
}
