package fr.communs.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.commun.GroupementService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Fixtures.Transmis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A task the caller cannot open is explained for what it is: done, taken by a named colleague of the same group, or
 * never meant for the caller (nobody named then) — no longer "plus disponible" for all three.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskIndisponibleIT {
    @Autowired TaskService tasks;
    @Autowired GroupementService groupements;
    @Autowired Fixtures fx;

    Transmis file;
    String instruire;

    @BeforeEach
    void setUp() {
        fx.campagne();
        file = fx.transmis();
        instruire = fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    @Test
    void a_task_taken_by_a_colleague_names_the_colleague_instead_of_saying_it_is_no_longer_available() {
        String premier = fx.account(Roles.AGENT);
        String second = fx.account(Roles.AGENT);
        fx.as(premier);
        tasks.claim(instruire);

        fx.as(second);
        assertThat(tasks.whyNotOpen(instruire, CycleCommunProcess.TASK_INSTRUIRE))
                .isEqualTo("Cette tâche est prise en charge par Personne " + premier + " : elle n'est plus à faire par vous.");
        assertThatThrownBy(() -> tasks.claim(instruire)).isInstanceOf(TaskNotAvailableException.class)
                .hasMessageContaining("prise en charge par Personne " + premier);
    }

    @Test
    void a_task_that_was_never_yours_says_so_and_names_nobody() {
        long autre = fx.structure(true, "30");
        String dehors = fx.account(Roles.STRUCTURE, autre);
        fx.as(dehors);

        assertThat(tasks.whyNotOpen(instruire, CycleCommunProcess.TASK_INSTRUIRE))
                .isEqualTo(TaskNotAvailableException.NOT_FOR_YOU).doesNotContain("Personne").doesNotContain("plus disponible");
    }

    @Test
    void a_structure_outside_the_groupement_trying_to_transmit_is_told_the_task_is_not_for_it() {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long communId = fx.deposit(porteurEmail, porteur);
        String constituer = fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));

        assertThatThrownBy(() -> groupements.transmit(constituer)).isInstanceOf(TaskNotAvailableException.class)
                .hasMessage(TaskNotAvailableException.NOT_FOR_YOU);
    }

    @Test
    void a_task_already_done_says_it_was_done_meanwhile() {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long communId = fx.deposit(porteurEmail, porteur);
        fx.join(communId, fx.structure(true, "30"), fr.communs.commun.RoleGroupement.MEMBRE);
        fx.join(communId, fx.structure(true, "30"), fr.communs.commun.RoleGroupement.CONTRIBUTEUR);
        String constituer = fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        fx.as(porteurEmail);
        groupements.transmit(constituer);

        assertThat(tasks.whyNotOpen(constituer, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT))
                .isEqualTo(TaskNotAvailableException.DONE).contains("déjà été traitée");
        assertThatThrownBy(() -> groupements.transmit(constituer)).isInstanceOf(TaskNotAvailableException.class)
                .hasMessageContaining("déjà été traitée");
    }
}
