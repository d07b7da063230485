package fr.communs.instruction;

import fr.communs.base.Checks;
import fr.communs.commun.CommunService;
import fr.communs.commun.CommunStatut;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.DossierVersionService;
import fr.communs.instruction.internal.JooqInstructionRepository;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Instruction by the service Innovation sociale et solidaire, and the compléments loop. */
@Service
public class InstructionService {
    private final JooqInstructionRepository instructions;
    private final CommunService communs;
    private final DossierVersionService versions;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    InstructionService(JooqInstructionRepository instructions, CommunService communs, DossierVersionService versions, TaskService tasks,
                       CurrentUser currentUser) {
        this.instructions = instructions;
        this.communs = communs;
        this.versions = versions;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    /** Records the instructeur's decision and moves the file on, in one transaction. */
    @Transactional
    public void decide(String taskId, InstructionDecision d) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        Checks.start()
                .notNull(d.decision(), "Décision")
                .notNull(d.contributeurs(), "Nombre et typologie des contributeurs")
                .notNull(d.gouvernance(), "Gouvernance démocratique, coopérative et transparente")
                .notNull(d.defis(), "Pertinence des projets en lien avec les défis")
                .notNull(d.communs(), "Pertinence de la proposition relativement à la notion de communs")
                .check(d.decision() == null || d.decision() == DecisionInstruction.RECEVABLE
                                || (d.motif() != null && !d.motif().isBlank()),
                        d.decision() == DecisionInstruction.COMPLEMENTS
                                ? "Indiquez au groupement ce qui manque au dossier."
                                : "Le motif de non-recevabilité est obligatoire.")
                .optional(d.motif(), "Motif / message au groupement", 4000)
                .orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_INSTRUIRE);
        instructions.insert(communId, d, Checks.clean(d.motif()), agent.id());
        communs.changeStatut(communId, switch (d.decision()) {
            case RECEVABLE -> CommunStatut.AU_COMITE;
            case COMPLEMENTS -> CommunStatut.COMPLEMENTS_DEMANDES;
            case NON_RECEVABLE -> CommunStatut.NON_RECEVABLE;
        });
        tasks.complete(taskId, CycleCommunProcess.decision(d.decision()));
    }

    /** The porteur answers a request for compléments; the file goes back to instruction. */
    @Transactional
    public void completeFile(String taskId, ComplementData data) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Checks.start().required(data.reponse(), "Votre réponse à l'instructeur", 4000).orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        communs.completeTexts(communId, data.besoin(), data.interetGeneral(), data.gouvernance());
        versions.freeze(communId, DossierVersion.Motif.COMPLEMENTS);
        instructions.insertComplement(communId, data.reponse().strip(), user.id());
        communs.changeStatut(communId, CommunStatut.EN_INSTRUCTION);
        tasks.complete(taskId, java.util.Map.of());
    }

    /** Decisions on a commun, the latest first (agents, and the porteur for its own file). */
    @Transactional(readOnly = true)
    public List<Instruction> decisions(long communId) {
        requireAgentOrPorteur(communId);
        return instructions.findByCommun(communId);
    }

    @Transactional(readOnly = true)
    public Optional<String> lastComplement(long communId) {
        requireAgentOrPorteur(communId);
        return instructions.complements(communId).stream().findFirst();
    }

    private void requireAgentOrPorteur(long communId) {
        if (!currentUser.hasRole(Roles.AGENT) && !communs.callerIsPorteur(communId)) {
            throw new fr.communs.base.NotAllowedException("Seuls les agents et le porteur du commun peuvent voir l'instruction.");
        }
    }
}
