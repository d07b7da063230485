package fr.communs.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import fr.communs.processes.CycleCommunProcess.Rappel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Rappeler l'échéance aux membres (J-7 / J-2)": asks the application to remind the groupement of the deposit
 * deadline. The task's input parameter {@value CycleCommunProcess#VAR_JOURS_AVANT} says which reminder it is.
 *
 * <p>A timer whose date is already past fires at once (file deposited 3 days before the deadline, deadline
 * brought forward, engine stopped for a while): the reminder is then skipped when it no longer makes sense,
 * see {@link #isStillUseful(Instant, Instant, int)}.
 */
@Component("rappelDepotDelegate")
public class RappelDepotDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RappelDepotDelegate.class);

    private final CycleCommunActions actions;

    public RappelDepotDelegate(CycleCommunActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long communId = Variables.communId(execution);
        int joursAvant = joursAvant(execution.getVariable(CycleCommunProcess.VAR_JOURS_AVANT));
        Object value = execution.getVariable(CycleCommunProcess.VAR_DATE_LIMITE_DEPOT);
        if (!(value instanceof Date deadline)) {
            throw new IllegalStateException(
                    "Variable " + CycleCommunProcess.VAR_DATE_LIMITE_DEPOT + " absente ou invalide : " + value);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (plannedBeforePublication(execution, joursAvant)) {
            LOG.info("Rappel J-{} du commun {} non envoyé : idée publiée après la date prévue du rappel", joursAvant, communId);
            return;
        }
        if (!isStillUseful(now, deadline.toInstant(), joursAvant)) {
            LOG.info("Rappel J-{} du commun {} non envoyé : date limite {} trop proche ou passée", joursAvant,
                    communId, deadline.toInstant());
            return;
        }
        actions.remindBeforeDeadline(communId, deadline);
    }

    /**
     * Whether the reminder {@code joursAvant} days before the deadline is still worth sending at {@code now}: not
     * once the deadline has passed, nor when the time left is at most the offset of a later reminder (that one
     * will say it: the J-7 reminder firing 1 day before the deadline is skipped, the J-2 one is sent).
     */
    public static boolean isStillUseful(Instant now, Instant deadline, int joursAvant) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        for (Rappel later : Rappel.values()) {
            if (later.joursAvant() < joursAvant && left.compareTo(Duration.ofDays(later.joursAvant())) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reminder whose planned date was already past when the idea was published fires at once: the people who have
     * just published would be "reminded" of what they just did. Such a reminder is not sent.
     */
    static boolean plannedBeforePublication(DelegateExecution execution, int joursAvant) {
        Object published = execution.getVariable(CycleCommunProcess.VAR_DATE_PUBLICATION);
        for (Rappel rappel : Rappel.values()) {
            if (rappel.joursAvant() == joursAvant && execution.getVariable(rappel.dateVariable()) instanceof Date planned
                    && published instanceof Date start) {
                return planned.before(start);
            }
        }
        return false;
    }

    private static int joursAvant(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,3}")) {
            return Integer.parseInt(text.strip());
        }
        throw new IllegalStateException(
                "Paramètre " + CycleCommunProcess.VAR_JOURS_AVANT + " absent ou invalide : " + value);
    }
}
