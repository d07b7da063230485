package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Jalon;
import fr.communs.commun.Jalon.Etat;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Où en est le dossier": the current step says "En cours" and is the only one marked aria-current. */
class JalonsPanelTest {

    private static List<ListItem> items(JalonsPanel panel) {
        return panel.steps.getChildren().map(ListItem.class::cast).toList();
    }

    @Test
    void the_current_step_is_en_cours_with_aria_current_and_the_steps_to_come_follow_it() {
        JalonsPanel panel = new JalonsPanel(List.of(
                new Jalon(LocalDate.of(2026, 3, 2), "Idée publiée", Etat.FAIT),
                new Jalon(LocalDate.of(2026, 3, 20), "Dossier transmis au Département", Etat.FAIT),
                new Jalon(null, "Instruction par le service Innovation sociale et solidaire", Etat.EN_COURS),
                new Jalon(LocalDate.of(2026, 5, 4), "Audition par le Comité d'accompagnement des communs, prévue le 04/05/2026", Etat.A_VENIR),
                new Jalon(null, "Vote de l'Assemblée départementale", Etat.A_VENIR)), CommunStatut.EN_INSTRUCTION);

        List<ListItem> items = items(panel);
        assertThat(items).extracting(li -> li.getElement().getTextRecursively()).containsExactly(
                "✓ FaitIdée publiéele 02/03/2026",
                "✓ FaitDossier transmis au Départementle 20/03/2026",
                "► En coursInstruction par le service Innovation sociale et solidaire",
                "À venirAudition par le Comité d'accompagnement des communs, prévue le 04/05/2026",
                "À venirVote de l'Assemblée départementale");
        assertThat(items).extracting(li -> li.getElement().getAttribute("aria-current"))
                .containsExactly(null, null, "step", null, null);
        assertThat(items).extracting(li -> li.getElement().getAttribute("class"))
                .containsExactly("passee", "passee", "en_cours", "a_venir", "a_venir");
    }

    @Test
    void a_file_whose_cycle_ended_shows_its_last_step_as_the_end_and_no_current_step() {
        JalonsPanel panel = new JalonsPanel(List.of(
                new Jalon(LocalDate.of(2026, 3, 2), "Idée publiée", Etat.FAIT),
                new Jalon(LocalDate.of(2026, 4, 1), "Dépôt clos sans transmission du dossier (date limite passée)", Etat.FAIT)),
                CommunStatut.DEPOT_CLOS);

        List<ListItem> items = items(panel);
        assertThat(items.get(1).getElement().getTextRecursively()).startsWith("■ Fin").endsWith("le 01/04/2026");
        assertThat(items).allSatisfy(li -> assertThat(li.getElement().hasAttribute("aria-current")).isFalse());
    }
}
