package fr.communs.processes;

import java.util.ArrayList;
import java.util.List;

/** Fake {@link CycleCommunActions}: returns the configured comité and records closed deposits. */
final class RecordingActions implements CycleCommunActions {

    final List<Long> closedDeposits = new ArrayList<>();
    final List<Long> comiteRequests = new ArrayList<>();
    List<String> comite = List.of();

    @Override
    public void closeDeposit(long communId) {
        closedDeposits.add(communId);
    }

    @Override
    public List<String> comiteMembers(long communId) {
        comiteRequests.add(communId);
        return comite;
    }
}
