package fr.communs.campagne;

import static fr.communs.db.Tables.COMMUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Etape;
import fr.communs.commun.GroupementService;
import fr.communs.commun.Jalon;
import fr.communs.commun.JalonService;
import fr.communs.commun.RoleGroupement;
import fr.communs.historique.Evenement;
import fr.communs.historique.HistoriqueService;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.notification.Notification;
import fr.communs.notification.NotificationService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.Rappel;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deadline set in the past by mistake: refused unless confirmed (with the number of files it closes), and an
 * administrator can then reopen the deposit once the deadline is to come again. Real services, embedded PostgreSQL,
 * real engine (its jobs run by the test).
 */
@SpringBootTest
@ActiveProfiles("test")
class ReouvertureDepotIT {
    @Autowired Fixtures fx;
    @Autowired CampagneService campagnes;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired JalonService jalons;
    @Autowired HistoriqueService historique;
    @Autowired InstructionService instructions;
    @Autowired NotificationService notifications;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired DSLContext dsl;

    Campagne initiale;
    String admin;

    @BeforeEach
    void setUp() {
        fx.campagne();
        initiale = campagnes.current().orElseThrow();
        admin = fx.admin();
    }

    @AfterEach
    void tearDown() {
        fx.as(admin);
        campagnes.update(initiale.id(), with(initiale.dateLimiteDepot()), true);
        fx.logout();
    }

