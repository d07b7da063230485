package fr.communs.campagne;

import fr.communs.base.ValidationException;
import fr.communs.campagne.internal.JooqExigenceRepository;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each campagne requires before a file is transmitted (attachments, budget typed on the platform): read by the
 * eligibility rules, chosen by the administrators on « Paramètres de l'appel ». A change applies to the files not yet
 * transmitted; those already transmitted keep what they were transmitted with.
 */
@Service
public class ExigenceService {
    private final JooqExigenceRepository exigences;
    private final CurrentUser currentUser;

    ExigenceService(JooqExigenceRepository exigences, CurrentUser currentUser) {
        this.exigences = exigences;
        this.currentUser = currentUser;
    }

    /** The campagne's requirements (empty: none beyond the groupement's rules). Public, like the eligibility rules. */
    @Transactional(readOnly = true)
    public Set<Exigence> exigences(long campagneId) {
        return exigences.of(campagneId);
    }

    /** Replaces the campagne's requirements (administrators only). */
    @Transactional
    public void update(long campagneId, Set<Exigence> choisies) {
        currentUser.requireRole(Roles.ADMIN);
        if (choisies == null) {
            throw new ValidationException("Choisissez les pièces et informations exigées (aucune case cochée : aucune exigence).");
        }
        if (!exigences.lockCampagne(campagneId)) {
            throw new ValidationException("Cet appel à communs n'existe pas.");
        }
        exigences.replace(campagneId, choisies.isEmpty() ? EnumSet.noneOf(Exigence.class) : EnumSet.copyOf(choisies));
    }
}
