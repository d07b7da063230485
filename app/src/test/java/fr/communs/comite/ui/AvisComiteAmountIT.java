package fr.communs.comite.ui;

import static fr.communs.db.Tables.COMITE_AVIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import fr.communs.comite.AvisComite;
import fr.communs.comite.ComiteService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité avis screen records exactly the subsidy typed, or refuses it and records nothing.
 *
 * <p>This covers the files in flight on the cycle's previous definition (comité without séances), whose avis is
 * recorded on {@link AvisComiteTaskView}: each test deploys that definition as the latest version before starting its
 * file and removes it afterwards.
 */
@SpringBootTest
@ActiveProfiles("test")
class AvisComiteAmountIT {
    @Autowired Fixtures fx;
    @Autowired TaskService tasks;
    @Autowired ComiteService comite;
    @Autowired CommunFiles files;
    @Autowired DSLContext dsl;

    long communId;
    String agent;
    /** The previous definition's deployment, on which this class's file runs. */
    String ancienne;

    @BeforeEach
    void setUp() {
        fx.campagne();
        ancienne = fx.ancienneDefinition();
        Fixtures.Transmis t = fx.transmis();
        communId = t.communId();
        agent = fx.recevable(t);
        fx.scoredAncien(communId);
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

    private AvisComiteTaskView screen() {
        fx.as(agent);
        OpenTask task = tasks.findOpen(fx.task(communId, CycleCommunProcess.TASK_AVIS_COMITE).getId(),
                CycleCommunProcess.TASK_AVIS_COMITE).orElseThrow();
        AvisComiteTaskView view = new AvisComiteTaskView(tasks, comite, files);
        view.build(task);
        view.avis.setValue(AvisComite.Avis.FAVORABLE);
        return view;
    }

    private void save(AvisComiteTaskView view) {
        try {
            view.enregistrer.click();
        } catch (RuntimeException navigationWithoutRouter) {
            // success navigates to "Mes tâches", which a bare UI cannot do; what was recorded is checked below
        }
    }

    @Test
    void a_subsidy_typed_with_a_dot_is_recorded_to_the_cent() {
        AvisComiteTaskView view = screen();
        view.subvention.setValue("1500.50");
        save(view);
        assertThat(dsl.select(COMITE_AVIS.SUBVENTION_PROPOSEE).from(COMITE_AVIS).where(COMITE_AVIS.COMMUN_ID.eq(communId))
                .fetchOne().value1()).isEqualByComparingTo("1500.50");
    }

    @Test
    void a_pasted_amount_with_spaces_and_the_euro_sign_is_recorded_as_written() {
        AvisComiteTaskView view = screen();
        view.subvention.setValue("15 000 €");
        save(view);
        assertThat(dsl.select(COMITE_AVIS.SUBVENTION_PROPOSEE).from(COMITE_AVIS).where(COMITE_AVIS.COMMUN_ID.eq(communId))
                .fetchOne().value1()).isEqualByComparingTo("15000");
    }

    @Test
    void an_exponent_or_an_amount_above_the_ceiling_is_refused_and_nothing_is_recorded() {
        AvisComiteTaskView view = screen();
        view.subvention.setValue("1e12");
        view.enregistrer.click();
        assertThat(view.subvention.isInvalid()).isTrue();
        assertThat(view.errorsShown()).singleElement().asString().contains("« 1e12 » n'est pas un montant en euros");

        view.subvention.setValue("20 000 000");
        view.enregistrer.click();
        assertThat(view.errorsShown()).singleElement().asString().contains("dépasse le plafond de 10 000 000 €");
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(communId))).isZero();
        assertThat(fx.task(communId, CycleCommunProcess.TASK_AVIS_COMITE)).isNotNull();
    }
}
