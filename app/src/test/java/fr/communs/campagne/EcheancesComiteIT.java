package fr.communs.campagne;

import fr.communs.base.Dates;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.comite.ComiteService;
import fr.communs.comite.NotesAudition;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The comité's tasks are due on the campagne's comité date, and follow it when an administrator moves it. */
@SpringBootTest
@ActiveProfiles("test")
class EcheancesComiteIT {
    @Autowired Fixtures fx;
    @Autowired CampagneService campagnes;
    @Autowired InstructionService instructions;
    @Autowired ComiteService comite;

    Campagne initiale;

    @BeforeEach
    void setUp() {
        fx.campagne();
        initiale = campagnes.current().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        fx.as(fx.admin());
        campagnes.update(initiale.id(), with(initiale.dateComite()));
        fx.logout();
    }

    private CampagneSettings with(LocalDate dateComite) {
        Campagne c = initiale;
        return new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(), c.territoireCode(), c.dateLimiteDepot(),
                dateComite);
    }

    /** 23h59 in Paris on that day. */
    private static Date endOf(LocalDate day) {
        return Date.from(ZonedDateTime.of(day, LocalTime.of(23, 59), fr.communs.base.Dates.ZONE).toInstant());
    }

    @Test
    void auditions_are_due_on_the_comite_day_the_avis_a_week_later_and_both_follow_a_new_comite_date() {
        fx.account(Roles.COMITE);
        long id = fx.transmis().communId();
        String agent = fx.account(Roles.AGENT);
        fx.as(agent);
        instructions.take(id);
        instructions.decide(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId(), InstructionDecision.of(
                DecisionInstruction.RECEVABLE, Arrays.stream(Critere.values())
                        .map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList(), null));
        fx.runJobs(id);

        assertThat(initiale.dateComite()).isAfter(Dates.today().plusDays(30));
        assertThat(fx.tasks(id, CycleCommunProcess.TASK_NOTER_AUDITION)).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf(initiale.dateComite())));

        LocalDate reportee = initiale.dateComite().plusDays(9);
        fx.as(fx.admin());
        campagnes.update(initiale.id(), with(reportee));
        assertThat(fx.tasks(id, CycleCommunProcess.TASK_NOTER_AUDITION))
                .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf(reportee)));

        for (Task audition : fx.tasks(id, CycleCommunProcess.TASK_NOTER_AUDITION)) {
            fx.as(fx.emailOf(Long.parseLong(audition.getAssignee())));
            comite.score(audition.getId(), new NotesAudition(3, 3, 3, 3, null));
        }
        Date avis = Date.from(endOf(reportee).toInstant().plus(Duration.ofDays(7)));
        assertThat(fx.task(id, CycleCommunProcess.TASK_AVIS_COMITE).getDueDate()).isEqualTo(avis);

        LocalDate avancee = reportee.minusDays(3);
        fx.as(fx.admin());
        campagnes.update(initiale.id(), with(avancee));
        assertThat(fx.task(id, CycleCommunProcess.TASK_AVIS_COMITE).getDueDate())
                .isEqualTo(Date.from(endOf(avancee).toInstant().plus(Duration.ofDays(7))));
    }
}
