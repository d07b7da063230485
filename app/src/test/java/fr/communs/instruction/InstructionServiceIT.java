package fr.communs.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.DossierVersionService;
import fr.communs.notification.Notification;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.TaskNotAvailableException;
import fr.communs.task.TaskService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class InstructionServiceIT {
    @Autowired Fixtures fx;
    @Autowired InstructionService instructions;
    @Autowired CommunService communs;
    @Autowired DossierVersionService versions;
    @Autowired TaskService tasks;
    @Autowired NotificationService notifications;
    @Autowired RuntimeService runtime;
    @Autowired DSLContext dsl;
    @Autowired fr.communs.piece.PieceJointeService pieces;

    private Fixtures.Transmis file;
    private String agent;
    private String colleague;
    private long agentId;
    private long colleagueId;
    private long porteurUserId;

    @BeforeEach
    void setUp() {
        fx.campagne();
        file = fx.transmis();
        agent = fx.account(Roles.AGENT);
        colleague = fx.account(Roles.AGENT);
        agentId = fx.as(agent).id();
        colleagueId = fx.as(colleague).id();
        porteurUserId = fx.as(file.porteurEmail()).id();
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static List<AppreciationCritere> criteres(Appreciation a) {
        return List.of(new AppreciationCritere(Critere.CONTRIBUTEURS, a, "Bonne diversité"),
                new AppreciationCritere(Critere.GOUVERNANCE, a, null),
                new AppreciationCritere(Critere.DEFIS, a, null),
                new AppreciationCritere(Critere.COMMUNS, a, "Licence libre prévue"));
    }

    private String instruireTask() {
        return fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId();
    }

    private long rows(String table) {
        return dsl.fetchCount(dsl.selectFrom(table).where("commun_id = " + file.communId()));
    }

    @Test
    void an_agent_takes_a_file_and_the_instruction_task_follows_then_a_colleague_cannot_take_it() {
        fx.as(agent);
        assertThat(instructions.suivi(file.communId()).instructeurId()).isNull();
        instructions.take(file.communId());

        assertThat(instructions.suivi(file.communId()).instructeurId()).isEqualTo(agentId);
        assertThat(fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isEqualTo(String.valueOf(agentId));
        assertThat(runtime.getVariable(fx.processInstanceId(file.communId()), CycleCommunProcess.VAR_INSTRUCTEUR))
                .isEqualTo(String.valueOf(agentId));

        fx.as(colleague);
        assertThatThrownBy(() -> instructions.take(file.communId())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà instruit par");
        assertThat(instructions.suivi(file.communId()).instructeurId()).isEqualTo(agentId);
    }

    @Test
    void assigning_to_a_colleague_moves_the_task_and_tells_them_and_releasing_frees_it() {
        fx.as(agent);
        instructions.assign(List.of(file.communId()), colleagueId);
        assertThat(fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isEqualTo(String.valueOf(colleagueId));

        fx.as(colleague);
        assertThat(notifications.mine(0, 10)).extracting(Notification::type).contains(NotificationType.DOSSIER_ATTRIBUE);
        instructions.release(file.communId());
        assertThat(instructions.suivi(file.communId()).instructeurId()).isNull();
        assertThat(fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isNull();
        assertThat(rows("app.dossier_attribution")).isEqualTo(2);
    }

    @Test
    void assigning_refuses_unknown_files_non_agents_and_files_not_transmitted_and_changes_nothing() {
        fx.as(agent);
        assertThatThrownBy(() -> instructions.assign(List.of(file.communId(), 999_999L), agentId))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'existe pas");
        long draft = fx.deposit(file.porteurEmail(), file.porteurStructureId());     // published, not transmitted
        fx.as(agent);
        assertThatThrownBy(() -> instructions.assign(List.of(file.communId(), draft), agentId))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pas été transmis");
        assertThat(instructions.suivi(file.communId()).instructeurId()).isNull();      // all or nothing
        assertThatThrownBy(() -> instructions.assign(List.of(file.communId()), porteurUserId))
                .isInstanceOf(ValidationException.class).hasMessageContaining("agent actif");

        fx.as(file.porteurEmail());
        assertThatThrownBy(() -> instructions.take(file.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> instructions.suivi(file.communId())).isInstanceOf(NotAllowedException.class);
        assertThat(rows("app.dossier_suivi")).isZero();
    }

    @Test
    void checking_a_decision_records_nothing_releasing_needs_the_instructeur_and_closed_files_are_not_assigned() {
        fx.as(agent);
        assertThatThrownBy(() -> instructions.checkDecision(InstructionDecision.of(DecisionInstruction.NON_RECEVABLE,
                List.of(), null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).hasSize(5));        // the reason and the four criteria, all at once
        instructions.checkDecision(InstructionDecision.of(DecisionInstruction.RECEVABLE, criteres(Appreciation.FAVORABLE), null));
        assertThat(rows("app.instruction")).isZero();
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);

        instructions.take(file.communId());
        fx.as(colleague);
        assertThatThrownBy(() -> instructions.release(file.communId())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Vous n'instruisez pas ce dossier");
        fx.as(file.porteurEmail());
        assertThatThrownBy(() -> instructions.checkDecision(InstructionDecision.of(DecisionInstruction.RECEVABLE,
                criteres(Appreciation.FAVORABLE), null))).isInstanceOf(NotAllowedException.class);

        fx.as(agent);
        instructions.decide(instruireTask(), InstructionDecision.of(DecisionInstruction.NON_RECEVABLE,
                criteres(Appreciation.DEFAVORABLE), "Hors du champ de l'appel."));
        assertThatThrownBy(() -> instructions.assign(List.of(file.communId()), colleagueId))
                .isInstanceOf(ValidationException.class).hasMessageContaining("est clos");
        assertThat(instructions.suivi(file.communId()).instructeurId()).isEqualTo(agentId);
    }

    @Test
    void taking_the_task_from_my_tasks_makes_the_agent_the_instructeur() {
        fx.as(agent);
        tasks.claim(instruireTask());
        assertThat(instructions.suivi(file.communId()).instructeurId()).isEqualTo(agentId);
        fx.as(agent);
        tasks.unclaim(instruireTask());
        assertThat(instructions.suivi(file.communId()).instructeurId()).isNull();
    }

    @Test
    void a_decision_needs_the_task_taken_by_the_deciding_agent() {
        String taskId = instruireTask();
        fx.as(agent);
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE,
                criteres(Appreciation.FAVORABLE), null)))
                .isInstanceOf(TaskNotAvailableException.class).hasMessageContaining("Prenez d'abord ce dossier");
        fx.as(colleague);
        instructions.take(file.communId());
        fx.as(agent);
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE,
                criteres(Appreciation.FAVORABLE), null))).isInstanceOf(TaskNotAvailableException.class);
        assertThat(rows("app.instruction")).isZero();
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void bad_decisions_are_refused_with_french_messages_and_record_nothing() {
        fx.as(agent);
        instructions.take(file.communId());
        String taskId = instruireTask();
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.NON_RECEVABLE,
                criteres(Appreciation.DEFAVORABLE), "  "))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Motif de non-recevabilité");
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE,
                criteres(Appreciation.FAVORABLE).subList(0, 3), null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("notion de communs");
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Précisez", Set.of(), Dates.today().plusDays(5)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("au moins une partie");
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Précisez", Set.of(PartieDossier.BESOIN), Dates.today()))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("postérieure");
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Précisez", Set.of(PartieDossier.BESOIN), Dates.today().plusDays(61)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("60 jours");
        assertThat(rows("app.instruction")).isZero();
        assertThat(fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE)).isNotNull();
    }

    @Test
    void non_recevable_ends_the_file_and_tells_the_groupement_the_reason() {
        fx.as(agent);
        instructions.take(file.communId());
        instructions.decide(instruireTask(), InstructionDecision.of(DecisionInstruction.NON_RECEVABLE,
                criteres(Appreciation.DEFAVORABLE), "Le projet ne relève pas d'un commun."));
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.NON_RECEVABLE);
        fx.as(file.membreEmail());
        assertThat(notifications.mine(0, 20)).anySatisfy(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.DECISION_INSTRUCTION);
            assertThat(n.texte()).contains("Le projet ne relève pas d'un commun.");
        });
        fx.as(agent);
        assertThat(notifications.mine(0, 20)).noneMatch(n -> n.type() == NotificationType.DECISION_INSTRUCTION);
    }

    @Test
    void a_complements_round_trip_unlocks_only_the_requested_parts_and_returns_to_the_same_instructeur() {
        fx.as(agent);
        instructions.take(file.communId());
        String resumeBefore = communs.get(file.communId()).resume();
        LocalDate due = Dates.today().plusDays(12);
        instructions.decide(instruireTask(), InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Précisez la gouvernance et joignez les statuts.", EnumSet.of(PartieDossier.GOUVERNANCE, PartieDossier.PIECES), due));
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.COMPLEMENTS_DEMANDES);
        Task completer = fx.task(file.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER);
        assertThat(completer.getDueDate().toInstant().atZone(Dates.ZONE).toLocalDate()).isEqualTo(due);

        fx.as(file.membreEmail());
        assertThat(instructions.demandeEnCours(file.communId())).hasValueSatisfying(d -> {
            assertThat(d.parties()).containsExactlyInAnyOrder(PartieDossier.GOUVERNANCE, PartieDossier.PIECES);
            assertThat(d.dateLimite()).isEqualTo(due);
        });
        assertThatThrownBy(() -> instructions.annotations(file.communId())).isInstanceOf(NotAllowedException.class);

        fx.as(file.porteurEmail());
        assertThatThrownBy(() -> instructions.completeFile(completer.getId(), new ComplementData(
                Map.of(PartieDossier.GOUVERNANCE, "Comité mensuel", PartieDossier.RESUME, "Autre résumé"), "Voici")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Résumé");
        assertThatThrownBy(() -> instructions.completeFile(completer.getId(), new ComplementData(Map.of(), "Voici")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Gouvernance");
        assertThatThrownBy(() -> instructions.completeFile(completer.getId(), new ComplementData(
                Map.of(PartieDossier.GOUVERNANCE, "Comité mensuel"), "Voici")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pièces jointes demandées");
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.COMPLEMENTS_DEMANDES);
        pieces.upload(file.communId(), file.porteurStructureId(), fr.communs.piece.CategoriePiece.STATUTS, "statuts.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        instructions.completeFile(completer.getId(), new ComplementData(
                Map.of(PartieDossier.GOUVERNANCE, "Un comité mensuel au consentement, ouvert aux usagers."), "Gouvernance précisée."));
        assertThat(communs.get(file.communId()).gouvernance()).startsWith("Un comité mensuel");
        assertThat(communs.get(file.communId()).resume()).isEqualTo(resumeBefore);
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        assertThat(fx.task(file.communId(), CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isEqualTo(String.valueOf(agentId));

        fx.as(agent);
        assertThat(versions.versions(file.communId())).hasSize(2);
        assertThat(instructions.lastComplement(file.communId())).contains("Gouvernance précisée.");
        assertThat(notifications.mine(0, 10)).extracting(Notification::type).contains(NotificationType.COMPLEMENTS_RECUS);
        fx.as(colleague);
        assertThat(notifications.mine(0, 10)).extracting(Notification::type).doesNotContain(NotificationType.COMPLEMENTS_RECUS);
    }

    @Test
    void a_resume_reopened_by_complements_has_the_limit_it_had_at_deposit_2000_characters() {
        fx.as(agent);
        instructions.take(file.communId());
        instructions.decide(instruireTask(), InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Développez le résumé.", EnumSet.of(PartieDossier.RESUME), Dates.today().plusDays(10)));
        Task completer = fx.task(file.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER);

        fx.as(file.porteurEmail());
        assertThatThrownBy(() -> instructions.completeFile(completer.getId(), new ComplementData(
                Map.of(PartieDossier.RESUME, "r".repeat(2001)), "Résumé développé.")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Le champ « Résumé » ne doit pas dépasser 2000 caractères.");
        instructions.completeFile(completer.getId(), new ComplementData(
                Map.of(PartieDossier.RESUME, "r".repeat(1500)), "Résumé développé."));

        assertThat(communs.get(file.communId()).resume()).hasSize(1500);
    }

    @Test
    void the_complements_reminder_reaches_the_porteur_only_while_compléments_are_awaited() {
        fx.as(agent);
        instructions.take(file.communId());
        instructions.decide(instruireTask(), InstructionDecision.complements(criteres(Appreciation.RESERVE),
                "Précisez le besoin.", EnumSet.of(PartieDossier.BESOIN), Dates.today().plusDays(10)));
        fx.logout();
        actions.remindComplements(file.communId(), java.util.Date.from(Dates.today().plusDays(10)
                .atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()));
        fx.as(file.porteurEmail());
        assertThat(notifications.mine(0, 20)).extracting(Notification::type).contains(NotificationType.RAPPEL_COMPLEMENTS);
        fx.as(file.membreEmail());
        assertThat(notifications.mine(0, 20)).extracting(Notification::type).doesNotContain(NotificationType.RAPPEL_COMPLEMENTS);
    }

    @Autowired fr.communs.processes.InstructionActions actions;

    @Test
    void appreciations_are_saved_by_the_instructeur_only_and_annotations_stay_with_agents() {
        fx.as(agent);
        assertThatThrownBy(() -> instructions.saveAppreciations(file.communId(), criteres(Appreciation.FAVORABLE)))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("Prenez d'abord");
        instructions.take(file.communId());
        instructions.saveAppreciations(file.communId(), List.of(new AppreciationCritere(Critere.DEFIS, Appreciation.RESERVE, "À préciser")));
        assertThat(instructions.appreciations(file.communId())).hasSize(4)
                .filteredOn(a -> a.critere() == Critere.DEFIS).singleElement()
                .satisfies(a -> assertThat(a.commentaire()).isEqualTo("À préciser"));
        instructions.annotate(file.communId(), "Appeler la porteuse mardi.");
        fx.as(colleague);
        assertThat(instructions.annotations(file.communId())).extracting(Annotation::texte).containsExactly("Appeler la porteuse mardi.");
        assertThatThrownBy(() -> instructions.annotate(file.communId(), " ")).isInstanceOf(ValidationException.class);

        for (String email : List.of(file.porteurEmail(), file.membreEmail(), fx.account(Roles.COMITE))) {
            fx.as(email);
            assertThatThrownBy(() -> instructions.annotations(file.communId())).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> instructions.annotate(file.communId(), "x")).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> instructions.decisions(file.communId())).isInstanceOf(NotAllowedException.class);
        }
        fx.logout();
        assertThatThrownBy(() -> instructions.annotations(file.communId())).isInstanceOf(NotAllowedException.class);
        assertThat(rows("app.annotation")).isEqualTo(1);
    }

    @Test
    void two_decisions_on_the_same_file_at_once_record_one_and_tell_the_other_clearly() throws Exception {
        fx.as(agent);
        instructions.take(file.communId());
        String taskId = instruireTask();
        List<Object> outcomes = Fixtures.race(() -> {
            fx.as(agent);
            instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE, criteres(Appreciation.FAVORABLE), null));
            return "ok";
        }, () -> {
            fx.as(agent);
            instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.NON_RECEVABLE,
                    criteres(Appreciation.DEFAVORABLE), "Hors sujet"));
            return "ok";
        });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof TaskNotAvailableException).singleElement()
                .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("vient d'être traité"));
        assertThat(rows("app.instruction")).isEqualTo(1);
    }

    @Test
    void a_colleague_taking_over_the_file_before_the_decision_makes_the_first_agent_s_decision_fail() {
        fx.as(agent);
        instructions.take(file.communId());
        String taskId = instruireTask();
        fx.as(colleague);
        instructions.assign(List.of(file.communId()), colleagueId);
        fx.as(agent);
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE,
                criteres(Appreciation.FAVORABLE), null))).isInstanceOf(TaskNotAvailableException.class);
        fx.as(colleague);
        instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE, criteres(Appreciation.FAVORABLE), null));
        assertThat(communs.get(file.communId()).statut()).isEqualTo(CommunStatut.AU_COMITE);
        assertThat(rows("app.instruction")).isEqualTo(1);
    }
}
