package fr.communs.base;

/**
 * Sends a plain-text mail. Implemented by {@code fr.communs.mail.MailService}; features that mail people (such as
 * {@code security}) depend on this interface, so that the mail feature, whose admin screen sits in the application
 * frame (which itself depends on {@code security}), creates no cycle between feature packages.
 */
public interface Mailer {
    /** Sends (or keeps, in outbox mode) a mail, once the caller's transaction commits. */
    void send(String to, String subject, String text);

    /**
     * Absolute link to a page of the platform for a mail: {@code communs.base-url}, by default
     * {@code http://localhost:<port>} (the port the server really listens on, read when the mail is written).
     */
    String link(String path);
}
