package fr.communs.base;

/** The caller has no right to the object or action; the message is in French and shown as is. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
