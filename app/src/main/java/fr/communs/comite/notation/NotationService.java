package fr.communs.comite.notation;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.notation.internal.JooqNotationRepository;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's scoring: each present, non-recused member scores each audition on the campagne's grid (one task per
 * member and file), with a comment per criterion; sees the others' scores only once their own is submitted; can
 * correct it until the séance closes. Agents see every score; a recused member and a structure never do.
 */
@Service
public class NotationService {
    public static final int COMMENTAIRE_MAX = 2000;

    private final JooqNotationRepository notations;
    private final SeanceService seances;
    private final CommunService communs;
    private final TaskService tasks;
    private final org.camunda.bpm.engine.TaskService engineTasks;
    private final CurrentUser currentUser;

    NotationService(JooqNotationRepository notations, SeanceService seances, CommunService communs, TaskService tasks,
                    org.camunda.bpm.engine.TaskService engineTasks, CurrentUser currentUser) {
        this.notations = notations;
        this.seances = seances;
        this.communs = communs;
        this.tasks = tasks;
        this.engineTasks = engineTasks;
        this.currentUser = currentUser;
    }

    /** The campagne's scoring grid. */
    @Transactional(readOnly = true)
    public List<Critere> grille(long campagneId) {
        currentUser.require();
        return notations.grille(campagneId);
    }

    /** The member's scoring screen for their open task. */
    @Transactional
    public FicheNotation fiche(String taskId) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_NOTER_SEANCE);
        long seanceId = seanceOfTask(taskId);
        return fiche(seanceId, communId, membre);
    }

    /** The member's scoring screen for a file of a séance (after submission: their scores, corrigible while open). */
    @Transactional(readOnly = true)
    public FicheNotation fiche(long seanceId, long communId) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        return fiche(seanceId, communId, membre);
    }

    private FicheNotation fiche(long seanceId, long communId, AppUser membre) {
        requireNotRecused(membre, communId);
        Seance seance = seances.seanceOf(seanceId);
        Commun commun = communs.get(communId);
        Notation mienne = notations.notation(seanceId, communId, membre.id()).orElse(null);
        return new FicheNotation(seanceId, communId, commun.titre(), commun.porteurNom(), notations.grille(seance.campagneId()),
                mienne, seance.statut() == Seance.Statut.OUVERTE);
    }

    /**
     * A member submits their scores (their own open task): every criterion scored within the scale, comments short
     * enough. A second submission (double click, two tabs) finds the task done and changes nothing.
     */
    @Transactional
    public void soumettre(String taskId, List<NoteCritere> notes) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_NOTER_SEANCE);
        long seanceId = seanceOfTask(taskId);
        requireNotRecused(membre, communId);
        Seance seance = seances.seanceOf(seanceId);
        if (seance.statut() != Seance.Statut.OUVERTE) {
            throw new ValidationException("La séance n'est pas ouverte : les notes ne peuvent pas être enregistrées.");
        }
        List<NoteCritere> propres = check(notations.grille(seance.campagneId()), notes);
        if (!notations.insertNotation(seanceId, communId, membre.id())) {
            throw new ValidationException("Vous avez déjà noté cette audition : corrigez vos notes si besoin.");
        }
        notations.insertScores(seanceId, communId, membre.id(), propres);
        tasks.complete(taskId, Map.of());
    }

    /** A member corrects their submitted scores while the séance is open ({@code version} read with them). */
    @Transactional
    public void corriger(long seanceId, long communId, List<NoteCritere> notes, int version) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        requireNotRecused(membre, communId);
        Seance seance = seances.seanceOf(seanceId);
        if (seance.statut() != Seance.Statut.OUVERTE) {
            throw new ValidationException("La séance est close : les notes ne se corrigent plus.");
        }
        notations.notation(seanceId, communId, membre.id())
                .orElseThrow(() -> new ValidationException("Vous n'avez pas encore noté cette audition."));
        List<NoteCritere> propres = check(notations.grille(seance.campagneId()), notes);
        if (!notations.touch(seanceId, communId, membre.id(), version)) {
            throw new ValidationException("Vos notes viennent d'être modifiées dans un autre onglet : rechargez la page.");
        }
        notations.updateScores(seanceId, communId, membre.id(), propres);
    }

    /**
     * The scores of a file at a séance: agents see all; a comité member sees them once their own is submitted (or
     * when they had none to give: absent, excused, the séance closed) and never for a file they are recused from.
     */
    @Transactional(readOnly = true)
    public List<Notation> notes(long seanceId, long communId) {
        AppUser user = currentUser.require();
        if (DossierAccess.isServiceAgent(user)) {
            return notations.notations(seanceId, communId);
        }
        if (!Roles.COMITE.equals(user.role())) {
            throw new NotAllowedException("Seuls les agents du service et les membres du comité voient les notes du comité.");
        }
        requireNotRecused(user, communId);
        seances.get(seanceId);
        if (notations.notation(seanceId, communId, user.id()).isEmpty() && aNoterEncore(user, communId)) {
            throw new NotAllowedException("Vous verrez les notes des autres membres après avoir soumis les vôtres.");
        }
        return notations.notations(seanceId, communId);
    }

    /** Scores of a file for another comité service (aggregation, PV), in its transaction, without access check. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Notation> notationsOf(long seanceId, long communId) {
        return notations.notations(seanceId, communId);
    }

    private boolean aNoterEncore(AppUser user, long communId) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskDefinitionKey(CycleCommunProcess.TASK_NOTER_SEANCE).taskAssignee(user.camundaId()).count() > 0;
    }

    private void requireNotRecused(AppUser user, long communId) {
        if (seances.estDeporte(user.id(), communId)) {
            throw new NotAllowedException("Vous êtes déporté(e) de ce dossier : vous ne pouvez ni le noter ni voir "
                    + "les notes et les échanges du comité à son sujet.");
        }
    }

    private long seanceOfTask(String taskId) {
        Object id = engineTasks.getVariable(taskId, CycleCommunProcess.VAR_SEANCE_ID);
        if (!(id instanceof Number n)) {
            throw new ValidationException("Cette audition n'est rattachée à aucune séance.");
        }
        return n.longValue();
    }

    /** Every criterion of the grid scored once, within its scale; comments trimmed and bounded. */
    static List<NoteCritere> check(List<Critere> grille, List<NoteCritere> notes) {
        Checks checks = Checks.start();
        checks.check(!grille.isEmpty(), "La grille de notation de cet appel est vide : un administrateur doit la "
                + "paramétrer avant que le comité note.").orThrow();
        checks.check(notes != null, "Notez chaque critère.").orThrow();
        List<NoteCritere> propres = new ArrayList<>();
        Set<Long> vus = new HashSet<>();
        for (NoteCritere n : notes) {
            checks.check(n != null && grille.stream().anyMatch(c -> c.id() == n.critereId()) && vus.add(n.critereId()),
                    "Une note ne correspond à aucun critère de la grille : rechargez la page.");
        }
        checks.orThrow();
        for (Critere c : grille) {
            NoteCritere n = notes.stream().filter(x -> x.critereId() == c.id()).findFirst().orElse(null);
            checks.check(n != null && n.note() != null && n.note() >= 0 && n.note() <= c.noteMax(),
                    "La note « " + c.libelle() + " » doit être un nombre entier de 0 à " + c.noteMax() + ".");
            if (n != null) {
                checks.optional(n.commentaire(), "Commentaire sur « " + c.libelle() + " »", COMMENTAIRE_MAX);
                propres.add(new NoteCritere(c.id(), n.note(), Checks.clean(n.commentaire())));
            }
        }
        checks.orThrow();
        return propres;
    }
}
