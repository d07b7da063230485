package fr.communs.processes;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The "Séance du comité d'accompagnement" process ({@value #RESOURCE}): one instance per séance, business key
 * {@code seance-<id>}. Variables: {@value #VAR_SEANCE_ID} ({@link Long}), {@value #VAR_DEBUT_SEANCE} ({@link Date}, due
 * date of "Ouvrir la séance") and {@value #VAR_DATE_RAPPEL_VEILLE} ({@link Date}, when everyone convoked is reminded).
 */
public final class SeanceComiteProcess {
    public static final String KEY = "Process_SeanceComite";
    public static final String RESOURCE = "bpmn/seance-comite.bpmn";

    public static final String START_SEANCE_CREEE = "StartEvent_SeanceCreee";
    public static final String TASK_OUVRIR_SEANCE = "Task_OuvrirSeance";
    public static final String TIMER_RAPPEL_VEILLE = "Timer_RappelVeille";
    public static final String TASK_RAPPELER_VEILLE = "Task_RappelerVeille";
    public static final String END_RAPPEL_VEILLE = "EndEvent_RappelVeilleEnvoye";
    public static final String EVENT_SEANCE_ANNULEE = "Event_SeanceAnnulee";
    public static final String END_SEANCE_ANNULEE = "EndEvent_SeanceAnnulee";
    public static final String TASK_OUVRIR_AUDITIONS = "Task_OuvrirAuditions";
    public static final String TASK_CLORE_SEANCE = "Task_CloreSeance";
    public static final String TASK_CLORE_AUDITIONS = "Task_CloreAuditions";
    public static final String END_SEANCE_CLOSE = "EndEvent_SeanceClose";

    /** Interrupts "Ouvrir la séance": the séance is cancelled before it opened. */
    public static final String MSG_SEANCE_ANNULEE = "SeanceAnnulee";

    public static final String VAR_SEANCE_ID = "seanceId";
    public static final String VAR_DEBUT_SEANCE = "debutSeance";
    public static final String VAR_DATE_RAPPEL_VEILLE = "dateRappelVeille";

    /** How long before the séance the reminder goes. */
    public static final Duration RAPPEL_AVANT = Duration.ofDays(1);

    private static final String BUSINESS_KEY_PREFIX = "seance-";

    private SeanceComiteProcess() {
    }

    public static String businessKey(long seanceId) {
        return BUSINESS_KEY_PREFIX + seanceId;
    }

    public static long seanceIdFromBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalArgumentException("Not a séance business key: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }

    /** Variables to start a séance with, or to set again when its date changes. */
    public static Map<String, Object> dates(long seanceId, Date debut) {
        Objects.requireNonNull(debut, "debut");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SEANCE_ID, seanceId);
        variables.put(VAR_DEBUT_SEANCE, debut);
        variables.put(VAR_DATE_RAPPEL_VEILLE, Date.from(debut.toInstant().minus(RAPPEL_AVANT)));
        return variables;
    }
}
