package fr.communs.comite.seance;

import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.comite.seance.internal.JooqSeanceRepository;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.SeanceComiteProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's séances: an agent creates one with its agenda (files declared recevable and not yet on a séance, one
 * audition slot each), changes its date or slots, moves a file to a later séance (ajourné), records attendance, opens
 * it (the audition of each file with quorum opens: one scoring task per present, non-recused member) and closes it
 * (every file heard has its avis or was ajourné). Each action is one transaction with the séance's process and the
 * files' cycles (messages correlated by business key) and publishes a {@link SeanceEvents} event for the
 * convocations.
 */
@Service
public class SeanceService {
    public static final int DUREE_MIN = 5;
    public static final int DUREE_MAX = 240;
    public static final int LIEU_MAX = 300;
    public static final int LIEN_MAX = 500;
    public static final int MOTIF_MAX = 2000;
    public static final int PAGE_MAX = 100;

    private final JooqSeanceRepository seances;
    private final CommunService communs;
    private final BudgetService budgets;
    private final CurrentUser currentUser;
    private final DossierAccess access;
    private final RuntimeService runtime;
    private final TaskService engineTasks;
    private final org.camunda.bpm.engine.ProcessEngine processEngine;
    private final ApplicationEventPublisher events;

    SeanceService(JooqSeanceRepository seances, CommunService communs, BudgetService budgets, CurrentUser currentUser,
                  DossierAccess access, RuntimeService runtime, TaskService engineTasks, org.camunda.bpm.engine.ProcessEngine processEngine,
                  ApplicationEventPublisher events) {
        this.seances = seances;
        this.communs = communs;
        this.budgets = budgets;
        this.currentUser = currentUser;
        this.access = access;
        this.runtime = runtime;
        this.engineTasks = engineTasks;
        this.processEngine = processEngine;
        this.events = events;
    }

    // ------------------------------------------------------------------ reading

    /** Séances, the latest first (agents: all; comité members: those they are convoked to). */
    @Transactional(readOnly = true)
    public List<Seance> seances(int offset, int limit) {
        AppUser user = requireAgentOrComite();
        if (Roles.COMITE.equals(user.role())) {
            return seances.ofMembre(user.id()).stream().skip(Math.max(offset, 0)).limit(Math.min(limit, PAGE_MAX)).toList();
        }
        return seances.list(Math.max(offset, 0), Math.min(limit, PAGE_MAX));
    }

    @Transactional(readOnly = true)
    public int count() {
        AppUser user = requireAgentOrComite();
        return Roles.COMITE.equals(user.role()) ? seances.ofMembre(user.id()).size() : seances.count();
    }

