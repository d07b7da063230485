package fr.communs.campagne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Etape;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The campagne's settings, and the deposit deadline that closes files not transmitted. */
@SpringBootTest
@ActiveProfiles("test")
class CampagneServiceIT {
    @Autowired Fixtures fx;
    @Autowired CampagneService campagnes;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired ManagementService management;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static CampagneSettings with(Campagne c, OffsetDateTime deadline) {
        return new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(), c.territoireCode(), deadline, c.dateComite());
    }

    @Test
    void only_an_administrator_changes_the_campagne_and_bad_settings_are_refused() {
        fx.campagne();
        Campagne c = campagnes.current().orElseThrow();
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> campagnes.update(c.id(), with(c, c.dateLimiteDepot().plusDays(1))))
                .isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.ADMIN));
        assertThatThrownBy(() -> campagnes.update(c.id(), new CampagneSettings("", c.collectivite(), c.territoireNom(),
                "Gard", null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .contains("Le champ « Nom de l'appel » est obligatoire.",
                        "Le code du département doit être un code INSEE (ex. 30, 2A, 974).",
                        "Le champ « Date limite de dépôt » est obligatoire."));
        assertThatThrownBy(() -> campagnes.update(c.id(), new CampagneSettings(c.nom(), c.collectivite(), "Gard", "99",
                c.dateLimiteDepot(), c.dateComite()))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("aucun département de la liste officielle");
        assertThatThrownBy(() -> campagnes.update(c.id(), new CampagneSettings(c.nom(), c.collectivite(), "Gard", "34",
                c.dateLimiteDepot(), c.dateComite()))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ne correspond pas au département 34 (Hérault)");
        assertThat(campagnes.current().orElseThrow()).isEqualTo(c);
    }

    @Test
    void moving_the_deadline_moves_the_timer_and_when_it_passes_the_file_is_closed() {
        fx.campagne();
        Campagne c = campagnes.current().orElseThrow();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long id = fx.deposit(porteurEmail, porteur);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        String admin = fx.account(Roles.ADMIN);
        OffsetDateTime past = OffsetDateTime.now().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        try {
            fx.as(admin);
            assertThat(campagnes.update(c.id(), with(c, past), true)).as("closing confirmed").isGreaterThanOrEqualTo(1);
            Job timer = management.createJobQuery().timers().activityId(CycleCommunProcess.TIMER_FIN_DEPOT)
                    .processInstanceId(fx.processInstanceId(id)).singleResult();
            assertThat(timer.getDuedate()).isEqualTo(Date.from(past.toInstant()));

            fx.as(porteurEmail);
            String taskId = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
            assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("est passée");

            management.executeJob(timer.getId());
            fx.runJobs(id);
            assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.DEPOT_CLOS);
            assertThat(communs.progress(id)).last().satisfies(e -> {
                assertThat(e.id()).isEqualTo(CycleCommunProcess.END_DEPOT_CLOS);
                assertThat(e.etat()).isEqualTo(Etape.Etat.FIN);
            });
        } finally {
            fx.as(admin);
            campagnes.update(c.id(), with(c, c.dateLimiteDepot()));
        }
    }
}
