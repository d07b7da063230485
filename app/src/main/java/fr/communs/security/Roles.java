package fr.communs.security;

/** The platform's roles (Spring Security authorities are {@code ROLE_} + name). */
public final class Roles {
    public static final String STRUCTURE = "STRUCTURE";
    public static final String AGENT = "AGENT";
    public static final String COMITE = "COMITE";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }

    /** French label of a role, for the UI. */
    public static String label(String role) {
        return switch (role) {
            case STRUCTURE -> "Membre d'une structure";
            case AGENT -> "Agent du Département";
            case COMITE -> "Membre du comité d'accompagnement";
            case ADMIN -> "Administrateur de la plateforme";
            default -> role;
        };
    }
}
