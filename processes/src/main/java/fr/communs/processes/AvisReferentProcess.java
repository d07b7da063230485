package fr.communs.processes;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The "Avis d'un référent thématique" process ({@value #RESOURCE}): an instructeur asks an agent of another direction
 * for an avis on a file; the référent gets a task due at {@value #VAR_DATE_LIMITE_AVIS} and is reminded when late.
 * One instance per request; its business key is the commun's ({@link CycleCommunProcess#businessKey(long)}), so the
 * task shows in "Mes tâches" with the commun's title.
 *
 * <p>Variables: {@value #VAR_AVIS_ID} ({@link Long}, row of {@code avis_referent}), {@value #VAR_COMMUN_ID}
 * ({@link Long}), {@value #VAR_REFERENT} ({@link String}, Camunda id of the référent), {@value #VAR_DATE_LIMITE_AVIS}
 * ({@link Date}), {@value #VAR_CYCLE_RELANCE} ({@link String}, ISO-8601 repeating interval starting at the due date).
 */
public final class AvisReferentProcess {
    public static final String KEY = "Process_AvisReferent";
    public static final String RESOURCE = "bpmn/avis-referent.bpmn";

    public static final String START_AVIS_DEMANDE = "StartEvent_AvisDemande";
    public static final String TASK_DONNER_AVIS = "Task_DonnerAvis";
    public static final String END_AVIS_RENDU = "EndEvent_AvisRendu";
    /** Non-interrupting timer cycle on {@value #TASK_DONNER_AVIS}: from the due date, every {@link #RELANCE_TOUS_LES}. */
    public static final String TIMER_RELANCE_AVIS = "Timer_RelanceAvis";
    public static final String TASK_RELANCER_REFERENT = "Task_RelancerReferent";
    public static final String END_RELANCE_ENVOYEE = "EndEvent_RelanceEnvoyee";

    public static final String VAR_AVIS_ID = "avisId";
    public static final String VAR_COMMUN_ID = CycleCommunProcess.VAR_COMMUN_ID;
    public static final String VAR_REFERENT = "referent";
    public static final String VAR_DATE_LIMITE_AVIS = "dateLimiteAvis";
    public static final String VAR_CYCLE_RELANCE = "cycleRelanceAvis";

    /** How many reminders at most, and how far apart. */
    public static final int RELANCES_MAX = 3;
    public static final Duration RELANCE_TOUS_LES = Duration.ofDays(2);

    private AvisReferentProcess() {
    }

    /** Variables to start the process with. */
    public static Map<String, Object> startVariables(long avisId, long communId, String referentCamundaId,
                                                     Date dateLimite) {
        Objects.requireNonNull(referentCamundaId, "referentCamundaId");
        Objects.requireNonNull(dateLimite, "dateLimite");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_AVIS_ID, avisId);
        variables.put(VAR_COMMUN_ID, communId);
        variables.put(VAR_REFERENT, referentCamundaId);
        variables.put(VAR_DATE_LIMITE_AVIS, dateLimite);
        variables.put(VAR_CYCLE_RELANCE, relanceCycle(dateLimite));
        return variables;
    }

    /**
     * {@code R2/<due date, ISO instant>/PT48H}: the first reminder at the due date, then every 48 hours,
     * {@link #RELANCES_MAX} in all. Camunda fires a cycle with a start date at the start date itself and then repeats
     * it {@code Rn} times, hence {@code RELANCES_MAX - 1} repetitions ({@code R3/…} would remind 4 times).
     */
    public static String relanceCycle(Date dateLimite) {
        return "R" + (RELANCES_MAX - 1) + "/" + DateTimeFormatter.ISO_INSTANT.format(dateLimite.toInstant()) + "/"
                + RELANCE_TOUS_LES;
    }
}
