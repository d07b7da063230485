package fr.communs.demo.internal;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data only: séances are created for a date to come (as an agent must), then moved back in time so that the demo
 * shows a séance held weeks ago and one held today.
 */
@Repository
@Profile("demo")
public class JooqDemoSeances {
    private final DSLContext dsl;

    JooqDemoSeances(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Moves the séance and its audition slots {@code jours} days back; with {@code tout}, its opening and close too. */
    @Transactional
    public void decaler(long seanceId, int jours, boolean tout) {
        dsl.execute("update app.seance set debut = debut - make_interval(days => ?)"
                + (tout ? ", ouverte_le = ouverte_le - make_interval(days => ?), close_le = close_le - make_interval(days => ?)"
                        : "") + " where seance_id = ?",
                tout ? new Object[] {jours, jours, jours, seanceId} : new Object[] {jours, seanceId});
        dsl.execute("update app.seance_audition set debut = debut - make_interval(days => ?) where seance_id = ?", jours, seanceId);
    }
}
