package fr.communs.base;

/**
 * Notifies people in the application (the bell) and by e-mail. Implemented by the notification feature, so that
 * every feature can notify without depending on it.
 */
public interface Notifier {

    /** Notifies every member of a structure (accepted members). The link is a path of the application. */
    void notifyStructure(long structureId, String sujet, String texte, String lien);

    /** Notifies one person. */
    void notifyUser(long userId, String sujet, String texte, String lien);
}
