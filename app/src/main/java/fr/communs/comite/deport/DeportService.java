package fr.communs.comite.deport;

import fr.communs.base.Checks;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.deport.internal.JooqDeportRepository;
import fr.communs.comite.membre.MembreService;
import fr.communs.comite.membre.internal.NotationsOuvertes;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflicts of interest of the comité's members ("déports"). A member is recused from a file automatically when one
 * of their accounts (their comité account or an account linked to it) belongs to a structure of the file's groupement
 * ({@link CauseDeport#GROUPEMENT}) or to a structure that offered the commun a contribution
 * ({@link CauseDeport#CONTRIBUTEUR}), or when the organisation they represent is such a structure
 * ({@link CauseDeport#ORGANISATION}); and when they declare a conflict themselves, with a reason
 * ({@link CauseDeport#DECLARE}, "je me déporte"). The automatic causes are computed when asked (view
 * {@code comite_deport_v}): a structure joining the groupement recuses its members at once.
 *
 * <p>A recused member gets no scoring task for the file, and sees neither its scores, nor comments, nor the comité's
 * notes on it: the services of the comité ask {@link #requireNonDeporte} (for the caller) or
 * {@link #estDeporte} / {@link #membresDeportes} (for the members they give tasks to) inside their transaction.
 */
@Service
public class DeportService {
    public static final int MOTIF_MAX = 1000;
    /** The refusal a recused member gets from every service of the comité's deliberation on that file. */
    public static final String DEPORTE = "Vous êtes déporté(e) de ce dossier : vous ne pouvez ni le noter, ni voir ses "
            + "notes, commentaires et échanges du comité.";

    private final JooqDeportRepository deports;
    private final MembreService membres;
    private final NotationsOuvertes notations;
    private final CurrentUser currentUser;
    private final DossierAccess access;

    DeportService(JooqDeportRepository deports, MembreService membres, NotationsOuvertes notations,
                  CurrentUser currentUser, DossierAccess access) {
        this.deports = deports;
        this.membres = membres;
        this.notations = notations;
        this.currentUser = currentUser;
        this.access = access;
    }

    // --- for the other services of the comité, inside their transaction

    /** Whether this member is recused from this file (any cause). No right checked: the calling service has. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean estDeporte(long membreId, long communId) {
        return deports.estDeporte(membreId, communId);
    }

    /** The ids of the members recused from this file. No right checked: the calling service has. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<Long> membresDeportes(long communId) {
        return deports.deportes(communId);
    }

    /**
     * Refuses ({@link NotAllowedException}, {@link #DEPORTE}) a comité member recused from this file; anyone else
     * passes (the calling service checks its own rights).
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void requireNonDeporte(long communId) {
        AppUser user = currentUser.require();
        if (Roles.COMITE.equals(user.role()) && deports.estDeporte(user.id(), communId)) {
            throw new NotAllowedException(DEPORTE);
        }
    }

    // --- screens

    /**
     * The members recused from the file and why, by name: for the service's agents and the administrators, and for
     * the active comité members who may read the file.
     */
    @Transactional(readOnly = true)
    public List<Deport> deports(long communId) {
        AppUser user = currentUser.require();
        switch (user.role()) {
            case Roles.AGENT, Roles.ADMIN -> { }
            case Roles.COMITE -> {
                if (!membres.estActif(user.id(), Dates.today())) {
                    throw new NotAllowedException(INACTIF);
                }
                access.requireReadFile(communId);
            }
            default -> throw new NotAllowedException("Seuls les agents, les administrateurs et les membres du comité "
                    + "voient les déports des membres du comité.");
        }
        requirePublished(communId);
        return deports.deports(communId);
    }

    /** The caller's own recusal from the file, if they are a comité member recused from it (empty otherwise). */
    @Transactional(readOnly = true)
    public Optional<Deport> monDeport(long communId) {
        return currentUser.get().filter(u -> Roles.COMITE.equals(u.role()))
                .flatMap(u -> deports.deport(communId, u.id()));
    }

    /** Whether the caller may declare a recusal from this file now (what {@link #declarer} checks, without a reason). */
    @Transactional(readOnly = true)
    public boolean peutDeclarer(long communId) {
        return currentUser.get()
                .filter(u -> Roles.COMITE.equals(u.role()) && membres.estActif(u.id(), Dates.today()))
                .filter(u -> deports.statut(communId).filter(s -> !fr.communs.base.CommunStatut.BROUILLON.name().equals(s)).isPresent())
                .filter(u -> access.canReadFile(u, communId))
                .filter(u -> !deports.estDeporte(u.id(), communId))
                .isPresent();
    }

    /**
     * "Je me déporte": an active comité member who may read the file declares a conflict of interest, with a reason
     * (at most {@value #MOTIF_MAX} characters). Once per file, and not when already recused automatically. Their open
     * scoring task on the file, if any, is retired at once (as a deactivation does). Cannot be undone here.
     */
    @Transactional
    public void declarer(long communId, String motif) {
        AppUser user = currentUser.require();
        if (!Roles.COMITE.equals(user.role())) {
            throw new NotAllowedException("Seuls les membres du comité peuvent se déporter d'un dossier.");
        }
        if (!membres.estActif(user.id(), Dates.today())) {
            throw new NotAllowedException(INACTIF);
        }
        requirePublished(communId);
        // A recused member no longer reads the file (ComiteAccess): they are told they are recused (below) rather
        // than refused access, as monDeport already tells them.
        if (deports.deport(communId, user.id()).isEmpty()) {
            access.requireReadFile(communId);
        }
        Checks.start().required(motif, "Motif du déport", MOTIF_MAX).orThrow();
        deports.lockCommun(communId);
        Optional<Deport> deja = deports.deport(communId, user.id());
        if (deja.isPresent()) {
            throw new ValidationException(deja.get().declare()
                    ? "Vous vous êtes déjà déporté(e) de ce dossier."
                    : "Vous êtes déjà déporté(e) de ce dossier : " + deja.get().causesTexte() + ".");
        }
        if (!deports.declarer(communId, user.id(), motif.strip())) {
            throw new ValidationException("Vous vous êtes déjà déporté(e) de ce dossier.");
        }
        notations.retirer(user.id(), communId);
    }

    private static final String INACTIF = "Vous n'êtes pas (ou plus) membre actif du comité.";

    private void requirePublished(long communId) {
        if (deports.statut(communId).filter(s -> !fr.communs.base.CommunStatut.BROUILLON.name().equals(s)).isEmpty()) {
            throw new ValidationException("Ce dossier n'existe pas.");
        }
    }
}
