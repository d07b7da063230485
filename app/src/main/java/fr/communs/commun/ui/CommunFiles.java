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

    /**
     * What the groupement asks for, from the latest frozen version: the amount requested and the budget prévisionnel,
     * in a card to show beside the amount the comité or the Assemblée proposes.
     */
    public Component budgetDemande(long communId) {
        com.vaadin.flow.component.html.Div card = new com.vaadin.flow.component.html.Div(
                new com.vaadin.flow.component.html.H3("Ce que demande le groupement"));
        card.addClassNames("card", "budget-demande-carte");
        card.add(versions.latest(communId).map(v -> CommunFileView.budget(v.contenu())).orElseGet(() -> {
            com.vaadin.flow.component.html.Paragraph none = new com.vaadin.flow.component.html.Paragraph(
                    "Le dossier n'a pas encore été transmis : aucun budget n'est figé.");
            none.addClassName("muted");
            return none;
        }));
        return card;
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
