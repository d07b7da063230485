package fr.communs.livrable;

import fr.communs.base.Checks;
import fr.communs.commun.CommunService;
import fr.communs.commun.CommunStatut;
import fr.communs.livrable.internal.JooqLivrableRepository;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskService;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The laureates' livrable and retour d'expérience, which close the cycle. */
@Service
public class LivrableService {
    private final JooqLivrableRepository livrables;
    private final CommunService communs;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    LivrableService(JooqLivrableRepository livrables, CommunService communs, TaskService tasks, CurrentUser currentUser) {
        this.livrables = livrables;
        this.communs = communs;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @Transactional
    public void deposit(String taskId, LivrableData d) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        String lien = Checks.clean(d.lien());
        Checks.start()
                .required(d.titre(), "Titre du livrable", 200)
                .optional(lien, "Lien", 500)
                .check(lien == null || Checks.isWebLink(lien), "Le lien doit être une adresse web commençant par https:// ou http://.")
                .required(d.description(), "Description du livrable", 4000)
                .required(d.retourExperience(), "Retour d'expérience", 4000)
                .orThrow();
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_DEPOSER_LIVRABLE);
        livrables.insert(communId, new LivrableData(d.titre().strip(), lien, d.description().strip(),
                d.retourExperience().strip()), user.id());
        communs.changeStatut(communId, CommunStatut.LIVRABLE_DEPOSE);
        tasks.complete(taskId, Map.of());
    }

    /** The livrable of a commun, once deposited (public: it is meant to be shared). */
    @Transactional(readOnly = true)
    public Optional<LivrableData> find(long communId) {
        return livrables.find(communId);
    }
}
