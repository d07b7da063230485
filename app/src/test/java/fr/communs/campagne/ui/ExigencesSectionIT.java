package fr.communs.campagne.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Exigence;
import fr.communs.campagne.ExigenceService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** « Exigées avant la transmission » on the appel's settings: what the administrator ticks is what the campagne requires. */
@SpringBootTest
@ActiveProfiles("test")
class ExigencesSectionIT {
    @Autowired Fixtures fx;
    @Autowired ExigenceService exigences;
    @Autowired CampagneService campagnes;

    long campagneId;

    @BeforeEach
    void setUp() {
        fx.campagne();
        campagneId = campagnes.current().orElseThrow().id();
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        fx.asSystemAdministrator(() -> {
            exigences.update(campagneId, Set.of());
            return null;
        });
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void the_administrator_ticks_the_required_attachments_and_the_budget_and_they_are_stored() {
        fx.as(fx.admin());
        ExigencesSection section = new ExigencesSection(exigences, campagneId);
        assertThat(section.exigences.getValue()).isEmpty();
        section.exigences.setValue(Set.of(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI));
        section.enregistrer.click();
        assertThat(exigences.exigences(campagneId)).containsExactlyInAnyOrder(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI);
        // Shown ticked when the page is opened again.
        assertThat(new ExigencesSection(exigences, campagneId).exigences.getValue())
                .containsExactlyInAnyOrder(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI);
        section.exigences.setValue(Set.of());
        section.enregistrer.click();
        assertThat(exigences.exigences(campagneId)).isEmpty();
    }

    @Test
    void a_person_who_is_not_an_administrator_changes_nothing() {
        fx.as(fx.account(Roles.AGENT));
        ExigencesSection section = new ExigencesSection(exigences, campagneId);
        section.exigences.setValue(Set.of(Exigence.STATUTS_PORTEUR));
        section.enregistrer.click();
        assertThat(exigences.exigences(campagneId)).isEmpty();
    }
}
