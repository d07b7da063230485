package fr.communs.comite.contribution.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.layout.CommunPageSection;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * "Contributions proposées par le comité" on the commun's page, beside the contributions offered during the
 * groupement phase: what the person may see of them (accepted and done ones for everyone), with the buttons of their
 * rights. Nothing when there is none to show.
 */
@org.springframework.stereotype.Component
@Order(50)
class ContributionsComiteSection implements CommunPageSection {
    private final ContributionComiteService contributions;

    ContributionsComiteSection(ContributionComiteService contributions) {
        this.contributions = contributions;
    }

    @Override
    public Optional<Component> create(long communId) {
        if (contributions.ofCommun(communId).isEmpty()) {
            return Optional.empty();
        }
        Paragraph intro = new Paragraph("Contributions non financières proposées par le Comité d'accompagnement des "
                + "communs : le groupement les accepte ou les décline, le contributeur les marque réalisées.");
        intro.addClassName("muted");
        Div box = new Div(new H3("Contributions proposées par le comité"), intro,
                new ContributionsComiteList(contributions, () -> contributions.ofCommun(communId),
                        ContributionsComiteList.Nommer.CONTRIBUTEUR));
        box.addClassNames("card", "contributions-comite-section");
        box.setWidthFull();
        return Optional.of(box);
    }

    @Override
    public boolean besideContributions() {
        return true;
    }
}
