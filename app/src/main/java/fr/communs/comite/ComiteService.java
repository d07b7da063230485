package fr.communs.comite;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.internal.JooqComiteRepository;
import fr.communs.commun.CommunService;
import fr.communs.commun.CommunStatut;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Comité d'accompagnement des communs: each member scores the audition, then an agent records the avis. */
@Service
public class ComiteService {
    public static final BigDecimal SUBVENTION_MAX = fr.communs.base.Montants.PLAFOND;

    private final JooqComiteRepository comite;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    ComiteService(JooqComiteRepository comite, CommunService communs, TaskService tasks, CurrentUser currentUser) {
        this.comite = comite;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    /** A comité member records their scores for the audition (their own task). */
    @Transactional
    public void score(String taskId, NotesAudition n) {
        AppUser membre = currentUser.requireRole(Roles.COMITE);
        Checks checks = Checks.start();
        note(checks, n.contributeurs(), "Nombre et typologie des contributeurs");
        note(checks, n.gouvernance(), "Gouvernance démocratique, coopérative et transparente");
        note(checks, n.defis(), "Pertinence des projets en lien avec les défis");
        note(checks, n.communs(), "Pertinence de la proposition relativement à la notion de communs");
        checks.optional(n.commentaire(), "Commentaire", 2000).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_NOTER_AUDITION);
        if (comite.noteExists(communId, membre.id())) {
            throw new ValidationException("Vous avez déjà noté l'audition de ce commun.");
        }
        comite.insertNote(communId, membre.id(), n, Checks.clean(n.commentaire()));
        tasks.complete(taskId, Map.of());
    }

    private static void note(Checks checks, Integer value, String label) {
        checks.check(value != null && value >= 0 && value <= 5,
                "La note « " + label + " » doit être un nombre entier de 0 à 5.");
    }

    /** An agent records the comité's avis and proposed subsidy; the file goes to the Assemblée. */
    @Transactional
    public void recordAvis(String taskId, AvisComite a) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        Checks checks = Checks.start()
                .notNull(a.avis(), "Avis du comité")
                .notNull(a.subventionProposee(), "Subvention proposée");
        fr.communs.base.Montants.check(checks, a.subventionProposee(), "Subvention proposée", SUBVENTION_MAX, false)
                .optional(a.contributions(), "Contributions non financières proposées", 4000)
                .orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_AVIS_COMITE);
        comite.insertAvis(communId, a, Checks.clean(a.contributions()), agent.id());
        communs.changeStatut(communId, CommunStatut.A_L_ASSEMBLEE);
        tasks.complete(taskId, Map.of());
    }

    /** The comité members' score sheets (agents and comité members only). */
    @Transactional(readOnly = true)
    public List<NoteComite> notes(long communId) {
        requireAgentOrComite();
        return comite.notes(communId);
    }

    @Transactional(readOnly = true)
    public Optional<AvisComite> avis(long communId) {
        requireAgentOrComite();
        return comite.avis(communId);
    }

    private void requireAgentOrComite() {
        if (!currentUser.hasRole(Roles.AGENT) && !currentUser.hasRole(Roles.COMITE)) {
            throw new NotAllowedException("Seuls les agents et les membres du comité peuvent voir les notes du comité.");
        }
    }
}
