package fr.communs.task;

import fr.communs.processes.CycleCommunProcess;
import java.util.Map;

/** Route of the Vaadin screen of each user task (each view declares {@code @Route(PREFIX + "/:taskId")}). */
public final class TaskScreens {
    public static final String MES_TACHES = "taches";
    public static final String GROUPEMENT = "taches/groupement";
    public static final String INSTRUCTION = "taches/instruction";
    public static final String COMPLEMENTS = "taches/complements";
    public static final String AUDITION = "taches/audition";
    public static final String AVIS_COMITE = "taches/avis-comite";
    /** A member scores an audition at a séance. */
    public static final String NOTATION = "taches/notation";
    /** An agent records the comité's avis at a séance. */
    public static final String AVIS_SEANCE = "taches/avis-seance";
    /** The séance's own tasks (open, close) are done from the séance's page: {@code seances/<seanceId>}. */
    public static final String SEANCES = "seances";
    public static final String VOTE_ASSEMBLEE = "taches/vote-assemblee";
    public static final String LIVRABLE = "taches/livrable";
    /** The référent's avis on a file (process {@link fr.communs.processes.AvisReferentProcess}). */
    public static final String AVIS_REFERENT = "taches/avis";
    /** The agents' back office: list of files, and one file ({@code dossiers/<communId>}). */
    public static final String DOSSIERS = "dossiers";

    private static final Map<String, String> BY_TASK = Map.ofEntries(
            Map.entry(CycleCommunProcess.TASK_NOTER_SEANCE, NOTATION),
            Map.entry(CycleCommunProcess.TASK_AVIS_SEANCE, AVIS_SEANCE),
            Map.entry(CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT, GROUPEMENT),
            Map.entry(CycleCommunProcess.TASK_INSTRUIRE, INSTRUCTION),
            Map.entry(CycleCommunProcess.TASK_COMPLETER_DOSSIER, COMPLEMENTS),
            Map.entry(CycleCommunProcess.TASK_NOTER_AUDITION, AUDITION),
            Map.entry(CycleCommunProcess.TASK_AVIS_COMITE, AVIS_COMITE),
            Map.entry(CycleCommunProcess.TASK_VOTE_ASSEMBLEE, VOTE_ASSEMBLEE),
            Map.entry(CycleCommunProcess.TASK_DEPOSER_LIVRABLE, LIVRABLE),
            Map.entry(fr.communs.processes.AvisReferentProcess.TASK_DONNER_AVIS, AVIS_REFERENT));

    private TaskScreens() {
    }

    /** The URL path of the screen for a task. */
    public static String pathOf(String taskDefinitionKey, String taskId) {
        String prefix = BY_TASK.get(taskDefinitionKey);
        if (prefix == null) {
            throw new IllegalArgumentException("Aucun écran pour la tâche " + taskDefinitionKey);
        }
        return prefix + "/" + taskId;
    }

    static boolean hasScreen(String taskDefinitionKey) {
        return BY_TASK.containsKey(taskDefinitionKey);
    }
}
