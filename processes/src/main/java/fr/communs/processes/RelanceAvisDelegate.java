package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Relancer le référent" (after each firing of the non-interrupting timer cycle
 * {@value AvisReferentProcess#TIMER_RELANCE_AVIS} on {@value AvisReferentProcess#TASK_DONNER_AVIS}): asks the
 * application to remind the référent of the avis {@value AvisReferentProcess#VAR_AVIS_ID}.
 */
@Component("relanceAvisDelegate")
public class RelanceAvisDelegate implements JavaDelegate {

    private final AvisReferentActions actions;

    public RelanceAvisDelegate(AvisReferentActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.remindReferent(Variables.avisId(execution));
    }
}
