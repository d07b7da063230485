package fr.communs.livrable.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import fr.communs.layout.Ui;
import fr.communs.livrable.Livrable;
import fr.communs.livrable.LivrablePublic;
import fr.communs.livrable.LivrableService;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A deposited livrable: its title, link and description, when it was deposited, and for the agents the retour
 * d'expérience. Shown on the commun's public page (without the retour d'expérience) and in the agents' file screen.
 */
public class LivrablePanel extends Div {

    private LivrablePanel(String titre, String lien, String description, OffsetDateTime deposeLe) {
        addClassName("livrable");
        add(new H3(titre));
        Paragraph depose = new Paragraph("Déposé le " + Ui.dateTime(deposeLe) + ".");
        depose.addClassName("muted");
        add(depose);
        if (lien != null) {
            Anchor link = new Anchor(lien, lien);
            link.getElement().setAttribute("rel", "nofollow ugc noopener noreferrer");
            Paragraph p = new Paragraph("Accéder au livrable : ");
            p.add(link);
            add(p);
        }
        Paragraph text = new Paragraph(description);
        text.getStyle().set("white-space", "pre-line");
        add(text);
    }

    /** The livrable as everyone sees it on the commun's page. */
    static LivrablePanel publicView(LivrablePublic l) {
        return new LivrablePanel(l.titre(), l.lien(), l.description(), l.deposeLe());
    }

    /** The livrable with the retour d'expérience, for the agents' file screen; empty if none is deposited. */
    public static Optional<LivrablePanel> forAgents(LivrableService livrables, long communId) {
        Optional<Livrable> found = livrables.find(communId);
        return found.map(l -> {
            LivrablePanel panel = new LivrablePanel(l.titre(), l.lien(), l.description(), l.deposeLe());
            Paragraph note = new Paragraph("Le titre, le lien et la description sont publiés sur la page du commun ; "
                    + "le retour d'expérience n'est lu que par le Département (évaluation de l'appel).");
            note.addClassName("muted");
            Paragraph retour = new Paragraph(l.retourExperience());
            retour.getStyle().set("white-space", "pre-line");
            panel.add(new H3("Retour d'expérience sur la constitution du dossier"), retour, note);
            return panel;
        });
    }
}
