package fr.communs.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rappeler les compléments au porteur" (after the non-interrupting timer
 * {@value CycleCommunProcess#TIMER_RAPPEL_COMPLEMENTS} on {@value CycleCommunProcess#TASK_COMPLETER_DOSSIER}): asks the
 * application to remind the porteur of the compléments due {@value CycleCommunProcess#VAR_DATE_LIMITE_COMPLEMENTS}.
 *
 * <p>The task runs as a job ({@code asyncBefore}): a job already created when the porteur answers still runs, and
 * the application then sends nothing ({@link InstructionActions#remindComplements}).
 */
@Component("rappelComplementsDelegate")
public class RappelComplementsDelegate implements JavaDelegate {

    private final InstructionActions actions;

    public RappelComplementsDelegate(InstructionActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.remindComplements(Variables.communId(execution),
                Variables.requiredDate(execution, CycleCommunProcess.VAR_DATE_LIMITE_COMPLEMENTS));
    }
}
