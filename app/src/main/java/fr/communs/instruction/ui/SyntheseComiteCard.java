package fr.communs.instruction.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.SyntheseComite;
import fr.communs.layout.Ui;
import java.util.Optional;

/**
 * The instruction as the comité reads it: the appreciation of each of the call's four criteria (with its comment) and
 * the summary the instructeur wrote for the comité. Shown to comité members before and during the séance.
 */
public final class SyntheseComiteCard {
    private SyntheseComiteCard() {
    }

    public static Component of(Optional<SyntheseComite> synthese) {
        Div card = new Div(new H2("Synthèse de l'instruction pour le comité"));
        card.addClassNames("card", "synthese-comite");
        if (synthese.isEmpty()) {
            Paragraph none = new Paragraph("Le dossier n'a pas encore été déclaré recevable : pas de synthèse.");
            none.addClassName("muted");
            card.add(none);
            return card;
        }
        SyntheseComite s = synthese.get();
        Paragraph qui = new Paragraph("Déclaré recevable par " + s.agentNom() + " le " + Ui.dateTime(s.decideeLe()) + ".");
        qui.addClassName("muted");
        UnorderedList criteres = new UnorderedList();
        for (AppreciationCritere a : s.appreciations()) {
            ListItem item = new ListItem(new Span(a.critere().libelle() + " : "),
                    Ui.badge(a.appreciation() == null ? "non apprécié" : a.appreciation().libelle(),
                            a.appreciation() == Appreciation.FAVORABLE));
            if (a.commentaire() != null) {
                Paragraph commentaire = new Paragraph(a.commentaire());
                commentaire.getStyle().set("white-space", "pre-line").set("margin", "0.2em 0 0.6em 0");
                item.add(commentaire);
            }
            criteres.add(item);
        }
        Paragraph texte = new Paragraph(s.synthese() != null ? s.synthese()
                : "L'instructeur n'a pas encore écrit de synthèse pour le comité.");
        texte.getStyle().set("white-space", "pre-line");
        if (s.synthese() == null) {
            texte.addClassName("muted");
        }
        card.add(qui, criteres, texte);
        return card;
    }
}
