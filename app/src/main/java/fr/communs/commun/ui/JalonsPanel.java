package fr.communs.commun.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Jalon;
import fr.communs.layout.Ui;
import java.util.List;

/**
 * "Où en est le dossier" on a commun's page: every step of its cycle — the steps reached (oldest first, dated), the
 * current one, then those to come — as an ordered list whose state is written in words ("Fait", "En cours",
 * "À venir", "Fin"), not only shown by colour; the current step is marked {@code aria-current="step"}.
 */
class JalonsPanel extends VerticalLayout {
    final OrderedList steps = new OrderedList();

    JalonsPanel(List<Jalon> jalons, CommunStatut statut) {
        addClassName("card");
        add(new H2("Où en est le dossier"));
        if (jalons.isEmpty()) {
            Paragraph none = new Paragraph("Aucune étape n'est encore enregistrée pour ce dossier.");
            none.addClassName("muted");
            add(none);
            return;
        }
        steps.addClassNames("steps", "jalons");
        boolean reussite = statut == CommunStatut.LIVRABLE_DEPOSE;
        for (int i = 0; i < jalons.size(); i++) {
            Jalon jalon = jalons.get(i);
            boolean fin = statut.termine() && i == jalons.size() - 1;
            ListItem li = new ListItem();
            li.addClassName(fin ? "fin" : switch (jalon.etat()) {
                case FAIT -> "passee";
                case EN_COURS -> "en_cours";
                case A_VENIR -> "a_venir";
            });
            if (fin && reussite) {
                li.addClassName("reussite");
            }
            Span state = new Span(fin ? (reussite ? "✓ Terminé" : "■ Fin") : switch (jalon.etat()) {
                case FAIT -> "✓ Fait";
                case EN_COURS -> "► En cours";
                case A_VENIR -> "À venir";
            });
            state.addClassName("state");
            li.add(state, new Span(jalon.libelle()));
            if (jalon.fait() && jalon.date() != null) {
                Span date = new Span("le " + Ui.date(jalon.date()));
                date.addClassName("date");
                li.add(date);
            }
            if (jalon.etat() == Jalon.Etat.EN_COURS) {
                li.getElement().setAttribute("aria-current", "step");
            }
            steps.add(li);
        }
        add(steps);
    }
}
