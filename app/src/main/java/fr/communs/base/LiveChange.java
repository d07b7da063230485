package fr.communs.base;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something changed that the open pages of some people may show (a notification arrived, a groupement changed).
 * Services publish it as a Spring event inside their transaction; it reaches the open pages of the people concerned
 * only once the transaction is committed (see {@code fr.communs.layout.LiveUpdates}). It names who is concerned
 * (accounts, or every member of some structures) and, when there is one, the commun concerned.
 */
public record LiveChange(Set<Long> accountIds, Set<Long> structureIds, Long communId) {

    public LiveChange {
        accountIds = Set.copyOf(accountIds);
        structureIds = Set.copyOf(structureIds);
    }

    /** These accounts have something new (for example a notification). */
    public static LiveChange forAccounts(Collection<Long> accountIds) {
        return new LiveChange(clean(accountIds), Set.of(), null);
    }

    /** A commun changed for the members of these structures. */
    public static LiveChange ofCommun(long communId, Collection<Long> structureIds) {
        return new LiveChange(Set.of(), clean(structureIds), communId);
    }

    /** Whether the person (an account and the structures it belongs to) is concerned. */
    public boolean concerns(long accountId, Collection<Long> structuresOfAccount) {
        return accountIds.contains(accountId) || structuresOfAccount.stream().anyMatch(structureIds::contains);
    }

    /** Whether it is about this commun. */
    public boolean about(long commun) {
        return communId != null && communId == commun;
    }

    private static Set<Long> clean(Collection<Long> ids) {
        return ids.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
