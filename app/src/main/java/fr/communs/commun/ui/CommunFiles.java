package fr.communs.commun.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.DossierVersionService;
import fr.communs.commun.GroupementService;

/** Builds the read-only view of a commun's file for task screens of later steps: the frozen transmitted version. */
@org.springframework.stereotype.Component
public class CommunFiles {
    private final CommunService communs;
    private final GroupementService groupements;
    private final CampagneService campagnes;
    private final DossierVersionService versions;

    CommunFiles(CommunService communs, GroupementService groupements, CampagneService campagnes,
                DossierVersionService versions) {
        this.communs = communs;
        this.groupements = groupements;
        this.campagnes = campagnes;
        this.versions = versions;
    }

    /** The latest frozen version (what was transmitted or completed), or the live file if none was frozen yet. */
    public Component of(long communId) {
        return versions.latest(communId).<Component>map(CommunFileView::new).orElseGet(() -> {
            Commun commun = communs.get(communId);
            VerticalLayout live = new VerticalLayout(new CommunFileView(commun),
                    CommunFileView.membresGrid(communs.membres(communId), campagnes.get(commun.campagneId()).territoireCode()),
                    CommunFileView.eligibilityPanel(groupements.eligibility(communId)));
            live.setPadding(false);
            return live;
        });
    }
}
