package fr.communs.commun;

import fr.communs.base.Dates;
import fr.communs.base.CommunStatut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.AvisComite;
import fr.communs.comite.ComiteService;
import fr.communs.comite.NotesAudition;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskNotAvailableException;
import fr.communs.task.TaskService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The cycle through the real services, on embedded PostgreSQL and the real Camunda engine. */
@SpringBootTest
@ActiveProfiles("test")
class CycleServicesIT {
    @Autowired Fixtures fx;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired InstructionService instructions;
    @Autowired ComiteService comite;
    @Autowired AssembleeService assemblee;
    @Autowired LivrableService livrables;
    @Autowired TaskService tasks;

    long porteur;
    String porteurEmail;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        agent = fx.account(Roles.AGENT);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static final List<fr.communs.instruction.AppreciationCritere> CRITERES = List.of(
            new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.CONTRIBUTEURS, Appreciation.FAVORABLE, null),
            new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.GOUVERNANCE, Appreciation.FAVORABLE, null),
            new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.DEFIS, Appreciation.RESERVE, null),
            new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.COMMUNS, Appreciation.FAVORABLE, null));

    private static InstructionDecision decision(DecisionInstruction d, String motif) {
        return d == DecisionInstruction.COMPLEMENTS
                ? InstructionDecision.complements(CRITERES, motif, java.util.Set.of(fr.communs.instruction.PartieDossier.BESOIN,
                        fr.communs.instruction.PartieDossier.GOUVERNANCE), Dates.today().plusDays(15))
                : InstructionDecision.of(d, CRITERES, motif);
    }

    private long eligibleCommun() {
        long id = fx.deposit(porteurEmail, porteur);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        return id;
    }

    @Test
    void a_commun_goes_through_the_whole_cycle_to_laureate_with_one_complements_round() {
        String comite1 = fx.account(Roles.COMITE);
        long id = eligibleCommun();
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(groupements.eligibility(id).eligible()).isTrue();

        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        assertThat(communs.get(id).dateTransmission()).isNotNull();

        fx.as(agent);
        assertThat(tasks.myTasks()).extracting(OpenTask::communId).contains(id);
        instructions.take(id);
        instructions.decide(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId(),
                decision(DecisionInstruction.COMPLEMENTS, "Précisez la gouvernance."));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.COMPLEMENTS_DEMANDES);

        fx.as(porteurEmail);
        instructions.completeFile(fx.task(id, CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId(),
                new ComplementData(java.util.Map.of(fr.communs.instruction.PartieDossier.BESOIN, "Besoin précisé",
                        fr.communs.instruction.PartieDossier.GOUVERNANCE, "Décisions au consentement"), "Gouvernance précisée."));
        assertThat(communs.get(id).gouvernance()).isEqualTo("Décisions au consentement");
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);

        fx.as(agent);
        instructions.decide(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId(), decision(DecisionInstruction.RECEVABLE, null));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.AU_COMITE);
        fx.runJobs(id);

        assertThat(fx.isWaitingAt(id, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isTrue();
        long seanceId = fx.enAudition(id);
        List<Task> auditions = fx.tasks(id, CycleCommunProcess.TASK_NOTER_SEANCE);
        assertThat(auditions).isNotEmpty();
        for (Task audition : auditions) {
            fx.score(audition, 4);
        }
        fx.runJobs(id);
        fx.avisSeance(id, new fr.communs.comite.deliberation.AvisSeance(fr.communs.comite.deliberation.AvisSeance.Type.FAVORABLE,
                null, null, new BigDecimal("9000.00")));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.AU_COMITE);
        fx.close(seanceId);
        fx.as(agent);
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.A_L_ASSEMBLEE);
        assemblee.recordVote(fx.task(id, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.AJOURNE, null, Dates.today()));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.A_L_ASSEMBLEE);
        assemblee.recordVote(fx.task(id, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("9000"), Dates.today()));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.LAUREAT);
        assertThat(assemblee.votes(id)).hasSize(2);

        fx.as(porteurEmail);
        livrables.deposit(fx.task(id, CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(),
                new LivrableData("Guide", "https://exemple.org/guide", "Un guide.", "Retour."));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.LIVRABLE_DEPOSE);
        assertThat(livrables.find(id)).isPresent();

        List<Etape> etapes = communs.progress(id);
        assertThat(etapes).extracting(Etape::id).contains(CycleCommunProcess.TASK_COMPLETER_DOSSIER, CycleCommunProcess.END_LAUREAT);
        assertThat(etapes).allSatisfy(e -> assertThat(e.etat()).isIn(Etape.Etat.PASSEE, Etape.Etat.FIN));
        assertThat(etapes).allSatisfy(e -> assertThat(e.date()).isNotNull());
    }

    private String emailOfAssignee(Task task) {
        return fx.emailOf(Long.parseLong(task.getAssignee()));
    }

    @Test
    void progress_of_a_new_idea_shows_the_current_step_and_the_steps_to_come() {
        long id = fx.deposit(porteurEmail, porteur);
        List<Etape> etapes = communs.progress(id);
        assertThat(etapes.get(0).etat()).isEqualTo(Etape.Etat.PASSEE);
        assertThat(etapes.get(1).id()).isEqualTo(CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);
        assertThat(etapes.get(1).etat()).isEqualTo(Etape.Etat.EN_COURS);
        assertThat(etapes.get(1).libelle()).isNotBlank();
        assertThat(etapes.subList(2, etapes.size())).allSatisfy(e -> assertThat(e.etat()).isEqualTo(Etape.Etat.A_VENIR));
    }

    @Test
    void a_groupement_that_is_not_eligible_cannot_be_transmitted_and_nothing_changes() {
        long id = fx.deposit(porteurEmail, porteur);
        fx.join(id, fx.structure(true, "34"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(false, "30"), RoleGroupement.MEMBRE);
        Eligibility eligibility = groupements.eligibility(id);
        assertThat(eligibility.eligible()).isFalse();
        String taskId = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("2/3").hasMessageContaining("il en faudrait");
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT)).isNotNull();
        assertThat(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getAssignee()).isNull();
    }

    @Test
    void only_the_porteur_changes_the_groupement_and_transmits() {
        long id = fx.deposit(porteurEmail, porteur);
        long other = fx.structure(true, "30");
        String otherEmail = fx.account(Roles.STRUCTURE, other);
        fx.as(otherEmail);
        assertThatThrownBy(() -> groupements.invite(id, other, RoleGroupement.MEMBRE, null)).isInstanceOf(NotAllowedException.class);
        String taskId = fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
        assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(TaskNotAvailableException.class);
        fx.as(agent);
        assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(TaskNotAvailableException.class);
        fx.logout();
        assertThatThrownBy(() -> groupements.invite(id, other, RoleGroupement.MEMBRE, null)).isInstanceOf(NotAllowedException.class);
        fx.as(porteurEmail);
        assertThat(communs.membres(id)).hasSize(1);
    }

    @Test
    void a_structure_cannot_join_twice_nor_deposit_for_another_structure() {
        long id = fx.deposit(porteurEmail, porteur);
        long member = fx.structure(true, "30");
        fx.join(id, member, RoleGroupement.MEMBRE);
        assertThatThrownBy(() -> groupements.invite(id, member, RoleGroupement.CONTRIBUTEUR, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fait déjà partie");
        assertThatThrownBy(() -> groupements.invite(id, porteur, RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fx.deposit(porteurEmail, member)).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> fx.deposit(porteurEmail, member)).isInstanceOf(NotAllowedException.class);
        assertThat(communs.membres(id)).hasSize(2);
    }

    @Test
    void deposit_refuses_bad_input_with_french_messages_and_saves_nothing(@Autowired CommunSearchService search) {
        fx.as(porteurEmail);
        int before = search.count(CommunFilter.none());
        assertThatThrownBy(() -> communs.depositIdea(porteur, new CommunData(" ", "x".repeat(2001), "", null, null, Set.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).contains(
                        "Le champ « Titre » est obligatoire.",
                        "Le champ « Résumé » ne doit pas dépasser 2000 caractères.",
                        "Le champ « Besoin du territoire (diagnostic) » est obligatoire.",
                        "Choisissez au moins un défi de l'appel."));
        assertThatThrownBy(() -> communs.depositIdea(porteur, new CommunData("T", "R", "B", null, null, Set.of(-1L))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'appartient pas");
        assertThat(search.count(CommunFilter.none())).isEqualTo(before);
    }

    @Test
    void instruction_refuses_bad_input_wrong_roles_and_a_second_decision_on_the_same_task() {
        long id = eligibleCommun();
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        String taskId = fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId();

        assertThatThrownBy(() -> instructions.decide(taskId, decision(DecisionInstruction.RECEVABLE, null)))
                .isInstanceOf(NotAllowedException.class);
        fx.as(agent);
        assertThatThrownBy(() -> instructions.decide(taskId, decision(DecisionInstruction.NON_RECEVABLE, " ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Motif de non-recevabilité");
        assertThatThrownBy(() -> instructions.decide(taskId, InstructionDecision.of(DecisionInstruction.RECEVABLE,
                List.of(), null))).isInstanceOf(ValidationException.class);
        assertThat(instructions.decisions(id)).isEmpty();
        assertThat(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isNull();

        String colleague = fx.account(Roles.AGENT);
        fx.as(colleague);
        tasks.claim(taskId);
        fx.as(agent);
        assertThatThrownBy(() -> instructions.decide(taskId, decision(DecisionInstruction.NON_RECEVABLE, "Hors sujet")))
                .isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> tasks.claim(taskId)).isInstanceOf(TaskNotAvailableException.class);
        fx.as(colleague);
        instructions.decide(taskId, decision(DecisionInstruction.NON_RECEVABLE, "Hors sujet"));
        assertThatThrownBy(() -> instructions.decide(taskId, decision(DecisionInstruction.NON_RECEVABLE, "Hors sujet")))
                .isInstanceOf(TaskNotAvailableException.class);
        assertThat(instructions.decisions(id)).hasSize(1);
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.NON_RECEVABLE);
        assertThat(communs.progress(id)).last().satisfies(e -> {
            assertThat(e.id()).isEqualTo(CycleCommunProcess.END_NON_RECEVABLE);
            assertThat(e.etat()).isEqualTo(Etape.Etat.FIN);
        });
    }

    @Test
    void a_structure_never_sees_another_commun_s_instruction() {
        long id = eligibleCommun();
        String stranger = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        fx.as(stranger);
        assertThatThrownBy(() -> instructions.decisions(id)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> comite.notes(id)).isInstanceOf(NotAllowedException.class);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> instructions.decisions(id)).isInstanceOf(NotAllowedException.class);
        assertThat(instructions.demandeEnCours(id)).isEmpty();
    }

    @Test
    void vote_avis_scores_and_livrable_validate_their_input_and_refuse_wrong_roles() {
        long id = eligibleCommun();
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.as(agent);
        assertThatThrownBy(() -> comite.recordAvis("inconnue", new AvisComite(AvisComite.Avis.FAVORABLE,
                new BigDecimal("-1"), null))).isInstanceOf(ValidationException.class).hasMessageContaining("positif ou nul");
        assertThatThrownBy(() -> assemblee.recordVote("inconnue", new VoteAssemblee(ResultatVote.ADOPTE, null,
                Dates.today().plusDays(3)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).hasSize(2));
        assertThatThrownBy(() -> assemblee.recordVote("inconnue", new VoteAssemblee(ResultatVote.REJETE, null,
                Dates.today()))).isInstanceOf(TaskNotAvailableException.class);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> livrables.deposit("inconnue", new LivrableData("T", "javascript:alert(1)", "D", "R")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("adresse web");

        // Wrong roles are refused whatever the input.
        assertThatThrownBy(() -> comite.recordAvis("inconnue", new AvisComite(AvisComite.Avis.FAVORABLE, BigDecimal.TEN, null)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> assemblee.recordVote("inconnue", new VoteAssemblee(ResultatVote.REJETE, null, Dates.today())))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> comite.score("inconnue", new NotesAudition(3, 3, 3, 3, null)))
                .isInstanceOf(NotAllowedException.class);
        fx.as(agent);
        assertThatThrownBy(() -> livrables.deposit("inconnue", new LivrableData("T", null, "D", "R")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> comite.score("inconnue", new NotesAudition(3, 3, 3, 3, null)))
                .isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> instructions.completeFile("inconnue", new ComplementData(java.util.Map.of(), "R")))
                .isInstanceOf(NotAllowedException.class);
    }
}
