package fr.communs.commun;

import fr.communs.base.CommunStatut;
import static fr.communs.db.Tables.COMMUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our jOOQ rows and Camunda's task completion share the DataSource and Spring's transaction manager: when a
 * user action fails, both roll back.
 */
@SpringBootTest
@ActiveProfiles("test")
class OneTransactionIT {
    @Autowired Fixtures fx;
    @Autowired GroupementService groupements;
    @Autowired CommunService communs;
    @Autowired fr.communs.task.TaskService tasks;
    @Autowired org.camunda.bpm.engine.TaskService engineTasks;
    @Autowired TransactionTemplate transactions;
    @Autowired DSLContext dsl;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private long eligibleCommun(String porteurEmail, long porteur) {
        long id = fx.deposit(porteurEmail, porteur);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        return id;
    }

    @Test
    void a_service_that_writes_a_row_and_completes_a_task_rolls_both_back_when_the_action_fails() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long id = eligibleCommun(porteurEmail, porteur);
        String taskId = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            groupements.transmit(taskId);                        // jOOQ update + Camunda completion
            assertThat(engineTasks.createTaskQuery().taskId(taskId).count()).isZero();
            throw new IllegalStateException("échec après la transmission");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(communs.get(id).dateTransmission()).isNull();
        assertThat(engineTasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE)).isNull();
    }

    @Test
    void when_the_engine_fails_while_completing_the_task_the_rows_written_before_are_rolled_back() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long id = eligibleCommun(porteurEmail, porteur);
        fx.as(porteurEmail);
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.as(fx.account(Roles.AGENT));
        String instruction = fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId();

        // Completing the instruction without its decision variable makes the gateway fail inside the engine.
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            tasks.requireOpen(instruction, CycleCommunProcess.TASK_INSTRUIRE);
            communs.changeStatut(id, CommunStatut.AU_COMITE);
            tasks.complete(instruction, Map.of());
        })).isInstanceOf(ProcessEngineException.class);

        assertThat(dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(id)).fetchOne().value1())
                .isEqualTo(CommunStatut.EN_INSTRUCTION.name());
        assertThat(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE)).isNotNull();
        assertThat(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isNull();
    }
}
