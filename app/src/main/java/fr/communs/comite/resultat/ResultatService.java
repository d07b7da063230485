package fr.communs.comite.resultat;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.resultat.internal.JooqResultatRepository;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's results of a séance: per file and per criterion the aggregates of the members' scores, and the
 * séance's files ranked by weighted mean (see {@link Agregation}). Never an individual score, nor who scored what.
 *
 * <p>Who sees them, checked here on every call:
 * <ul>
 * <li>an agent of the service ({@link Roles#AGENT}): every file of the séance;</li>
 * <li>a member of the comité ({@link Roles#COMITE}, not deactivated): every file except those they are recused from
 * ({@code comite_deport_v}, whatever the cause), and — until the séance is closed — only the files for which they
 * submitted their own notation, so that nobody scores after reading the others' scores;</li>
 * <li>anyone else (a structure, a référent of another direction, the administrator): nothing.</li>
 * </ul>
 * A hidden file is listed in {@link ResultatsSeance#masques()} with its reason; ranks stay those of the whole séance.
 */
@Service
public class ResultatService {
    /** Refusal to anyone but the agents of the service and the members of the comité. */
    public static final String RESERVE = "Les résultats du comité sont réservés aux agents du service Innovation sociale "
            + "et solidaire et aux membres du comité d'accompagnement.";

    private final JooqResultatRepository repository;
    private final CurrentUser currentUser;

    ResultatService(JooqResultatRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The results of the séance as the caller may see them (see the class comment). */
    @Transactional(readOnly = true)
    public ResultatsSeance resultats(long seanceId) {
        AppUser user = requireLecteur();
        JooqResultatRepository.SeanceRow seance = repository.seance(seanceId)
                .orElseThrow(() -> new ValidationException("Cette séance n'existe pas."));
        List<CritereGrille> grille = repository.grille(seanceId, seance.campagneId());
        List<ResultatDossier> tous = Agregation.classement(grille, repository.dossiers(seanceId), repository.notes(seanceId));
        if (DossierAccess.isServiceAgent(user)) {
            return new ResultatsSeance(seanceId, seance.debut(), seance.lieu(), seance.lienVisio(), seance.statut(),
                    grille, tous, List.of());
        }
        boolean close = "CLOSE".equals(seance.statut());
        Set<Long> deports = repository.deports(seanceId, user.id());
        Set<Long> soumises = close ? Set.of() : repository.notationsSoumises(seanceId, user.id());
        List<ResultatDossier> visibles = new ArrayList<>();
        List<DossierMasque> masques = new ArrayList<>();
        for (ResultatDossier r : tous) {
            if (deports.contains(r.communId())) {
                masques.add(new DossierMasque(r.communId(), r.titre(), DossierMasque.Raison.DEPORTE));
            } else if (!close && !soumises.contains(r.communId())) {
                masques.add(new DossierMasque(r.communId(), r.titre(), DossierMasque.Raison.NOTATION_A_SOUMETTRE));
            } else {
                visibles.add(r);
            }
        }
        return new ResultatsSeance(seanceId, seance.debut(), seance.lieu(), seance.lienVisio(), seance.statut(), grille,
                visibles, masques);
    }

    /** The caller, an agent of the service or an active member of the comité; otherwise {@link NotAllowedException}. */
    private AppUser requireLecteur() {
        AppUser user = currentUser.require();
        if (DossierAccess.isServiceAgent(user)
                || (Roles.COMITE.equals(user.role()) && repository.membreActif(user.id()))) {
            return user;
        }
        throw new NotAllowedException(RESERVE);
    }
}
