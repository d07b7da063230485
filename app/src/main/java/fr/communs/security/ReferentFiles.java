package fr.communs.security;

/**
 * The files a référent may read: implemented by the avis feature ({@code avis.ReferentAccess}), which knows the
 * requests. An interface here so that every feature can check it through {@link DossierAccess} without depending on
 * {@code avis}.
 */
public interface ReferentFiles {
    /** Whether this référent's avis was asked on this file (request pending or answered, not cancelled). */
    boolean avisAsked(long referentId, long communId);
}
