package fr.communs.assemblee.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import fr.communs.assemblee.AssembleeService;
import fr.communs.base.Montants;
import fr.communs.layout.CommunPageSection;
import fr.communs.layout.Ui;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The commun's page shows the subsidy voted by the Assemblée once adopted (a public decision); never the comité's
 * scores or avis.
 */
@org.springframework.stereotype.Component
@Order(10)
class SubventionSection implements CommunPageSection {
    private final AssembleeService assemblee;

    SubventionSection(AssembleeService assemblee) {
        this.assemblee = assemblee;
    }

    @Override
    public Optional<Component> create(long communId) {
        return assemblee.subventionVotee(communId).map(s -> {
            Div box = new Div(new H2("Subvention du Département"),
                    new Paragraph("Subvention votée par l'Assemblée le " + Ui.date(s.dateSeance()) + " : "
                            + Montants.format(s.montant())));
            box.addClassNames("card", "commun-subvention");
            return box;
        });
    }
}
