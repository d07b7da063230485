package fr.communs.comite.seance;

/**
 * What happens to a séance, published by the séance service (Spring {@code ApplicationEventPublisher}) inside the
 * transaction of the action. Listeners ({@code @EventListener}, synchronous) send the convocations, updates,
 * cancellations and reminders (notification + e-mail + iCalendar): if the action rolls back, nothing is sent.
 */
public final class SeanceEvents {
    private SeanceEvents() {
    }

    /** The agent closed the séance: its files with an avis go on to the Assemblée ({@code communIds}). */
    public record SeanceClose(long seanceId, java.util.List<Long> communIds) {
    }

    /** The agent convoked the séance: every active member and every groupement on its agenda is convoked. */
    public record SeanceConvoquee(long seanceId) {
    }

    /** A file was added to an already convoked séance: its groupement is convoked. */
    public record AuditionAjoutee(long seanceId, long communId) {
    }

    /** The date, time, place or link of a convoked séance changed: everyone convoked gets an update. */
    public record SeanceModifiee(long seanceId) {
    }

    /** The slot of a file on a convoked séance changed: its groupement gets an update. */
    public record CreneauModifie(long seanceId, long communId) {
    }

    /**
     * A file was taken off a séance before its audition (ajourné), with the reason told to its groupement; moved to
     * {@code versSeanceId} when not {@code null} (then convoked there), otherwise back to the files waiting for a séance.
     */
    public record AuditionRetiree(long seanceId, long communId, String motif, Long versSeanceId) {
    }

    /** The day before the séance: every member and groupement convoked is reminded. */
    public record RappelVeille(long seanceId) {
    }

    /** A convoked séance was cancelled before it opened: everyone convoked is told (calendar cancellation). */
    public record SeanceAnnulee(long seanceId, String motif) {
    }
}
