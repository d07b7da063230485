package fr.communs.structure;

/** Checks of the French company and association identifiers. */
public final class Identifiants {
    private static final String SIREN_LA_POSTE = "356000000";
    /** La Poste's head office, registered before the exception: its number follows the Luhn key like any other. */
    private static final String SIRET_SIEGE_LA_POSTE = "35600000000048";

    private Identifiants() {
    }

    /**
     * A SIRET is 14 digits passing the Luhn check. Exception: La Poste's establishments (SIREN 356 000 000) are too
     * many for the Luhn key; theirs follow only La Poste's own rule (the 14 digits add up to a multiple of 5), so a
     * La Poste number that happens to pass Luhn but not that rule is refused. The head office (356 000 000 00048),
     * numbered before the exception, keeps the Luhn key (as INSEE's register and python-stdnum have it).
     */
    public static boolean siretValide(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(SIREN_LA_POSTE) && !siret.equals(SIRET_SIEGE_LA_POSTE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    /** RNA number of an association: W followed by 9 characters (digits; 2A / 2B for Corsica). */
    public static boolean rnaValide(String rna) {
        return rna != null && rna.matches("W(\\d{9}|2[AB]\\d{7})");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** Removes spaces and dots people type in identifiers ("362 521 879 00034"). */
    public static String compact(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[\\s.\\u00a0]", "").toUpperCase();
        return v.isEmpty() ? null : v;
    }
}
