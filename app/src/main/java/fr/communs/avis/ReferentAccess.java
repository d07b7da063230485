package fr.communs.avis;

import fr.communs.avis.internal.JooqAvisRepository;
import fr.communs.security.ReferentFiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files a référent reads: those on which their avis was asked, while the request is pending or answered (a
 * cancelled request, or one closed with the file, gives no access). Used through {@code security.DossierAccess}.
 */
@Component
public class ReferentAccess implements ReferentFiles {
    private final JooqAvisRepository avis;

    ReferentAccess(JooqAvisRepository avis) {
        this.avis = avis;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean avisAsked(long referentId, long communId) {
        return avis.asked(referentId, communId);
    }
}
