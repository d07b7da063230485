package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Séance process: calls {@link SeanceActions#openAuditions} for the séance of the instance. */
@Component("ouvrirAuditionsDelegate")
public class OuvrirAuditionsDelegate implements JavaDelegate {
    private final SeanceActions actions;

    public OuvrirAuditionsDelegate(SeanceActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.openAuditions((Long) execution.getVariable(SeanceComiteProcess.VAR_SEANCE_ID));
    }
}
