package fr.communs.piece;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Sizes of files as people read them in French: "850 o", "12 Ko", "12,3 Mo" (1 Ko = 1 024 octets). */
public final class Tailles {
    private static final long KO = 1024;
    private static final long MO = 1024 * 1024;

    private Tailles() {
    }

    public static String texte(long octets) {
        if (octets < KO) {
            return octets + " o";
        }
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        if (octets < MO) {
            return format.format(octets / (double) KO) + " Ko";
        }
        return format.format(octets / (double) MO) + " Mo";
    }
}
