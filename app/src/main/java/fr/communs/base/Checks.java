package fr.communs.base;

import java.util.ArrayList;
import java.util.List;

/** Collects French validation messages for a service method, then throws them all at once. */
public final class Checks {
    private final List<String> errors = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    /** Requires a non-blank text of at most {@code max} characters. */
    public Checks required(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            errors.add("Le champ « " + label + " » est obligatoire.");
        } else if (value.length() > max) {
            errors.add("Le champ « " + label + " » ne doit pas dépasser " + max + " caractères.");
        } else {
            controlCharacters(value, label);
        }
        return this;
    }

    /**
     * Control characters other than tabulation and line breaks (the NUL character above all, which PostgreSQL refuses
     * in a text) never come from typing: refused with a French message rather than failing in the database.
     */
    private void controlCharacters(String value, String label) {
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
            errors.add("Le champ « " + label + " » contient un caractère de contrôle invisible (copié d'un autre "
                    + "logiciel) : retirez-le puis enregistrez de nouveau.");
        }
    }

    /** Optional text of at most {@code max} characters. */
    public Checks optional(String value, String label, int max) {
        if (value != null && value.length() > max) {
            errors.add("Le champ « " + label + " » ne doit pas dépasser " + max + " caractères.");
        } else if (value != null) {
            controlCharacters(value, label);
        }
        return this;
    }

    public Checks notNull(Object value, String label) {
        if (value == null) {
            errors.add("Le champ « " + label + " » est obligatoire.");
        }
        return this;
    }

    public Checks check(boolean ok, String message) {
        if (!ok) {
            errors.add(message);
        }
        return this;
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** An absolute http(s) address with a host: what the platform accepts as a link to show to others. */
    public static boolean isWebLink(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Trims a text, turning blank into null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Earliest date a person may type anywhere on the platform (the appel did not exist before). */
    public static final java.time.LocalDate DATE_MIN = java.time.LocalDate.of(2000, 1, 1);

    /**
     * A date a person may really have meant: from {@link #DATE_MIN} to five years from today (a typo such as 0001 or
     * 9999 is refused instead of being stored). A {@code null} date passes (combine with {@link #notNull}).
     */
    public Checks plausibleDate(java.time.LocalDate value, String label) {
        if (value != null && (value.isBefore(DATE_MIN) || value.isAfter(Dates.today().plusYears(5)))) {
            errors.add("Le champ « " + label + " » doit être une date comprise entre 2000 et dans cinq ans au plus : "
                    + "vérifiez l'année saisie.");
        }
        return this;
    }
}
