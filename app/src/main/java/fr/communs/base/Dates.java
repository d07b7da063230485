package fr.communs.base;

import java.time.ZoneId;

/** Dates are shown in the Département's time zone, whatever the server's. */
public final class Dates {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Dates() {
    }
}
