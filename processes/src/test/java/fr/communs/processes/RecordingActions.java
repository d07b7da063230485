package fr.communs.processes;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Fake {@link CycleCommunActions}, {@link InstructionActions}, {@link AvisReferentActions} and {@link SeanceActions}:
 * returns the configured comité and records every call.
 */
final class RecordingActions implements CycleCommunActions, InstructionActions, AvisReferentActions, SeanceActions {

    /** One call of {@link #remindBeforeDeadline(long, Date)} or {@link #remindComplements(long, Date)}. */
    record Reminder(long communId, Date deadline) {
    }

    final List<Long> closedDeposits = new ArrayList<>();
    final List<Long> comiteRequests = new ArrayList<>();
    final List<Reminder> reminders = new ArrayList<>();
    final List<Reminder> complementsReminders = new ArrayList<>();
    final List<Long> referentReminders = new ArrayList<>();
    /** Séance ids, one per call of {@link #openAuditions(long)}. */
    final List<Long> openedAuditions = new ArrayList<>();
    /** Séance ids, one per call of {@link #closeAuditions(long)}. */
    final List<Long> closedAuditions = new ArrayList<>();
    /** Séance ids, one per call of {@link #remindDayBefore(long)}. */
    final List<Long> dayBeforeReminders = new ArrayList<>();
    /** When set, thrown by {@link #openAuditions(long)} and {@link #closeAuditions(long)} (nothing recorded). */
    RuntimeException seanceFailure;
    List<String> comite = List.of();
    /** What {@link #comiteDate(long)} answers (no comité date by default). */
    Date comiteDate;

    @Override
    public void closeDeposit(long communId) {
        closedDeposits.add(communId);
    }

    @Override
    public void remindBeforeDeadline(long communId, Date deadline) {
        reminders.add(new Reminder(communId, deadline));
    }

    @Override
    public List<String> comiteMembers(long communId) {
        comiteRequests.add(communId);
        return comite;
    }

    @Override
    public Date comiteDate(long communId) {
        return comiteDate;
    }

    @Override
    public void remindComplements(long communId, Date dateLimite) {
        complementsReminders.add(new Reminder(communId, dateLimite));
    }

    @Override
    public void remindReferent(long avisId) {
        referentReminders.add(avisId);
    }

    @Override
    public void openAuditions(long seanceId) {
        if (seanceFailure != null) {
            throw seanceFailure;
        }
        openedAuditions.add(seanceId);
    }

    @Override
    public void closeAuditions(long seanceId) {
        if (seanceFailure != null) {
            throw seanceFailure;
        }
        closedAuditions.add(seanceId);
    }

    @Override
    public void remindDayBefore(long seanceId) {
        dayBeforeReminders.add(seanceId);
    }
}
