package fr.communs.comite.contribution.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.layout.StructurePageSection;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * On a structure's page, next to the contributions it offered: the contributions the comité proposed on its behalf
 * (accepted and done ones for everyone; all of them, with "Marquer comme réalisée" / "Abandonner", for its people).
 */
@org.springframework.stereotype.Component
@Order(10)
class StructureContributionsComiteSection implements StructurePageSection {
    private final ContributionComiteService contributions;

    StructureContributionsComiteSection(ContributionComiteService contributions) {
        this.contributions = contributions;
    }

    @Override
    public Optional<Component> create(long structureId) {
        if (contributions.ofStructure(structureId).isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div(new H2("Contributions proposées par le comité"),
                new ContributionsComiteList(contributions, () -> contributions.ofStructure(structureId),
                        ContributionsComiteList.Nommer.COMMUN));
        box.addClassName("contributions-comite-section");
        box.setWidthFull();
        return Optional.of(box);
    }
}
