package fr.communs.assemblee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.assemblee.AssembleeService;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Assemblée's vote screen shows the amount requested and the budget beside the comité's proposal. */
@SpringBootTest
@ActiveProfiles("test")
class VoteAssembleeBudgetIT {
    @Autowired Fixtures fx;
    @Autowired TaskService tasks;
    @Autowired AssembleeService assemblee;
    @Autowired ComiteService comite;
    @Autowired CommunFiles files;

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void the_assemblee_sees_what_was_requested_beside_what_the_comite_proposes() {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis(new Budget(new BigDecimal("12000"),
                List.of(new LigneBudget("Coordination", new BigDecimal("20000"))),
                List.of(new LigneBudget("Fondation", new BigDecimal("8000")))));
        String agent = fx.aLAssemblee(t, new BigDecimal("9000"));
        UI.setCurrent(new UI());
        fx.as(agent);
        OpenTask task = tasks.findOpen(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                CycleCommunProcess.TASK_VOTE_ASSEMBLEE).orElseThrow();
        VoteAssembleeTaskView view = new VoteAssembleeTaskView(tasks, assemblee, comite, files);
        view.build(task);
        String text = view.getElement().getTextRecursively().replaceAll("[\\u00a0\\u202f]", " ");
        assertThat(text).contains("Ce que demande le groupement")
                .contains("Montant demandé au Département : 12 000,00 €, soit 60 % des dépenses prévues (20 000,00 €)")
                .contains("subvention proposée : 9 000,00 €");
    }
}
