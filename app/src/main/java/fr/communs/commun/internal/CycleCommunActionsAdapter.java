package fr.communs.commun.internal;

import fr.communs.campagne.CampagneService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.GroupementService;
import fr.communs.processes.CycleCommunActions;
import fr.communs.security.AccountService;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the BPMN delegates ask of the application. Runs in the engine's (Spring) transaction. */
@Component
class CycleCommunActionsAdapter implements CycleCommunActions {
    private final JooqCommunRepository communs;
    private final AccountService accounts;
    private final GroupementService groupements;

    private final CampagneService campagnes;
    private final JooqJalons jalons;

    CycleCommunActionsAdapter(JooqCommunRepository communs, AccountService accounts, GroupementService groupements,
                              CampagneService campagnes, JooqJalons jalons) {
        this.communs = communs;
        this.accounts = accounts;
        this.groupements = groupements;
        this.campagnes = campagnes;
        this.jalons = jalons;
    }

    /** The deposit closes: the statut, the real date of the closure (public timeline, history), pending requests. */
    @Override
    @Transactional
    public void closeDeposit(long communId) {
        communs.updateStatut(communId, CommunStatut.DEPOT_CLOS);
        communs.findById(communId).ifPresent(c ->
                jalons.recordClosure(communId, campagnes.get(c.campagneId()).dateLimiteDepot()));
        groupements.closePending(communId, "la date limite de dépôt est passée sans transmission du dossier");
    }

    /**
     * The groupement's structures are told the campagne's deadline (the process's {@code deadline} is the same date:
     * {@code DeadlineRescheduler} keeps them in step) and what still blocks eligibility; nothing once the file is
     * no longer being formed.
     */
    @Override
    @Transactional
    public void remindBeforeDeadline(long communId, Date deadline) {
        groupements.remindBeforeDeadline(communId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> comiteMembers(long communId) {
        return accounts.activeComiteMemberIds();
    }

    /** The end of the day of the comité of the commun's campagne ({@code Campagne#echeanceAudition}), if set. */
    @Override
    @Transactional(readOnly = true)
    public Date comiteDate(long communId) {
        return communs.findById(communId)
                .flatMap(c -> campagnes.get(c.campagneId()).echeanceAudition())
                .map(d -> Date.from(d.toInstant())).orElse(null);
    }
}
