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
        }
        return this;
    }

    /** Optional text of at most {@code max} characters. */
    public Checks optional(String value, String label, int max) {
        if (value != null && value.length() > max) {
            errors.add("Le champ « " + label + " » ne doit pas dépasser " + max + " caractères.");
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
}
