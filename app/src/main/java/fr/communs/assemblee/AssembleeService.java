package fr.communs.assemblee;

import fr.communs.assemblee.internal.JooqAssembleeRepository;
import fr.communs.base.Checks;
import fr.communs.base.Montants;
import fr.communs.comite.ComiteService;
import fr.communs.commun.CommunService;
import fr.communs.commun.CommunStatut;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Assemblée's vote on the subsidies proposed after the comité (recorded by an agent). */
@Service
public class AssembleeService {
    private final JooqAssembleeRepository votes;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    AssembleeService(JooqAssembleeRepository votes, CommunService communs, TaskService tasks, CurrentUser currentUser) {
        this.votes = votes;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @Transactional
    public void recordVote(String taskId, VoteAssemblee v) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        boolean adopte = v.resultat() == ResultatVote.ADOPTE;
        Checks checks = Checks.start()
                .notNull(v.resultat(), "Résultat du vote")
                .notNull(v.dateSeance(), "Date de la séance")
                .check(v.dateSeance() == null || !v.dateSeance().isAfter(LocalDate.now()),
                        "La date de la séance ne peut pas être dans le futur.")
                .check(!adopte || v.montantVote() != null, "Indiquez le montant de la subvention votée.")
                .check(adopte || v.montantVote() == null,
                        "Aucun montant ne doit être saisi si la subvention n'est pas adoptée.");
        Montants.check(checks, v.montantVote(), "Montant de la subvention votée", ComiteService.SUBVENTION_MAX, true).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_VOTE_ASSEMBLEE);
        votes.insert(communId, v, agent.id());
        communs.changeStatut(communId, switch (v.resultat()) {
            case ADOPTE -> CommunStatut.LAUREAT;
            case REJETE -> CommunStatut.REJETE;
            case AJOURNE -> CommunStatut.A_L_ASSEMBLEE;
        });
        tasks.complete(taskId, CycleCommunProcess.vote(v.resultat()));
    }

    @Transactional(readOnly = true)
    public List<VoteAssemblee> votes(long communId) {
        return votes.votes(communId);
    }
}
