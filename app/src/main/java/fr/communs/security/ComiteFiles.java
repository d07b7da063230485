package fr.communs.security;

/**
 * The files a comité member may read: implemented by the comité feature ({@code comite.ComiteAccess}), which knows
 * the séances. An interface here so that every feature can check it through {@link DossierAccess} without depending
 * on {@code comite}.
 */
public interface ComiteFiles {
    /** Whether this comité member may read this file (it is, or was, on one of their séances). */
    boolean canRead(long membreId, long communId);
}
