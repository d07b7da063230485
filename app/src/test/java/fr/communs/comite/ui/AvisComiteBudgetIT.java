package fr.communs.comite.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.budget.Budget;
import fr.communs.budget.LigneBudget;
import fr.communs.comite.ComiteService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's avis screen shows what the groupement asked for (as transmitted) beside the subsidy it proposes.
 *
 * <p>This covers the files in flight on the cycle's previous definition (comité without séances), whose avis is
 * recorded on {@link AvisComiteTaskView}: each test deploys that definition as the latest version before starting its
 * file and removes it afterwards.
 */
@SpringBootTest
@ActiveProfiles("test")
class AvisComiteBudgetIT {
    @Autowired Fixtures fx;
    @Autowired TaskService tasks;
    @Autowired ComiteService comite;
    @Autowired CommunFiles files;

    /** The previous definition's deployment, on which this class's files run. */
    String ancienne;

    @BeforeEach
    void setUp() {
        fx.campagne();
        ancienne = fx.ancienneDefinition();
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
        if (ancienne != null) {
            fx.retirerAncienneDefinition(ancienne);
            ancienne = null;
        }
    }

    private String screenText(Fixtures.Transmis t) {
        String agent = fx.recevable(t);
        fx.scoredAncien(t.communId());
        fx.as(agent);
        OpenTask task = tasks.findOpen(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE).getId(),
                CycleCommunProcess.TASK_AVIS_COMITE).orElseThrow();
        AvisComiteTaskView view = new AvisComiteTaskView(tasks, comite, files);
        view.build(task);
        return view.getElement().getTextRecursively().replaceAll("[\\u00a0\\u202f]", " ");
    }

    @Test
    void the_comite_sees_the_amount_requested_and_the_budget_beside_the_subsidy_it_proposes() {
        Fixtures.Transmis t = fx.transmis(new Budget(new BigDecimal("7000"),
                List.of(new LigneBudget("Animation du lieu", new BigDecimal("9000")),
                        new LigneBudget("Aménagement", new BigDecimal("5000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("7000")))));
        String text = screenText(t);
        assertThat(text).contains("Ce que demande le groupement")
                .contains("Montant demandé au Département : 7 000,00 €, soit 50 % des dépenses prévues (14 000,00 €)")
                .contains("Animation du lieu").contains("Autofinancement");
        // The card stands before the avis and the subsidy fields.
        assertThat(text.indexOf("Ce que demande le groupement")).isGreaterThan(text.indexOf("Notes de l'audition"));
    }

    @Test
    void a_file_transmitted_without_a_budget_says_so() {
        assertThat(screenText(fx.transmis())).contains("Ce que demande le groupement")
                .contains("Aucun budget prévisionnel n'a été saisi dans cette version du dossier.");
    }
}
