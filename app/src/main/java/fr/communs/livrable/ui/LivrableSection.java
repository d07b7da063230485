package fr.communs.livrable.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import fr.communs.layout.CommunPageSection;
import fr.communs.livrable.LivrableService;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The commun's page shows the livrable once deposited (title, link, description: it is meant to be shared). */
@org.springframework.stereotype.Component
@Order(20)
class LivrableSection implements CommunPageSection {
    private final LivrableService livrables;

    LivrableSection(LivrableService livrables) {
        this.livrables = livrables;
    }

    @Override
    public Optional<Component> create(long communId) {
        return livrables.publicView(communId).map(l -> {
            Div box = new Div(new H2("Livrable"), LivrablePanel.publicView(l));
            box.addClassNames("card", "commun-livrable");
            return box;
        });
    }
}
