package fr.communs.comite.deport.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import fr.communs.base.NotAllowedException;
import fr.communs.comite.deport.Deport;
import fr.communs.comite.deport.DeportService;
import java.util.List;

/** The comité members recused from a file and why (agents, administrators, comité members who read the file). */
class DeportsPanel extends Div {
    DeportsPanel(DeportService deports, long communId) {
        addClassName("deports");
        List<Deport> all;
        try {
            all = deports.deports(communId);
        } catch (NotAllowedException e) {
            setVisible(false);
            return;
        }
        add(new H3("Membres du comité déportés"));
        if (all.isEmpty()) {
            Paragraph aucun = new Paragraph("Aucun membre du comité n'est déporté de ce dossier.");
            aucun.addClassName("muted");
            add(aucun);
            return;
        }
        UnorderedList list = new UnorderedList();
        all.forEach(d -> list.add(new ListItem(d.nomComplet() + " — " + d.causesTexte())));
        add(list);
    }
}
