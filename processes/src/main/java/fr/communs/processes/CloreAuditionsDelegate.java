package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Séance process: calls {@link SeanceActions#closeAuditions} for the séance of the instance. */
@Component("cloreAuditionsDelegate")
public class CloreAuditionsDelegate implements JavaDelegate {
    private final SeanceActions actions;

    public CloreAuditionsDelegate(SeanceActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.closeAuditions((Long) execution.getVariable(SeanceComiteProcess.VAR_SEANCE_ID));
    }
}
