package fr.communs.instruction.ui;

import fr.communs.base.Dates;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import fr.communs.budget.BudgetService;
import fr.communs.commun.CommunService;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.piece.PieceJointeService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Compléments asking for the budget open the budget form inside the porteur's « Compléter le dossier » task. */
@SpringBootTest
@ActiveProfiles("test")
class CompleterBudgetIT {
    @Autowired Fixtures fx;
    @Autowired TaskService tasks;
    @Autowired InstructionService instructions;
    @Autowired CommunService communs;
    @Autowired PieceJointeService pieces;
    @Autowired BudgetService budgets;

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @Test
    void the_complements_task_shows_the_budget_form_when_the_budget_was_reopened() {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis();
        fx.as(fx.account(Roles.AGENT));
        instructions.take(t.communId());
        instructions.decide(fx.task(t.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(), InstructionDecision.complements(
                Arrays.stream(Critere.values()).map(c -> new AppreciationCritere(c, Appreciation.RESERVE, null)).toList(),
                "Indiquez le montant demandé et le budget.", EnumSet.of(PartieDossier.BUDGET), Dates.today().plusDays(10)));

        UI.setCurrent(new UI());
        fx.as(t.porteurEmail());
        OpenTask task = tasks.findOpen(fx.task(t.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId(),
                CycleCommunProcess.TASK_COMPLETER_DOSSIER).orElseThrow();
        CompleterDossierTaskView view = new CompleterDossierTaskView(tasks, instructions, communs, pieces, budgets);
        view.build(task);
        assertThat(view.getElement().getTextRecursively()).contains("Montant demandé et budget prévisionnel")
                .contains("Corrigez le budget et enregistrez-le avant de renvoyer le dossier.");
        assertThat(descendants(view).filter(c -> c instanceof Button b && "Enregistrer le budget".equals(b.getText())))
                .hasSize(1);
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CompleterBudgetIT::descendants));
    }
}
