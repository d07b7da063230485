package fr.communs.commun.internal;

import fr.communs.commun.CommunStatut;
import fr.communs.processes.CycleCommunActions;
import fr.communs.security.AccountService;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the BPMN delegates ask of the application. Runs in the engine's (Spring) transaction. */
@Component
class CycleCommunActionsAdapter implements CycleCommunActions {
    private final JooqCommunRepository communs;
    private final AccountService accounts;

    CycleCommunActionsAdapter(JooqCommunRepository communs, AccountService accounts) {
        this.communs = communs;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void closeDeposit(long communId) {
        communs.updateStatut(communId, CommunStatut.DEPOT_CLOS);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> comiteMembers(long communId) {
        return accounts.activeComiteMemberIds();
    }
}