    private CampagneSettings with(OffsetDateTime deadline) {
        Campagne c = initiale;
        return new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(), c.territoireCode(), deadline, c.dateComite());
    }

    private static OffsetDateTime minutesFromNow(long minutes) {
        return OffsetDateTime.now().plusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new porteur's idea with two confirmed ESS members from the Gard: eligible, not transmitted. */
    private record Forming(long id, String porteurEmail) {
    }

    private Forming forming() {
        long porteur = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, porteur);
        long id = fx.deposit(email, porteur);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.logout();
        return new Forming(id, email);
    }

    private Job deadlineTimer(long communId) {
        return management.createJobQuery().processInstanceId(fx.processInstanceId(communId))
                .activityId(CycleCommunProcess.TIMER_FIN_DEPOT).timers().singleResult();
    }

    /** What the job executor does once the deadline has passed: the timer, then "Clore le dépôt". */
    private void deadlinePasses(long communId) {
        management.executeJob(deadlineTimer(communId).getId());
        fx.runJobs(communId);
    }

    private static List<String> libelles(List<Jalon> list) {
        return list.stream().map(Jalon::libelle).toList();
    }

    @Test
    void a_past_deadline_is_refused_without_confirmation_and_the_refusal_names_the_files_it_would_close() {
        forming();
        forming();
        OffsetDateTime past = minutesFromNow(-1);
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> campagnes.filesClosedBy(initiale.id(), past)).isInstanceOf(NotAllowedException.class);
        fx.as(admin);
        int closing = campagnes.filesClosedBy(initiale.id(), past);
        assertThat(closing).isGreaterThanOrEqualTo(2);
        assertThat(campagnes.filesClosedBy(initiale.id(), minutesFromNow(60))).isZero();
        assertThat(campagnes.filesClosedBy(initiale.id(), initiale.dateLimiteDepot())).isZero();

        for (var attempt : List.<Runnable>of(() -> campagnes.update(initiale.id(), with(past)),
                () -> campagnes.update(initiale.id(), with(past), false))) {
            assertThatThrownBy(attempt::run).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("est déjà passée : les " + closing + " dossiers non transmis seront clos "
                            + "immédiatement ; les groupements ne pourront plus les transmettre")
                    .hasMessageContaining("Confirmez la clôture ou choisissez une date à venir.");
        }

        assertThat(campagnes.current().orElseThrow()).as("nothing changed").isEqualTo(initiale);
        assertThat(management.createJobQuery().timers().activityId(CycleCommunProcess.TIMER_FIN_DEPOT).list())
                .extracting(Job::getDuedate).doesNotContain(Date.from(past.toInstant()));
        OffsetDateTime later = minutesFromNow(60 * 24 * 40);
        assertThat(campagnes.update(initiale.id(), with(later))).as("a date to come needs no confirmation")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_confirmed_past_deadline_closes_the_files_and_reopening_brings_back_only_them_with_the_new_deadline() {
        Forming a = forming();
        Forming b = forming();
        long transmis = fx.transmis().communId();
        long nonRecevable = fx.transmis().communId();
        String agent = fx.account(Roles.AGENT);
        fx.as(agent);
        instructions.take(nonRecevable);
        instructions.decide(fx.task(nonRecevable, CycleCommunProcess.TASK_INSTRUIRE).getId(), InstructionDecision.of(
                DecisionInstruction.NON_RECEVABLE, Arrays.stream(Critere.values())
                        .map(c -> new AppreciationCritere(c, Appreciation.DEFAVORABLE, null)).toList(), "Hors sujet."));
        String pidAvant = fx.processInstanceId(a.id());

        fx.as(admin);
        OffsetDateTime past = minutesFromNow(-1);
        campagnes.update(initiale.id(), with(past), true);
        deadlinePasses(a.id());
        deadlinePasses(b.id());
        assertThat(List.of(a.id(), b.id())).allSatisfy(id ->
                assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.DEPOT_CLOS));
        LocalDate today = Dates.today();
        Jalon clos = new Jalon(today, "Dépôt clos sans transmission du dossier (date limite passée)", Jalon.Etat.FAIT);
        assertThat(jalons.jalons(a.id())).last().isEqualTo(clos);

        assertThatThrownBy(() -> campagnes.reopenDeposit(initiale.id())).as("the deadline is still past")
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("est passée : enregistrez d'abord une date limite à venir, puis rouvrez le dépôt");
        assertThat(communs.get(a.id()).statut()).isEqualTo(CommunStatut.DEPOT_CLOS);

        OffsetDateTime future = minutesFromNow(60 * 24 * 20);
        campagnes.update(initiale.id(), with(future));
        assertThat(jalons.jalons(a.id())).as("dated the day it was really closed, not the new deadline").last()
                .isEqualTo(clos);
        int toReopen = campagnes.filesToReopen(initiale.id());
        assertThat(toReopen).isGreaterThanOrEqualTo(2);

        for (String other : List.of(agent, a.porteurEmail())) {
            fx.as(other);
            assertThatThrownBy(() -> campagnes.reopenDeposit(initiale.id())).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> campagnes.filesToReopen(initiale.id())).isInstanceOf(NotAllowedException.class);
        }
        assertThat(communs.get(a.id()).statut()).isEqualTo(CommunStatut.DEPOT_CLOS);

        fx.as(admin);
        assertThat(campagnes.reopenDeposit(initiale.id())).isEqualTo(toReopen);

        assertThat(communs.get(a.id()).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(communs.get(b.id()).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(communs.get(transmis).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        assertThat(communs.get(nonRecevable).statut()).as("ended otherwise: left alone").isEqualTo(CommunStatut.NON_RECEVABLE);
        assertThat(campagnes.filesToReopen(initiale.id())).isZero();

        String pid = fx.processInstanceId(a.id());
        assertThat(pid).isNotEqualTo(pidAvant);
        assertThat(dsl.select(COMMUN.PROCESS_INSTANCE_ID).from(COMMUN).where(COMMUN.COMMUN_ID.eq(a.id())).fetchOne().value1())
                .isEqualTo(pid);
        Date due = Date.from(future.toInstant());
        assertThat(fx.task(a.id(), CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getDueDate()).isEqualTo(due);
        assertThat(deadlineTimer(a.id()).getDuedate()).isEqualTo(due);
        for (Rappel rappel : Rappel.values()) {
            assertThat(management.createJobQuery().processInstanceId(pid).activityId(rappel.timerId()).timers()
                    .singleResult().getDuedate()).isEqualTo(CycleCommunProcess.reminderDate(due, rappel.joursAvant()));
        }
        assertThat(runtime.getVariable(pid, CycleCommunProcess.VAR_DATE_LIMITE_DEPOT)).isEqualTo(due);
        assertThat(communs.progress(a.id())).filteredOn(e -> e.etat() == Etape.Etat.EN_COURS).extracting(Etape::id)
                .containsExactly(CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);

        List<Jalon> timeline = jalons.jalons(a.id());
        assertThat(libelles(timeline)).startsWith("Idée publiée", clos.libelle(),
                "Dépôt rouvert par le Département : le dossier peut de nouveau être transmis",
                "Transmission du dossier au Département, au plus tard le " + campagnes.current().orElseThrow().dateLimiteTexte());
        assertThat(timeline.get(2).date()).isEqualTo(today);
        assertThat(timeline.get(3).etat()).isEqualTo(Jalon.Etat.EN_COURS);

        String adminName = fx.as(admin).nomComplet();
        fx.as(agent);
        assertThat(historique.evenements(a.id())).anySatisfy(e -> {
            assertThat(e.titre()).isEqualTo("Dépôt rouvert par " + adminName);
            assertThat(e.acteur()).isEqualTo(adminName);
            assertThat(e.type()).isEqualTo(Evenement.Type.DOSSIER);
            assertThat(e.detail()).contains("nouvelle date limite de dépôt : "
                    + campagnes.current().orElseThrow().dateLimiteTexte());
        }).anySatisfy(e -> assertThat(e.titre()).isEqualTo("Dépôt clos sans transmission du dossier"));

        fx.as(a.porteurEmail());
        assertThat(notifications.mine(0, 20)).extracting(Notification::titre)
                .anySatisfy(t -> assertThat(t).startsWith("Dépôt rouvert jusqu'au "));
        groupements.transmit(fx.task(a.id(), CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        assertThat(communs.get(a.id()).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        assertThat(fx.task(a.id(), CycleCommunProcess.TASK_INSTRUIRE)).isNotNull();
    }

    @Test
    void two_administrators_reopening_at_the_same_time_start_one_cycle_per_file() throws Exception {
        Forming a = forming();
        fx.as(admin);
        campagnes.update(initiale.id(), with(minutesFromNow(-1)), true);
        deadlinePasses(a.id());
        campagnes.update(initiale.id(), with(minutesFromNow(60 * 24 * 20)));
        String otherAdmin = fx.account(Roles.ADMIN);

        List<Object> outcomes = Fixtures.race(() -> {
            fx.as(admin);
            return campagnes.reopenDeposit(initiale.id());
        }, () -> {
            fx.as(otherAdmin);
            return campagnes.reopenDeposit(initiale.id());
        });

        assertThat(outcomes).filteredOn(Integer.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ValidationException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ValidationException) e).getMessage()).contains("il n'y a rien à rouvrir"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(a.id())).count()).isEqualTo(1);
        assertThat(communs.get(a.id()).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
    }
}
