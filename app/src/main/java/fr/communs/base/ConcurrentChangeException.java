package fr.communs.base;

/**
 * The action lost a race: someone else (another person, or the same person in another tab) changed the object
 * meanwhile. Nothing was changed; the French message says what happened and what to do (reload). A kind of
 * {@link ValidationException} so that every caller already refusing bad input refuses this too, but the screens show
 * it as what it is, never as an error of the form.
 */
public class ConcurrentChangeException extends ValidationException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
