package fr.communs.assemblee.ui;

import fr.communs.base.Dates;
import static fr.communs.db.Tables.ASSEMBLEE_VOTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.assemblee.AssembleeService;
import fr.communs.comite.ComiteService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Assemblée vote screen records exactly the amount typed, or refuses it and records nothing. */
@SpringBootTest
@ActiveProfiles("test")
class VoteAssembleeAmountIT {
    @Autowired Fixtures fx;
    @Autowired TaskService tasks;
    @Autowired AssembleeService assemblee;
    @Autowired ComiteService comite;
    @Autowired CommunFiles files;
    @Autowired DSLContext dsl;

    long communId;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis();
        communId = t.communId();
        agent = fx.aLAssemblee(t, new BigDecimal("12000.50"));
        UI.setCurrent(new UI());
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private VoteAssembleeTaskView screen() {
        fx.as(agent);
        OpenTask task = tasks.findOpen(fx.task(communId, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                CycleCommunProcess.TASK_VOTE_ASSEMBLEE).orElseThrow();
        VoteAssembleeTaskView view = new VoteAssembleeTaskView(tasks, assemblee, comite, files);
        view.build(task);
        view.resultat.setValue(ResultatVote.ADOPTE);
        view.date.setValue(Dates.today());
        return view;
    }

    private BigDecimal recorded() {
        return dsl.select(ASSEMBLEE_VOTE.MONTANT_VOTE).from(ASSEMBLEE_VOTE).where(ASSEMBLEE_VOTE.COMMUN_ID.eq(communId))
                .fetchOne().value1();
    }

    @Test
    void the_proposed_subsidy_is_shown_readably_and_recorded_unchanged() {
        VoteAssembleeTaskView view = screen();
        assertThat(view.montant.getValue()).isEqualTo("12 000,50");
        try {
            view.enregistrer.click();
        } catch (RuntimeException navigationWithoutRouter) {
            // success navigates to "Mes tâches"; what was recorded is checked below
        }
        assertThat(recorded()).isEqualByComparingTo("12000.50");
    }

    @Test
    void an_amended_amount_typed_with_a_dot_is_recorded_to_the_cent() {
        VoteAssembleeTaskView view = screen();
        view.montant.setValue("1500.50");
        try {
            view.enregistrer.click();
        } catch (RuntimeException navigationWithoutRouter) {
            // as above
        }
        assertThat(recorded()).isEqualByComparingTo("1500.50");
    }

    @Test
    void an_amount_that_is_not_one_is_refused_and_the_vote_is_not_recorded() {
        VoteAssembleeTaskView view = screen();
        view.montant.setValue("1e12");
        view.enregistrer.click();
        assertThat(view.montant.isInvalid()).isTrue();
        assertThat(view.errorsShown()).singleElement().asString().contains("n'est pas un montant en euros");
        assertThat(dsl.fetchCount(ASSEMBLEE_VOTE, ASSEMBLEE_VOTE.COMMUN_ID.eq(communId))).isZero();
    }
}
