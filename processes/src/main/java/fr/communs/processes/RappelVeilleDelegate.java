package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Séance process: calls {@link SeanceActions#remindDayBefore} for the séance of the instance. */
@Component("rappelVeilleDelegate")
public class RappelVeilleDelegate implements JavaDelegate {
    private final SeanceActions actions;

    public RappelVeilleDelegate(SeanceActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.remindDayBefore((Long) execution.getVariable(SeanceComiteProcess.VAR_SEANCE_ID));
    }
}
