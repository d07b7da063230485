package fr.communs.security;

/** The platform's roles (Spring Security authorities are {@code ROLE_} + name). */
public final class Roles {
    public static final String STRUCTURE = "STRUCTURE";
    /** An agent of the service that runs the appel (Innovation sociale et solidaire): the whole back office. */
    public static final String AGENT = "AGENT";
    /**
     * An agent of another direction (culture, environnement…) asked for an avis: reads only the files on which their
     * avis was asked and answers their avis tasks (see {@code DossierAccess}).
     */
    public static final String REFERENT = "REFERENT";
    public static final String COMITE = "COMITE";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }

    /** French label of a role, for the UI. */
    public static String label(String role) {
        return switch (role) {
            case STRUCTURE -> "Membre d'une structure";
            case AGENT -> "Agent du Département";
            case REFERENT -> "Référent thématique (autre direction)";
            case COMITE -> "Membre du comité d'accompagnement";
            case ADMIN -> "Administrateur de la plateforme";
            default -> role;
        };
    }
}
