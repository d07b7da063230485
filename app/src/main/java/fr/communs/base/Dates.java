package fr.communs.base;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are shown in the Département's time zone, whatever the server's. */
public final class Dates {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** Today in the Département (a server in UTC is still "yesterday" between midnight and 1-2 am in Paris). */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private Dates() {
    }
}
