package fr.communs.processes;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Fake {@link CycleCommunActions}: returns the configured comité and records closed deposits and reminders. */
final class RecordingActions implements CycleCommunActions {

    /** One call of {@link #remindBeforeDeadline(long, Date)}. */
    record Reminder(long communId, Date deadline) {
    }

    final List<Long> closedDeposits = new ArrayList<>();
    final List<Long> comiteRequests = new ArrayList<>();
    final List<Reminder> reminders = new ArrayList<>();
    List<String> comite = List.of();

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
}
