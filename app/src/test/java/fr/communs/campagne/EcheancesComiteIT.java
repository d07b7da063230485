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

/**
 * The comité's due dates. Files in flight on the cycle's previous definition (comité without séances) keep their
 * tasks due on the campagne's comité date, following it when an administrator moves it, and reach the Assemblée
 * through the former screens' services; on the current definition, a file's tasks are due on its séance's day and
 * follow the séance when it moves before it opens.
 */
@SpringBootTest
@ActiveProfiles("test")
class EcheancesComiteIT {
    @Autowired Fixtures fx;
    @Autowired CampagneService campagnes;
    @Autowired InstructionService instructions;
    @Autowired ComiteService comite;

    @Autowired fr.communs.comite.seance.SeanceService seances;

    Campagne initiale;
    String ancienne;

    @BeforeEach
    void setUp() {
        fx.campagne();
        initiale = campagnes.current().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        if (ancienne != null) {
            fx.retirerAncienneDefinition(ancienne);
        }
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
    void on_the_previous_definition_auditions_are_due_on_the_comite_day_the_avis_a_week_later_both_follow_a_new_date_and_the_file_reaches_the_vote() {
        ancienne = fx.ancienneDefinition();
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

        fx.as(agent);
        comite.recordAvis(fx.task(id, CycleCommunProcess.TASK_AVIS_COMITE).getId(), new fr.communs.comite.AvisComite(
                fr.communs.comite.AvisComite.Avis.FAVORABLE, new java.math.BigDecimal("9000"), null));
        fx.runJobs(id);
        assertThat(fx.task(id, CycleCommunProcess.TASK_VOTE_ASSEMBLEE)).as("the file in flight reaches the vote").isNotNull();
    }

    @Test
    void seance_tasks_are_due_on_the_seance_and_follow_it_when_it_moves_before_opening() {
        fx.account(Roles.COMITE);
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        long seanceId = fx.seance(t.communId());
        java.time.LocalDateTime avancee = Dates.today().plusDays(1).atTime(9, 0);
        fx.as(fx.account(Roles.AGENT));
        fr.communs.comite.seance.Seance seance = seances.get(seanceId);
        assertThat(seance.debut()).isAfter(avancee);
        seances.modifier(seanceId, seance.version(), avancee, null, seance.lienVisio());
        fx.logout();
        fx.ouverte(seanceId);

        Date debut = Date.from(avancee.atZone(Dates.ZONE).toInstant());
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)).isNotEmpty()
                .allSatisfy(task -> assertThat(task.getDueDate()).as("due when the moved séance starts").isEqualTo(debut));
        fx.scored(t.communId());
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_SEANCE).getDueDate())
                .isEqualTo(Date.from(debut.toInstant().plus(CycleCommunProcess.AVIS_APRES_COMITE)));
    }
}
