package fr.communs.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RappelDepotDelegateTest {

    private static final Instant DEADLINE = Instant.parse("2026-04-01T22:00:00Z");

    private static boolean useful(Duration left, int joursAvant) {
        return RappelDepotDelegate.isStillUseful(DEADLINE.minus(left), DEADLINE, joursAvant);
    }

    @Test
    void each_reminder_is_sent_on_its_own_date() {
        assertThat(useful(Duration.ofDays(7), 7)).isTrue();
        assertThat(useful(Duration.ofDays(2), 2)).isTrue();
    }

    @Test
    void a_late_seven_day_reminder_is_still_sent_while_more_than_two_days_are_left() {
        assertThat(useful(Duration.ofDays(5), 7)).isTrue();
        assertThat(useful(Duration.ofDays(2).plusMinutes(1), 7)).isTrue();
    }

    @Test
    void the_seven_day_reminder_is_skipped_when_the_two_day_one_will_say_it() {
        assertThat(useful(Duration.ofDays(2), 7)).as("both due at the same moment: only J-2").isFalse();
        assertThat(useful(Duration.ofDays(1), 7)).isFalse();
        assertThat(useful(Duration.ofHours(1), 7)).isFalse();
    }

    @Test
    void the_last_reminder_is_sent_until_the_deadline() {
        assertThat(useful(Duration.ofDays(1), 2)).isTrue();
        assertThat(useful(Duration.ofMinutes(1), 2)).isTrue();
    }

    @Test
    void no_reminder_once_the_deadline_has_passed() {
        assertThat(useful(Duration.ZERO, 2)).isFalse();
        assertThat(useful(Duration.ofDays(-1), 2)).isFalse();
        assertThat(useful(Duration.ofDays(-1), 7)).isFalse();
    }

    @Test
    void reminder_dates_are_seven_and_two_days_before_the_deadline() {
        var dates = CycleCommunProcess.reminderDates(java.util.Date.from(DEADLINE));

        assertThat(dates).containsOnly(
                java.util.Map.entry(CycleCommunProcess.VAR_DATE_RAPPEL_7_JOURS,
                        java.util.Date.from(DEADLINE.minus(Duration.ofDays(7)))),
                java.util.Map.entry(CycleCommunProcess.VAR_DATE_RAPPEL_2_JOURS,
                        java.util.Date.from(DEADLINE.minus(Duration.ofDays(2)))));
    }
}
