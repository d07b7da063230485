package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clore le dépôt": asks the application to close the deposit of the commun. */
@Component("cloreDepotDelegate")
public class CloreDepotDelegate implements JavaDelegate {

    private final CycleCommunActions actions;

    public CloreDepotDelegate(CycleCommunActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.closeDeposit(Variables.communId(execution));
    }
}
