package fr.communs.processes;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "Cycle d'un commun" process ({@value #RESOURCE}): its key, element ids, variable names and
 * typed helpers to build the variables the process expects.
 *
 * <p>Variables (ids and routing flags only, the data lives in the application's tables):
 * <ul>
 *   <li>{@value #VAR_COMMUN_ID}: {@link Long}, the commun's id;</li>
 *   <li>{@value #VAR_PORTEUR_GROUP}: {@link String}, candidate group of the porteur's tasks
 *       ({@link #structureGroup(long)});</li>
 *   <li>{@value #VAR_DATE_LIMITE_DEPOT}: {@link Date}, deposit deadline (timer and due date);</li>
 *   <li>{@value #VAR_DATE_RAPPEL_7_JOURS}, {@value #VAR_DATE_RAPPEL_2_JOURS}: {@link Date}, when the members
 *       of a file not yet transmitted are reminded of the deadline ({@link #reminderDate(Date, int)});</li>
 *   <li>{@value #VAR_JOURS_AVANT}: {@link Long}, input parameter of each reminder task (7 or 2);</li>
 *   <li>{@value #VAR_DECISION_INSTRUCTION}: {@link String}, a {@link DecisionInstruction} name;</li>
 *   <li>{@value #VAR_MEMBRES_COMITE}: {@code ArrayList<String>} of user ids, set by the process;</li>
 *   <li>{@value #VAR_DATE_AUDITION}, {@value #VAR_DATE_AVIS_COMITE}: {@link Date}, due dates of "Noter l'audition"
 *       and "Enregistrer l'avis du comité", set at the convocation ({@link #comiteDates(Date, Date)});</li>
 *   <li>{@value #VAR_MEMBRE_COMITE}: {@link String}, local to each "Noter l'audition" instance;</li>
 *   <li>{@value #VAR_RESULTAT_VOTE}: {@link String}, a {@link ResultatVote} name.</li>
 * </ul>
 */
public final class CycleCommunProcess {

    public static final String KEY = "Process_CycleCommun";
    public static final String RESOURCE = "bpmn/cycle-commun.bpmn";

    public static final String START_IDEE_DEPOSEE = "StartEvent_IdeeDeposee";
    public static final String TASK_CONSTITUER_GROUPEMENT = "Task_ConstituerGroupement";
    public static final String TIMER_FIN_DEPOT = "Timer_FinDepot";
    public static final String TASK_CLORE_DEPOT = "Task_CloreDepot";
    public static final String END_DEPOT_CLOS = "EndEvent_DepotClos";
    public static final String TIMER_RAPPEL_7_JOURS = "Timer_Rappel7Jours";
    public static final String TASK_RAPPELER_MEMBRES_7_JOURS = "Task_RappelerMembres7Jours";
    public static final String END_RAPPEL_7_JOURS_ENVOYE = "EndEvent_Rappel7JoursEnvoye";
    public static final String TIMER_RAPPEL_2_JOURS = "Timer_Rappel2Jours";
    public static final String TASK_RAPPELER_MEMBRES_2_JOURS = "Task_RappelerMembres2Jours";
    public static final String END_RAPPEL_2_JOURS_ENVOYE = "EndEvent_Rappel2JoursEnvoye";
    public static final String TASK_INSTRUIRE = "Task_Instruire";
    public static final String GATEWAY_RECEVABLE = "Gateway_Recevable";
    public static final String TASK_COMPLETER_DOSSIER = "Task_CompleterDossier";
    public static final String END_NON_RECEVABLE = "EndEvent_NonRecevable";
    /** Non-interrupting timer on {@value #TASK_COMPLETER_DOSSIER}: reminds the porteur before the due date. */
    public static final String TIMER_RAPPEL_COMPLEMENTS = "Timer_RappelComplements";
    public static final String TASK_RAPPELER_COMPLEMENTS = "Task_RappelerComplements";
    public static final String END_RAPPEL_COMPLEMENTS = "EndEvent_RappelComplementsEnvoye";
    /** Old definitions only (before the séances): files already there finish on them ({@code comite.ComiteService}). */
    public static final String TASK_CONVOQUER_COMITE = "Task_ConvoquerComite";
    /** Old definitions only: one "Noter l'audition" task per comité member, without séance. */
    public static final String TASK_NOTER_AUDITION = "Task_NoterAudition";
    /** Old definitions only: "Enregistrer l'avis du comité" without séance. */
    public static final String TASK_AVIS_COMITE = "Task_AvisComite";
    /** Receive task: the recevable file waits to be put on a séance ({@value #MSG_CONVOQUE}). */
    public static final String TASK_ATTENDRE_SEANCE = "Task_AttendreSeance";
    /** Receive task: the file is convoqué and waits for its séance to open ({@value #MSG_AUDITION_OUVERTE}). */
    public static final String TASK_ATTENDRE_AUDITION = "Task_AttendreAudition";
    /** Interrupting message boundary on {@value #TASK_ATTENDRE_AUDITION} ({@value #MSG_RETIRE_DE_SEANCE}). */
    public static final String EVENT_RETIRE_DE_SEANCE = "Event_RetireDeSeance";
    /** "Noter l'audition": one task per present, non-recused member (multi-instance over {@value #VAR_MEMBRES_COMITE}). */
    public static final String TASK_NOTER_SEANCE = "Task_NoterSeance";
    /** "Enregistrer l'avis du comité" in séance, routed by {@value #GATEWAY_AVIS_COMITE} on {@value #VAR_AVIS_COMITE}. */
    public static final String TASK_AVIS_SEANCE = "Task_AvisSeance";
    public static final String GATEWAY_AVIS_COMITE = "Gateway_AvisComite";
    /** Receive task: the avis is recorded, scores can be corrected until the séance closes ({@value #MSG_SEANCE_CLOSE}). */
    public static final String TASK_ATTENDRE_CLOTURE = "Task_AttendreCloture";
    public static final String TASK_VOTE_ASSEMBLEE = "Task_VoteAssemblee";
    public static final String GATEWAY_VOTE = "Gateway_Vote";
    public static final String TASK_DEPOSER_LIVRABLE = "Task_DeposerLivrable";
    public static final String END_LAUREAT = "EndEvent_Laureat";
    public static final String END_REJETE = "EndEvent_Rejete";

    public static final String VAR_COMMUN_ID = "communId";
    /** {@link Date} the idea was published (the process started): a reminder planned before it is not sent. */
    public static final String VAR_DATE_PUBLICATION = "datePublication";
    public static final String VAR_PORTEUR_GROUP = "porteurGroup";
    public static final String VAR_DATE_LIMITE_DEPOT = "dateLimiteDepot";
    public static final String VAR_DATE_RAPPEL_7_JOURS = "dateRappel7Jours";
    public static final String VAR_DATE_RAPPEL_2_JOURS = "dateRappel2Jours";
    public static final String VAR_JOURS_AVANT = "joursAvant";
    public static final String VAR_DECISION_INSTRUCTION = "decisionInstruction";
    public static final String VAR_MEMBRES_COMITE = "membresComite";
    /**
     * {@link String}, Camunda id of the agent who instructs the file (absent until someone takes it):
     * "Instruire le dossier" is assigned to them, so a file coming back from the compléments returns to them.
     */
    public static final String VAR_INSTRUCTEUR = "instructeur";
    /** {@link Date}, due date of "Compléter le dossier", chosen by the instructeur. */
    public static final String VAR_DATE_LIMITE_COMPLEMENTS = "dateLimiteComplements";
    /** {@link Date}, when the porteur is reminded of the compléments ({@link #complementsReminderDate}). */
    public static final String VAR_DATE_RAPPEL_COMPLEMENTS = "dateRappelComplements";
    public static final String VAR_MEMBRE_COMITE = "membreComite";
    /** {@link Date}, due date of every "Noter l'audition" task: the comité's day ({@link #comiteDates}). */
    public static final String VAR_DATE_AUDITION = "dateAudition";
    /** {@link Date}, due date of "Enregistrer l'avis du comité": shortly after the comité ({@link #comiteDates}). */
    public static final String VAR_DATE_AVIS_COMITE = "dateAvisComite";
    /** Time the agents have, after the comité, to record its avis. */
    public static final Duration AVIS_APRES_COMITE = Duration.ofDays(7);
    /** Time the comité's members have to note the audition when no comité date is planned (or it is past). */
    public static final Duration AUDITION_SANS_DATE_DE_COMITE = Duration.ofDays(14);
    public static final String VAR_RESULTAT_VOTE = "resultatVote";

    /*
     * Comité séances (issue 12). A recevable file waits for a séance; the séance's own process correlates these
     * messages to the file's cycle (business key {@link #businessKey}).
     */
    /** The file is put on a séance's agenda (it is "convoqué"); carries {@link #VAR_SEANCE_ID}, {@link #VAR_DATE_AUDITION}, {@link #VAR_DATE_AVIS_COMITE}. */
    public static final String MSG_CONVOQUE = "CommunConvoque";
    /** The séance opened with quorum for this file: carries {@link #VAR_MEMBRES_COMITE} (present, non-recused members). */
    public static final String MSG_AUDITION_OUVERTE = "AuditionOuverte";
    /** The file was taken off its séance's agenda before the séance (ajourné before the audition): it waits again. */
    public static final String MSG_RETIRE_DE_SEANCE = "CommunRetireDeSeance";
    /** The file's séance closed (after its avis): the file goes to the Assemblée. */
    public static final String MSG_SEANCE_CLOSE = "SeanceClose";
    /** {@link Long}, id of the séance the file is on. */
    public static final String VAR_SEANCE_ID = "seanceId";
    /**
     * {@link String}, the comité's avis, set when "Enregistrer l'avis du comité" is completed: a name of
     * {@code AvisComite.Avis} (FAVORABLE, RESERVE, DEFAVORABLE) or {@value #AVIS_AJOURNE} (back to waiting for a séance).
     */
    public static final String VAR_AVIS_COMITE = "avisComite";
    public static final String AVIS_AJOURNE = "AJOURNE";
    /** Local variable set when a member's "Noter l'audition" task is closed without a score (deactivated, recused). */
    public static final String VAR_NOTATION_RETIREE = "notationRetiree";

    /** Candidate group of the agents' tasks (instruction, avis, vote). */
    public static final String GROUP_AGENTS = "agents";

    /** Ordered user-visible steps, for the applicant's progress view. */
    public static final List<String> MILESTONES = List.of(
            START_IDEE_DEPOSEE,
            TASK_CONSTITUER_GROUPEMENT,
            TASK_INSTRUIRE,
            TASK_ATTENDRE_SEANCE,
            TASK_NOTER_SEANCE,
            TASK_AVIS_SEANCE,
            TASK_VOTE_ASSEMBLEE,
            TASK_DEPOSER_LIVRABLE,
            END_LAUREAT);

    /**
     * The comité's steps of the old definitions (without séances) → the step of the current one they stand for, so a
     * file that went through the old comité shows its dates on the same milestones.
     */
    public static final Map<String, String> ANCIENNES_ETAPES = Map.of(
            TASK_CONVOQUER_COMITE, TASK_ATTENDRE_SEANCE,
            TASK_NOTER_AUDITION, TASK_NOTER_SEANCE,
            TASK_AVIS_COMITE, TASK_AVIS_SEANCE);

    /**
     * The reminders before the deposit deadline, latest last: days before the deadline → boundary timer id and
     * date variable. Each timer is non-interrupting and leads to a "Rappeler l'échéance aux membres" task.
     */
    public enum Rappel {
        J7(7, TIMER_RAPPEL_7_JOURS, TASK_RAPPELER_MEMBRES_7_JOURS, END_RAPPEL_7_JOURS_ENVOYE, VAR_DATE_RAPPEL_7_JOURS),
        J2(2, TIMER_RAPPEL_2_JOURS, TASK_RAPPELER_MEMBRES_2_JOURS, END_RAPPEL_2_JOURS_ENVOYE, VAR_DATE_RAPPEL_2_JOURS);

        private final int joursAvant;
        private final String timerId;
        private final String taskId;
        private final String endId;
        private final String dateVariable;

        Rappel(int joursAvant, String timerId, String taskId, String endId, String dateVariable) {
            this.joursAvant = joursAvant;
            this.timerId = timerId;
            this.taskId = taskId;
            this.endId = endId;
            this.dateVariable = dateVariable;
        }

        public int joursAvant() {
            return joursAvant;
        }

        /** The non-interrupting boundary timer on {@value CycleCommunProcess#TASK_CONSTITUER_GROUPEMENT}. */
        public String timerId() {
            return timerId;
        }

        public String taskId() {
            return taskId;
        }

        public String endId() {
            return endId;
        }

        /** The {@link Date} variable the timer's {@code timeDate} reads. */
        public String dateVariable() {
            return dateVariable;
        }
    }

    /**
     * Element ids of the reminder branches (timers, tasks, end events): side branches that never change where
     * the file stands in the cycle.
     */
    public static final List<String> REMINDER_ELEMENTS = List.of(
            TIMER_RAPPEL_7_JOURS, TASK_RAPPELER_MEMBRES_7_JOURS, END_RAPPEL_7_JOURS_ENVOYE,
            TIMER_RAPPEL_2_JOURS, TASK_RAPPELER_MEMBRES_2_JOURS, END_RAPPEL_2_JOURS_ENVOYE,
            TIMER_RAPPEL_COMPLEMENTS, TASK_RAPPELER_COMPLEMENTS, END_RAPPEL_COMPLEMENTS);

    private static final String BUSINESS_KEY_PREFIX = "commun-";
    private static final String STRUCTURE_GROUP_PREFIX = "structure-";

    /** Outcome of "Instruire le dossier", routed by {@value #GATEWAY_RECEVABLE}. */
    public enum DecisionInstruction { RECEVABLE, COMPLEMENTS, NON_RECEVABLE }

    /** Outcome of "Enregistrer le vote de l'Assemblée", routed by {@value #GATEWAY_VOTE}. */
    public enum ResultatVote { ADOPTE, REJETE, AJOURNE }

    private CycleCommunProcess() {
    }

    /** Business key of the process instance of a commun: {@code commun-<id>}. */
    public static String businessKey(long communId) {
        return BUSINESS_KEY_PREFIX + communId;
    }

    /** Inverse of {@link #businessKey(long)}. */
    public static long communIdFromBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalArgumentException("Not a commun business key: " + businessKey);
        }
        try {
            return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a commun business key: " + businessKey, e);
        }
    }

    /** Candidate group of the users of a structure: {@code structure-<id>}. */
    public static String structureGroup(long structureId) {
        return STRUCTURE_GROUP_PREFIX + structureId;
    }

    /** Variables to start the process with. */
    public static Map<String, Object> startVariables(long communId, long porteurStructureId, Date dateLimiteDepot) {
        Objects.requireNonNull(dateLimiteDepot, "dateLimiteDepot");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_COMMUN_ID, communId);
        variables.put(VAR_PORTEUR_GROUP, structureGroup(porteurStructureId));
        variables.put(VAR_DATE_LIMITE_DEPOT, dateLimiteDepot);
        variables.putAll(reminderDates(dateLimiteDepot));
        variables.put(VAR_DATE_PUBLICATION, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());   // the engine clock
        return variables;
    }

    /**
     * Starts a new cycle for a file whose deposit was closed by the deadline, once an administrator has set a deadline
     * still to come and reopened the deposit: same business key and variables as a publication
     * ({@link #startVariables}), but placed directly at {@value #TASK_CONSTITUER_GROUPEMENT} (the idea is already
     * published), so the deadline timer, the reminder timers and the task's due date follow {@code dateLimiteDepot}.
     * A reminder planned before now is not sent ({@value #VAR_DATE_PUBLICATION} is now).
     */
    public static org.camunda.bpm.engine.runtime.ProcessInstance reopenDeposit(org.camunda.bpm.engine.RuntimeService runtime,
                                                                              long communId, long porteurStructureId,
                                                                              Date dateLimiteDepot) {
        return runtime.createProcessInstanceByKey(KEY).businessKey(businessKey(communId))
                .setVariables(startVariables(communId, porteurStructureId, dateLimiteDepot))
                .startBeforeActivity(TASK_CONSTITUER_GROUPEMENT)
                .execute();
    }

    /**
     * The reminder date variables for a deadline ({@link Rappel#dateVariable()} → {@link #reminderDate(Date, int)}),
     * to start the process with or to set again when the deadline moves.
     */
    public static Map<String, Object> reminderDates(Date dateLimiteDepot) {
        Objects.requireNonNull(dateLimiteDepot, "dateLimiteDepot");
        Map<String, Object> variables = new HashMap<>();
        for (Rappel rappel : Rappel.values()) {
            variables.put(rappel.dateVariable(), reminderDate(dateLimiteDepot, rappel.joursAvant()));
        }
        return variables;
    }

    /**
     * When to remind: {@code joursAvant} times 24 hours before the deadline (an hour off the wall-clock time
     * across a daylight-saving change, which does not matter for a reminder). A date already past fires at
     * once; the reminder task then decides whether it is still worth sending
     * ({@link RappelDepotDelegate#isStillUseful}).
     */
    public static Date reminderDate(Date dateLimiteDepot, int joursAvant) {
        return Date.from(dateLimiteDepot.toInstant().minus(Duration.ofDays(joursAvant)));
    }

    /** Variables to complete "Instruire le dossier" with. */
    public static Map<String, Object> decision(DecisionInstruction decision) {
        return Map.of(VAR_DECISION_INSTRUCTION, decision.name());
    }

    /**
     * Variables to complete "Instruire le dossier" with a request for compléments due {@code dateLimite}; the
     * reminder date is computed from {@code now} ({@link #complementsReminderDate}).
     */
    public static Map<String, Object> complements(Date now, Date dateLimite) {
        Objects.requireNonNull(dateLimite, "dateLimite");
        Map<String, Object> variables = new HashMap<>(decision(DecisionInstruction.COMPLEMENTS));
        variables.put(VAR_DATE_LIMITE_COMPLEMENTS, dateLimite);
        variables.put(VAR_DATE_RAPPEL_COMPLEMENTS, complementsReminderDate(now, dateLimite));
        return variables;
    }

    /**
     * When to remind the porteur of the compléments: 3 days before the due date, or half-way between now and the
     * due date when that is sooner than 3 days away from now (never in the past).
     */
    public static Date complementsReminderDate(Date now, Date dateLimite) {
        java.time.Instant start = now.toInstant();
        java.time.Instant due = dateLimite.toInstant();
        if (!due.isAfter(start)) {
            return Date.from(start);
        }
        java.time.Instant threeDaysBefore = due.minus(Duration.ofDays(3));
        java.time.Instant halfWay = start.plus(Duration.between(start, due).dividedBy(2));
        return Date.from(threeDaysBefore.isAfter(halfWay) ? threeDaysBefore : halfWay);
    }

    /**
     * Due dates of the comité's tasks, set when the comité is convoked at {@code now}: "Noter l'audition" is due on
     * the comité's day ({@code dateComite}, the end of that day as the application computes it) and "Enregistrer
     * l'avis du comité" {@link #AVIS_APRES_COMITE} later. Without a comité date still to come (none planned, or the
     * comité already met), the audition is due {@link #AUDITION_SANS_DATE_DE_COMITE} from now, as before.
     */
    public static Map<String, Object> comiteDates(Date now, Date dateComite) {
        Objects.requireNonNull(now, "now");
        Date audition = dateComite != null && dateComite.after(now) ? dateComite
                : Date.from(now.toInstant().plus(AUDITION_SANS_DATE_DE_COMITE));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DATE_AUDITION, audition);
        variables.put(VAR_DATE_AVIS_COMITE, avisComiteDate(audition));
        return variables;
    }

    /** Due date of "Enregistrer l'avis du comité" for an audition due {@code dateAudition}. */
    public static Date avisComiteDate(Date dateAudition) {
        return Date.from(dateAudition.toInstant().plus(AVIS_APRES_COMITE));
    }

    /** Variables the séance sends with {@value #MSG_CONVOQUE}: the séance and the due dates of its tasks. */
    public static Map<String, Object> convocation(long seanceId, Date debutSeance) {
        Objects.requireNonNull(debutSeance, "debutSeance");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SEANCE_ID, seanceId);
        variables.put(VAR_DATE_AUDITION, debutSeance);
        variables.put(VAR_DATE_AVIS_COMITE, avisComiteDate(debutSeance));
        return variables;
    }

    /** Variables the séance sends with {@value #MSG_AUDITION_OUVERTE}: the members who score (Camunda user ids). */
    public static Map<String, Object> auditionOuverte(List<String> membres) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_MEMBRES_COMITE, new java.util.ArrayList<>(membres));
        return variables;
    }

    /** Variables to complete "Enregistrer l'avis du comité" (séance) with: an avis name or {@value #AVIS_AJOURNE}. */
    public static Map<String, Object> avisComite(String avis) {
        return Map.of(VAR_AVIS_COMITE, Objects.requireNonNull(avis, "avis"));
    }

    /** Variable to set when an agent takes or is given the file ({@code null} to release it). */
    public static Map<String, Object> instructeur(String camundaUserId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_INSTRUCTEUR, camundaUserId);
        return variables;
    }

    /** Variables to complete "Enregistrer le vote de l'Assemblée" with. */
    public static Map<String, Object> vote(ResultatVote resultat) {
        return Map.of(VAR_RESULTAT_VOTE, resultat.name());
    }
}
