package fr.communs.processes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Convoquer le comité": sets {@value CycleCommunProcess#VAR_MEMBRES_COMITE} to the comité members'
 * user ids, one "Noter l'audition" task each, and the due dates of the comité's tasks from the comité's date
 * ({@link CycleCommunProcess#comiteDates}). Without members the job fails (retried, then an
 * incident) rather than letting the commun skip the audition.
 */
@Component("convoquerComiteDelegate")
public class ConvoquerComiteDelegate implements JavaDelegate {

    private final CycleCommunActions actions;

    public ConvoquerComiteDelegate(CycleCommunActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long communId = Variables.communId(execution);
        List<String> members = actions.comiteMembers(communId);
        if (members == null || members.isEmpty()) {
            throw new IllegalStateException(
                    "Aucun membre du comité n'est enregistré (commun " + communId + ")");
        }
        execution.setVariable(CycleCommunProcess.VAR_MEMBRES_COMITE, new ArrayList<>(members));
        execution.setVariables(CycleCommunProcess.comiteDates(ClockUtil.getCurrentTime(), actions.comiteDate(communId)));
    }
}