    @Transactional(readOnly = true)
    public Seance get(long seanceId) {
        AppUser user = requireAgentOrComite();
        Seance seance = seances.find(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        if (Roles.COMITE.equals(user.role()) && seances.ofMembre(user.id()).stream().noneMatch(s -> s.id() == seanceId)) {
            throw new NotAllowedException("Vous n'êtes pas convoqué(e) à cette séance.");
        }
        return seance;
    }

    /** The agenda: the files of the séance with their slots (ajournés included, with their reason). */
    @Transactional(readOnly = true)
    public List<Audition> ordreDuJour(long seanceId) {
        get(seanceId);
        return seances.auditions(seanceId);
    }

    /** The séance a file is on (planned), if any — agents and comité members. */
    @Transactional(readOnly = true)
    public java.util.Optional<Audition> auditionPrevue(long communId) {
        requireAgentOrComite();
        return seances.auditionPrevue(communId);
    }

    /**
     * The files of the séance's agenda the caller is recused from (any cause), for a comité member's reading of the
     * séance; empty for an agent.
     */
    @Transactional(readOnly = true)
    public Set<Long> mesDeports(long seanceId) {
        AppUser user = requireAgentOrComite();
        get(seanceId);
        if (!Roles.COMITE.equals(user.role())) {
            return Set.of();
        }
        return seances.auditions(seanceId).stream().map(Audition::communId).distinct()
                .filter(communId -> seances.estDeporte(user.id(), communId)).collect(Collectors.toSet());
    }

    /** Files declared recevable that wait for a séance, the oldest first (agents). */
    @Transactional(readOnly = true)
    public List<DossierEnAttente> dossiersEnAttente() {
        access.requireServiceAgent();
        List<Execution> waiting = runtime.createExecutionQuery().processDefinitionKey(CycleCommunProcess.KEY)
                .activityId(CycleCommunProcess.TASK_ATTENDRE_SEANCE).list();
        Set<String> ids = waiting.stream().map(Execution::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<DossierEnAttente> result = new ArrayList<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
            long communId = CycleCommunProcess.communIdFromBusinessKey(pi.getBusinessKey());
            Commun c = communs.get(communId);
            result.add(new DossierEnAttente(communId, c.titre(), c.porteurNom(),
                    budgets.budgetOf(communId).map(Budget::montantDemande).orElse(null),
                    c.dateTransmission() == null ? null : c.dateTransmission().atZoneSameInstant(Dates.ZONE).toLocalDateTime()));
        }
        result.sort(Comparator.comparing(DossierEnAttente::depuis, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DossierEnAttente::communId));
        return result;
    }

    /** Active members on the séance's day and their attendance (agents; comité members of the séance). */
    @Transactional(readOnly = true)
    public List<MembreSeance> membres(long seanceId) {
        Seance seance = get(seanceId);
        return seances.membres(seanceId, seance.debut().toLocalDate());
    }

    /** Quorum of every file planned or heard at the séance (agents and comité members). */
    @Transactional(readOnly = true)
    public List<Quorum> quorums(long seanceId) {
        Seance seance = get(seanceId);
        return quorumsOf(seance);
    }

    private List<Quorum> quorumsOf(Seance seance) {
        List<MembreSeance> membres = seances.membres(seance.id(), seance.debut().toLocalDate());
        int actifs = membres.size();
        int requis = Math.max(1, (int) Math.ceil(actifs * seances.quorumPourcent(seance.campagneId()) / 100.0));
        List<Long> tous = membres.stream().map(MembreSeance::membreId).toList();
        List<Quorum> result = new ArrayList<>();
        for (Audition a : seances.auditions(seance.id())) {
            if (a.statut() == Audition.Statut.DEPLACEE) {
                continue;
            }
            Map<Long, String> deportes = tous.isEmpty() ? Map.of() : seances.deportes(a.communId(), tous);
            List<Long> votants = membres.stream().filter(m -> m.presence() == Presence.PRESENT)
                    .map(MembreSeance::membreId).filter(id -> !deportes.containsKey(id)).toList();
            result.add(new Quorum(a.communId(), a.titre(), actifs, requis, votants,
                    deportes.values().stream().sorted().toList()));
        }
        return result;
    }

    // ------------------------------------------------------------------ preparation

    /** An agent creates a séance with its agenda: the files are convoqué, everyone convoked is told. */
    @Transactional
    public long create(SeanceData data) {
        AppUser agent = access.requireServiceAgent();
        Checks checks = checkOuEtQuand(data == null ? null : data.debut(), data == null ? null : data.lieu(),
                data == null ? null : data.lienVisio());
        List<Creneau> ordre = data == null || data.ordreDuJour() == null ? List.of() : data.ordreDuJour();
        checks.check(!ordre.isEmpty(), "Ajoutez au moins un dossier à l'ordre du jour.").orThrow();
        Set<Long> attente = dossiersEnAttente().stream().map(DossierEnAttente::communId).collect(Collectors.toSet());
        Set<Long> vus = new HashSet<>();
        Long campagne = null;
        for (Creneau c : ordre) {
            checks.check(c != null && vus.add(c.communId()), "Un dossier ne peut figurer qu'une fois à l'ordre du jour.");
            if (c == null) {
                continue;
            }
            Commun commun = communs.get(c.communId());
            checks.check(attente.contains(c.communId()), "Le dossier « " + commun.titre()
                    + " » n'attend pas de séance (il n'est pas recevable ou figure déjà sur une séance).");
            checks.check(campagne == null || campagne == commun.campagneId(),
                    "Les dossiers d'une séance doivent appartenir au même appel.");
            campagne = commun.campagneId();
            checkCreneau(checks, c, data.debut(), commun.titre());
        }
        checkChevauchements(checks, ordre);
        checks.orThrow();
        LocalDateTime debut = data.debut();
        long seanceId = seances.insert(campagne, debut, Checks.clean(data.lieu()), Checks.clean(data.lienVisio()), agent.id());
        ProcessInstance pi = runtime.createProcessInstanceByKey(SeanceComiteProcess.KEY)
                .businessKey(SeanceComiteProcess.businessKey(seanceId))
                .setVariables(SeanceComiteProcess.dates(seanceId, date(debut))).execute();
        seances.setProcessInstance(seanceId, pi.getId());
        for (Creneau c : ordre) {
            seances.insertAudition(seanceId, c.communId(), c.debut(), c.dureeMinutes());
            convoquer(seanceId, c.communId(), debut);
        }
        events.publishEvent(new SeanceEvents.SeanceConvoquee(seanceId));
        return seanceId;
    }

    /** An agent adds a waiting file to a séance in preparation; its groupement is convoked. */
    @Transactional
    public void ajouterAudition(long seanceId, Creneau creneau) {
        access.requireServiceAgent();
        Seance seance = lockPreparation(seanceId);
        Checks checks = Checks.start().notNull(creneau, "Créneau");
        checks.orThrow();
        Commun commun = communs.get(creneau.communId());
        checks.check(dossiersEnAttente().stream().anyMatch(d -> d.communId() == creneau.communId()),
                "Le dossier « " + commun.titre() + " » n'attend pas de séance.");
        checks.check(commun.campagneId() == seance.campagneId(), "Ce dossier appartient à un autre appel.");
        checkCreneau(checks, creneau, seance.debut(), commun.titre());
        List<Creneau> tous = new ArrayList<>(creneaux(seanceId));
        tous.add(creneau);
        checkChevauchements(checks, tous);
        checks.orThrow();
        seances.insertAudition(seanceId, creneau.communId(), creneau.debut(), creneau.dureeMinutes());
        convoquer(seanceId, creneau.communId(), seance.debut());
        events.publishEvent(new SeanceEvents.AuditionAjoutee(seanceId, creneau.communId()));
    }

    /** An agent changes the date, place or link of a séance in preparation; everyone convoked gets an update. */
    @Transactional
    public void modifier(long seanceId, int version, LocalDateTime debut, String lieu, String lienVisio) {
        access.requireServiceAgent();
        Seance seance = lockPreparation(seanceId);
        Checks checks = checkOuEtQuand(debut, lieu, lienVisio);
        checks.orThrow();
        if (!debut.equals(seance.debut())) {
            LocalDateTime decalage = debut;
            for (Audition a : seances.auditions(seanceId)) {
                if (a.statut() == Audition.Statut.PREVUE) {
                    checks.check(!a.debut().isBefore(decalage), "Le créneau de « " + a.titre()
                            + " » commencerait avant la séance : déplacez d'abord les créneaux.");
                }
            }
            checks.orThrow();
        }
        if (seances.update(seanceId, version, debut, Checks.clean(lieu), Checks.clean(lienVisio)) == 0) {
            throw new ValidationException("Cette séance vient d'être modifiée par quelqu'un d'autre : rechargez la page.");
        }
        if (!debut.equals(seance.debut())) {
            moveDates(seance, debut);
        }
        events.publishEvent(new SeanceEvents.SeanceModifiee(seanceId));
    }

    /** An agent changes a file's slot on a séance in preparation; its groupement gets an update. */
    @Transactional
    public void modifierCreneau(long seanceId, Creneau creneau, int version) {
        access.requireServiceAgent();
        Seance seance = lockPreparation(seanceId);
        Checks checks = Checks.start().notNull(creneau, "Créneau");
        checks.orThrow();
        Audition audition = seances.audition(seanceId, creneau.communId())
                .filter(a -> a.statut() == Audition.Statut.PREVUE)
                .orElseThrow(() -> new ValidationException("Ce dossier n'est pas à l'ordre du jour de cette séance."));
        checkCreneau(checks, creneau, seance.debut(), audition.titre());
        List<Creneau> tous = new ArrayList<>(creneaux(seanceId).stream().filter(c -> c.communId() != creneau.communId()).toList());
        tous.add(creneau);
        checkChevauchements(checks, tous);
        checks.orThrow();
        if (seances.updateCreneau(audition.id(), version, creneau.debut(), creneau.dureeMinutes()) == 0) {
            throw new ValidationException("Ce créneau vient d'être modifié par quelqu'un d'autre : rechargez la page.");
        }
        events.publishEvent(new SeanceEvents.CreneauModifie(seanceId, creneau.communId()));
    }

    /**
     * An agent takes a file off a séance before its audition (ajourné), with the reason told to its groupement: to
     * {@code vers} (another séance in preparation, with its slot) or back to the files waiting for a séance.
     */
    @Transactional
    public void ajourner(long seanceId, long communId, String motif, Long versSeanceId, Creneau vers) {
        access.requireServiceAgent();
        Seance seance = seances.lock(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        Checks checks = Checks.start().required(motif, "Motif de l'ajournement", MOTIF_MAX);
        checks.check(seance.statut() == Seance.Statut.PREPARATION || seance.statut() == Seance.Statut.OUVERTE,
                "Cette séance est " + seance.statut().libelle().toLowerCase(java.util.Locale.FRENCH)
                        + " : on ne peut plus en retirer de dossier.");
        checks.orThrow();
        Audition audition = seances.audition(seanceId, communId).filter(a -> a.statut() == Audition.Statut.PREVUE)
                .orElseThrow(() -> new ValidationException(
                        "Ce dossier n'attend pas son audition à cette séance (déjà entendu ou retiré)."));
        Seance cible = null;
        if (versSeanceId != null) {
            cible = seances.lock(versSeanceId).orElseThrow(() -> new ValidationException("La séance choisie n'existe pas."));
            checks.check(cible.id() != seanceId, "Choisissez une autre séance.");
            checks.check(cible.statut() == Seance.Statut.PREPARATION, "La séance choisie n'est plus en préparation.");
            checks.check(cible.campagneId() == seance.campagneId(), "La séance choisie concerne un autre appel.");
            checks.notNull(vers, "Créneau dans la nouvelle séance");
            checks.orThrow();
            Creneau c = new Creneau(communId, vers.debut(), vers.dureeMinutes());
            checkCreneau(checks, c, cible.debut(), audition.titre());
            List<Creneau> tous = new ArrayList<>(creneaux(cible.id()));
            tous.add(c);
            checkChevauchements(checks, tous);
            checks.orThrow();
        }
        String motifPropre = Checks.clean(motif);
        seances.setAuditionStatut(audition.id(), Audition.Statut.DEPLACEE, motifPropre);
        correlate(CycleCommunProcess.MSG_RETIRE_DE_SEANCE, communId, seanceId, Map.of(),
                "Ce dossier n'attend plus son audition : rechargez la page.");
        if (cible != null) {
            seances.insertAudition(cible.id(), communId, vers.debut(), vers.dureeMinutes());
            convoquer(cible.id(), communId, cible.debut());
        }
        events.publishEvent(new SeanceEvents.AuditionRetiree(seanceId, communId, motifPropre, versSeanceId));
    }

    /** An agent cancels a séance in preparation: its files wait again for a séance, everyone convoked is told. */
    @Transactional
    public void annuler(long seanceId, String motif) {
        access.requireServiceAgent();
        lockPreparation(seanceId);
        Checks.start().required(motif, "Motif de l'annulation", MOTIF_MAX).orThrow();
        String motifPropre = Checks.clean(motif);
        for (Audition a : seances.auditions(seanceId)) {
            if (a.statut() == Audition.Statut.PREVUE) {
                seances.setAuditionStatut(a.id(), Audition.Statut.DEPLACEE, "Séance annulée : " + motifPropre);
                correlate(CycleCommunProcess.MSG_RETIRE_DE_SEANCE, a.communId(), seanceId, Map.of(),
                        "Un dossier de cette séance n'attend plus son audition : rechargez la page.");
            }
        }
        runtime.createMessageCorrelation(SeanceComiteProcess.MSG_SEANCE_ANNULEE)
                .processInstanceBusinessKey(SeanceComiteProcess.businessKey(seanceId)).correlate();
        seances.setStatut(seanceId, Seance.Statut.ANNULEE);
        events.publishEvent(new SeanceEvents.SeanceAnnulee(seanceId, motifPropre));
    }

    // ------------------------------------------------------------------ the séance itself

    /** An agent records who is present, excused or absent (before or during the séance, not after it closed). */
    @Transactional
    public void enregistrerPresences(long seanceId, Map<Long, Presence> presences) {
        AppUser agent = access.requireServiceAgent();
        Seance seance = seances.lock(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        Checks checks = Checks.start();
        checks.check(seance.statut() == Seance.Statut.PREPARATION || seance.statut() == Seance.Statut.OUVERTE,
                "Les présences d'une séance " + seance.statut().libelle().toLowerCase(java.util.Locale.FRENCH)
                        + " ne se modifient plus.");
        checks.check(presences != null && !presences.isEmpty(), "Indiquez la présence d'au moins un membre.");
        checks.orThrow();
        Set<Long> actifs = seances.membres(seanceId, seance.debut().toLocalDate()).stream().map(MembreSeance::membreId)
                .collect(Collectors.toSet());
        for (Map.Entry<Long, Presence> e : presences.entrySet()) {
            checks.check(e.getKey() != null && actifs.contains(e.getKey()),
                    "Une des personnes indiquées n'est pas membre actif du comité à la date de la séance.");
            checks.check(e.getValue() != null, "Choisissez présent(e), excusé(e) ou absent(e) pour chaque membre.");
        }
        checks.orThrow();
        seances.savePresences(seanceId, presences, agent.id());
    }

    /**
     * An agent opens the séance: the attendance of every active member must be recorded. The séance's process opens
     * the audition of each file with quorum ({@link #openAuditions}); a file without quorum stays on the agenda
     * until it is ajourné.
     */
    @Transactional
    public List<Quorum> ouvrir(long seanceId) {
        access.requireServiceAgent();
        Seance seance = lockPreparation(seanceId);
        List<MembreSeance> membres = seances.membres(seanceId, seance.debut().toLocalDate());
        List<String> manquants = membres.stream().filter(m -> m.presence() == null).map(MembreSeance::nom).toList();
        if (!manquants.isEmpty()) {
            throw new ValidationException("Relevez d'abord la présence de : " + String.join(", ", manquants) + ".");
        }
        seances.setStatut(seanceId, Seance.Statut.OUVERTE);
        completeSeanceTask(seanceId, SeanceComiteProcess.TASK_OUVRIR_SEANCE);
        return quorumsOf(seances.find(seanceId).orElseThrow());
    }

    /**
     * Called by the séance's process when it opens (same transaction): every planned file with quorum gets its
     * audition opened with the present, non-recused members; its audition is then "tenue".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openAuditions(long seanceId) {
        Seance seance = seances.find(seanceId).orElseThrow();
        Map<Long, Audition> planned = new LinkedHashMap<>();
        seances.auditions(seanceId).stream().filter(a -> a.statut() == Audition.Statut.PREVUE)
                .forEach(a -> planned.put(a.communId(), a));
        for (Quorum q : quorumsOf(seance)) {
            Audition a = planned.get(q.communId());
            if (a == null || !q.atteint()) {
                continue;
            }
            correlate(CycleCommunProcess.MSG_AUDITION_OUVERTE, q.communId(), seanceId,
                    CycleCommunProcess.auditionOuverte(q.votants().stream().map(String::valueOf).toList()),
                    "Le dossier « " + a.titre() + " » n'attend plus son audition : rechargez la page.");
            seances.setAuditionStatut(a.id(), Audition.Statut.TENUE, null);
        }
    }

    /**
     * An agent closes the séance: every file heard has its avis (or was ajourné by the comité) and no file still waits
     * for its audition. The files with an avis go on to the Assemblée; the PV becomes final.
     */
    @Transactional
    public void clore(long seanceId) {
        access.requireServiceAgent();
        Seance seance = seances.lock(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        if (seance.statut() != Seance.Statut.OUVERTE) {
            throw new ValidationException("Seule une séance ouverte peut être close (celle-ci est "
                    + seance.statut().libelle().toLowerCase(java.util.Locale.FRENCH) + ").");
        }
        Set<Long> rendus = new HashSet<>(seances.communsAvecAvis(seanceId));
        rendus.addAll(seances.communsAjournes(seanceId));
        List<String> enSuspens = new ArrayList<>();
        for (Audition a : seances.auditions(seanceId)) {
            if (a.statut() == Audition.Statut.PREVUE) {
                enSuspens.add("« " + a.titre() + " » n'a pas été entendu (quorum non atteint) : ajournez-le");
            } else if (a.statut() == Audition.Statut.TENUE && !rendus.contains(a.communId())) {
                enSuspens.add("« " + a.titre() + " » attend encore son avis");
            }
        }
        if (!enSuspens.isEmpty()) {
            throw new ValidationException("La séance ne peut pas encore être close : " + String.join(" ; ", enSuspens) + ".");
        }
        seances.setStatut(seanceId, Seance.Statut.CLOSE);
        completeSeanceTask(seanceId, SeanceComiteProcess.TASK_CLORE_SEANCE);
    }

    /** Called by the séance's process when it closes (same transaction): the files with an avis go to the Assemblée. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeAuditions(long seanceId) {
        List<Long> avecAvis = seances.communsAvecAvis(seanceId);
        for (long communId : avecAvis) {
            correlate(CycleCommunProcess.MSG_SEANCE_CLOSE, communId, seanceId, Map.of(),
                    "Un dossier de cette séance n'attend plus sa clôture : rechargez la page.");
            communs.changeStatut(communId, fr.communs.base.CommunStatut.A_L_ASSEMBLEE);
        }
        events.publishEvent(new SeanceEvents.SeanceClose(seanceId, avecAvis));
    }

    /** Called by the séance's process the day before (a job): everyone convoked is reminded, unless it no longer holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remindDayBefore(long seanceId) {
        seances.find(seanceId).filter(s -> s.statut() == Seance.Statut.PREPARATION)
                .ifPresent(s -> events.publishEvent(new SeanceEvents.RappelVeille(seanceId)));
    }

    // ------------------------------------------------------------------ for the other comité services

    /** The séance, for another comité service in its transaction (no access check: that service decides). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Seance seanceOf(long seanceId) {
        return seances.find(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
    }

    /** The quorum of one file at its séance, for another comité service in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Quorum quorumOf(long seanceId, long communId) {
        return quorumsOf(seanceOf(seanceId)).stream().filter(q -> q.communId() == communId).findFirst()
                .orElseThrow(() -> new ValidationException("Ce dossier n'est pas à l'ordre du jour de cette séance."));
    }

    /** Is this member recused from this file (any cause)? For the other comité services, in their transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean estDeporte(long membreId, long communId) {
        return seances.estDeporte(membreId, communId);
    }

    // ------------------------------------------------------------------ helpers

    private AppUser requireAgentOrComite() {
        AppUser user = currentUser.require();
        if (!DossierAccess.isServiceAgent(user) && !Roles.COMITE.equals(user.role())) {
            throw new NotAllowedException("Les séances du comité sont réservées aux agents du service et aux membres du comité.");
        }
        return user;
    }

    private Seance lockPreparation(long seanceId) {
        Seance seance = seances.lock(seanceId).orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        if (seance.statut() != Seance.Statut.PREPARATION) {
            throw new ValidationException("Cette séance est " + seance.statut().libelle().toLowerCase(java.util.Locale.FRENCH)
                    + " : elle ne se modifie plus.");
        }
        return seance;
    }

    private static Checks checkOuEtQuand(LocalDateTime debut, String lieu, String lienVisio) {
        Checks checks = Checks.start().notNull(debut, "Date et heure de la séance")
                .optional(lieu, "Lieu", LIEU_MAX).optional(lienVisio, "Lien de visioconférence", LIEN_MAX);
        checks.check(Checks.clean(lieu) != null || Checks.clean(lienVisio) != null,
                "Indiquez le lieu de la séance ou son lien de visioconférence.");
        checks.check(Checks.clean(lienVisio) == null || (Checks.isWebLink(Checks.clean(lienVisio))
                        && Checks.clean(lienVisio).regionMatches(true, 0, "https://", 0, 8)),
                "Le lien de visioconférence doit être une adresse web complète (https://…).");
        if (debut != null) {
            checks.check(debut.isAfter(LocalDateTime.now(Dates.ZONE)), "La séance doit avoir lieu à une date à venir.");
            checks.check(debut.toLocalDate().isBefore(Dates.today().plusYears(2)),
                    "La date de la séance est trop lointaine (plus de deux ans) : vérifiez l'année.");
        }
        return checks;
    }

    private static void checkCreneau(Checks checks, Creneau c, LocalDateTime debutSeance, String titre) {
        checks.check(c.debut() != null, "Indiquez l'heure d'audition de « " + titre + " ».");
        checks.check(c.dureeMinutes() != null && c.dureeMinutes() >= DUREE_MIN && c.dureeMinutes() <= DUREE_MAX,
                "La durée d'audition de « " + titre + " » doit être de " + DUREE_MIN + " à " + DUREE_MAX + " minutes.");
        if (c.debut() != null && debutSeance != null) {
            checks.check(!c.debut().isBefore(debutSeance), "L'audition de « " + titre + " » ne peut pas commencer avant la séance.");
            checks.check(c.debut().toLocalDate().equals(debutSeance.toLocalDate()),
                    "L'audition de « " + titre + " » doit avoir lieu le jour de la séance.");
        }
    }

    private static void checkChevauchements(Checks checks, List<Creneau> creneaux) {
        List<Creneau> tries = creneaux.stream().filter(c -> c != null && c.debut() != null && c.dureeMinutes() != null)
                .sorted(Comparator.comparing(Creneau::debut)).toList();
        for (int i = 1; i < tries.size(); i++) {
            Creneau avant = tries.get(i - 1);
            checks.check(!avant.debut().plusMinutes(avant.dureeMinutes()).isAfter(tries.get(i).debut()),
                    "Deux auditions se chevauchent à " + tries.get(i).debut().toLocalTime() + " : décalez un créneau.");
        }
    }

    private List<Creneau> creneaux(long seanceId) {
        return seances.auditions(seanceId).stream().filter(a -> a.statut() == Audition.Statut.PREVUE)
                .map(a -> new Creneau(a.communId(), a.debut(), a.dureeMinutes())).toList();
    }

    private void convoquer(long seanceId, long communId, LocalDateTime debut) {
        correlate(CycleCommunProcess.MSG_CONVOQUE, communId, null, CycleCommunProcess.convocation(seanceId, date(debut)),
                "Un dossier de l'ordre du jour n'attend plus de séance : rechargez la page.");
    }

    /**
     * A message to a file's cycle; {@code seanceId}: a message of that séance, which reaches the file only while it
     * is on that séance ({@link CycleCommunProcess#correlationSeance}); null for the convocation (any séance).
     */
    private void correlate(String message, long communId, Long seanceId, Map<String, Object> variables, String mismatch) {
        try {
            (seanceId == null ? runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                    : CycleCommunProcess.correlationSeance(runtime, message, communId, seanceId))
                    .setVariables(new HashMap<>(variables)).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ValidationException(mismatch);
        }
    }

    /** The séance moved: its process's due date and reminder timer, and the due dates of its files' waits follow. */
    private void moveDates(Seance seance, LocalDateTime debut) {
        SeanceComiteProcess.deplacer(processEngine, seance.id(), date(debut));
        for (Audition a : seances.auditions(seance.id())) {
            if (a.statut() == Audition.Statut.PREVUE) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(CycleCommunProcess.businessKey(a.communId()))
                        .processDefinitionKey(CycleCommunProcess.KEY).active().list()
                        .forEach(p -> runtime.setVariables(p.getId(), CycleCommunProcess.convocation(seance.id(), date(debut))));
            }
        }
    }

    private void completeSeanceTask(long seanceId, String key) {
        Task task = engineTasks.createTaskQuery().processInstanceBusinessKey(SeanceComiteProcess.businessKey(seanceId))
                .processDefinitionKey(SeanceComiteProcess.KEY).taskDefinitionKey(key).active().singleResult();
        if (task == null) {
            throw new ValidationException("Cette séance vient d'être modifiée par quelqu'un d'autre : rechargez la page.");
        }
        engineTasks.complete(task.getId());
    }

    static Date date(LocalDateTime paris) {
        return Date.from(paris.atZone(Dates.ZONE).toInstant());
    }
}
