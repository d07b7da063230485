package fr.communs.commun.ui;

import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.GroupementService;
import org.springframework.stereotype.Component;

/** Builds the read-only view of a commun's file for task screens of other steps. */
@Component
public class CommunFiles {
    private final CommunService communs;
    private final GroupementService groupements;
    private final CampagneService campagnes;

    CommunFiles(CommunService communs, GroupementService groupements, CampagneService campagnes) {
        this.communs = communs;
        this.groupements = groupements;
        this.campagnes = campagnes;
    }

    public CommunFileView of(long communId) {
        Commun commun = communs.get(communId);
        return new CommunFileView(commun, communs.membres(communId), groupements.eligibility(communId),
                campagnes.get(commun.campagneId()).territoireCode());
    }
}
