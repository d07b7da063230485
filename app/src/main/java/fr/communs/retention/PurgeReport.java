package fr.communs.retention;

/**
 * What one purge did. {@code done} is false when another node was purging at the same time (nothing was done here).
 */
public record PurgeReport(boolean done, int comptesAvertis, int comptesAnonymises, int messages, int pieces,
                          int notifications, int courriels, int jetons) {

    static PurgeReport notDone() {
        return new PurgeReport(false, 0, 0, 0, 0, 0, 0, 0);
    }

    public int total() {
        return comptesAvertis + comptesAnonymises + messages + pieces + notifications + courriels + jetons;
    }
}
