package fr.communs.piece.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.layout.MainLayout;
import fr.communs.piece.PieceJointeService;
import jakarta.annotation.security.PermitAll;

/**
 * The attachments of a commun for its groupement (and the Département): the list, and the deposit form while the
 * person's structure may deposit. Anyone else logged in gets a polite refusal; the service decides.
 */
@Route(value = "communs/:communId([0-9]{1,18})/pieces", layout = MainLayout.class)
@PermitAll
class PiecesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final PieceJointeService pieces;
    private final CommunService communs;
    private String title = "Pièces jointes";

    PiecesView(PieceJointeService pieces, CommunService communs) {
        this.pieces = pieces;
        this.communs = communs;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("communId").orElseThrow());
        Commun commun = communs.find(id).orElseThrow(() -> new NotFoundException("Commun introuvable"));
        title = "Pièces jointes — " + (commun.titre().isBlank() ? "brouillon sans titre" : commun.titre());
        removeAll();
        Anchor retour = new Anchor("communs/" + id, "← Retour à la page du commun");
        add(retour, new H1(title));
        try {
            pieces.list(id);
        } catch (NotAllowedException e) {
            Paragraph refus = new Paragraph(e.getMessage());
            refus.addClassName("muted");
            add(refus);
            return;
        }
        boolean canUpload = !pieces.uploadableStructures(id).isEmpty();
        Paragraph intro = new Paragraph(canUpload
                ? "Déposez ici les pièces du dossier : statuts, budget prévisionnel, lettres d'engagement des membres…"
                : "Les pièces jointes du dossier, déposées par les structures du groupement. Une fois le dossier "
                        + "transmis, on n'en ajoute plus que si le service les demande en compléments.");
        add(intro, new PiecesPanel(pieces, id, canUpload));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
