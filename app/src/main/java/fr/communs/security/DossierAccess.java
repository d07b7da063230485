package fr.communs.security;

import fr.communs.base.NotAllowedException;
import org.springframework.stereotype.Component;

/**
 * Least privilege on the Département's side, in one place: who works the back office and who reads which file.
 * Services call it (views only use it to hide what would be refused).
 *
 * <table>
 * <caption>Who reads a published file (content, frozen versions, pieces, budget)</caption>
 * <tr><td>{@link Roles#AGENT} (service Innovation sociale et solidaire)</td><td>every file</td></tr>
 * <tr><td>{@link Roles#ADMIN}</td><td>every file</td></tr>
 * <tr><td>{@link Roles#REFERENT} (agent of another direction)</td><td>the files on which their avis was asked
 * ({@link ReferentFiles})</td></tr>
 * <tr><td>{@link Roles#COMITE}</td><td>the files on their séances ({@link ComiteFiles})</td></tr>
 * <tr><td>{@link Roles#STRUCTURE}</td><td>not through this rule: the groupement's own rules, in each feature</td></tr>
 * </table>
 * Only {@link Roles#AGENT} instructs, verifies structures, records the comité's avis and the Assemblée's vote, sees the
 * list of every file and the engine's candidate tasks of the service ({@link CurrentUser#groupsOf}).
 */
@Component
public class DossierAccess {
    /** Refusal of a back-office action to anyone but an agent of the service. */
    public static final String RESERVE_AU_SERVICE = "Cette action est réservée aux agents du service Innovation "
            + "sociale et solidaire, qui instruisent les dossiers de l'appel.";
    /** Refusal of a file to a person of the Département who has no business with it. */
    public static final String DOSSIER_NON_ACCESSIBLE = "Vous n'avez pas accès à ce dossier : un référent ne lit que "
            + "les dossiers sur lesquels son avis est demandé, un membre du comité ceux de ses séances.";

    private final CurrentUser currentUser;
    private final ReferentFiles referentFiles;
    private final ComiteFiles comiteFiles;

    DossierAccess(CurrentUser currentUser, ReferentFiles referentFiles, ComiteFiles comiteFiles) {
        this.currentUser = currentUser;
        this.referentFiles = referentFiles;
        this.comiteFiles = comiteFiles;
    }

    /** Whether this person is an agent of the service that instructs (the whole back office). */
    public static boolean isServiceAgent(AppUser user) {
        return user != null && Roles.AGENT.equals(user.role());
    }

    /** The caller, an agent of the service; otherwise {@link NotAllowedException} with {@link #RESERVE_AU_SERVICE}. */
    public AppUser requireServiceAgent() {
        AppUser user = currentUser.require();
        if (!isServiceAgent(user)) {
            throw new NotAllowedException(RESERVE_AU_SERVICE);
        }
        return user;
    }

    /** Whether this person may read this published file (see the table above; structures: never by this rule). */
    public boolean canReadFile(AppUser user, long communId) {
        if (user == null || !user.actif()) {
            return false;
        }
        return switch (user.role()) {
            case Roles.AGENT, Roles.ADMIN -> true;
            case Roles.REFERENT -> referentFiles.avisAsked(user.id(), communId);
            case Roles.COMITE -> comiteFiles.canRead(user.id(), communId);
            default -> false;
        };
    }

    /** Whether the caller may read this file as a person of the Département (false when nobody is logged in). */
    public boolean callerCanReadFile(long communId) {
        return currentUser.get().map(u -> canReadFile(u, communId)).orElse(false);
    }

    /** The caller, who may read this file as a person of the Département; otherwise {@link NotAllowedException}. */
    public AppUser requireReadFile(long communId) {
        AppUser user = currentUser.require();
        if (!canReadFile(user, communId)) {
            throw new NotAllowedException(DOSSIER_NON_ACCESSIBLE);
        }
        return user;
    }
}
