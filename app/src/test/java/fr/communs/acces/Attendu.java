package fr.communs.acces;

/** What a persona must get from a screen or a service method. */
enum Attendu {
    /** The screen shows the object (or the method answers / acts). */
    OK,
    /** Sent to the login page (screens only, anonymous persona). */
    CONNEXION,
    /** Refused, or answered as if the object did not exist; nothing shown, nothing changed. */
    NON
}
