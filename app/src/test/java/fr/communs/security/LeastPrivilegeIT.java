package fr.communs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.avis.AvisReferent;
import fr.communs.avis.AvisService;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.comite.ComiteService;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.deliberation.AvisSeanceService;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.DossierVersionService;
import fr.communs.dossier.DossierFiltre;
import fr.communs.dossier.DossierService;
import fr.communs.historique.HistoriqueService;
import fr.communs.instruction.InstructionService;
import fr.communs.messagerie.MessageService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointe;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.Telechargement;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import fr.communs.task.OpenTask;
import fr.communs.task.TaskNotAvailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Least privilege on the Département's side, through the real services (embedded PostgreSQL, real engine): a référent
 * of another direction reads only the files on which their avis was asked and works no back office; a comité member
 * reads only the files of their séances (on which they score the auditions). Every refusal leaves the database as it
 * was.
 */
@SpringBootTest
@ActiveProfiles("test")
class LeastPrivilegeIT {
    /** The application's tables (schema {@code app}) that a refused action could have touched: all of them. */
    private static final List<String> TABLES = List.of("campagne", "defi", "structure", "app_user", "structure_membre",
            "commun", "commun_defi", "groupement_membre", "instruction", "complement", "comite_note", "comite_avis",
            "assemblee_vote", "livrable", "structure_domaine", "account_token", "outbox_mail", "commun_enjeu",
            "commun_commune", "groupement_demande", "contribution", "commun_version", "notification", "dossier_suivi",
            "dossier_attribution", "dossier_etiquette", "instruction_critere", "annotation", "avis_referent", "message",
            "piece_jointe", "depot_evenement", "budget", "budget_ligne", "campagne_exigence", "comite_membre",
            "comite_membre_compte", "comite_critere", "seance", "seance_audition", "seance_presence", "comite_deport",
            "comite_notation", "comite_score", "comite_ajournement", "contribution_comite", "outbox_mail_piece",
            "convocation_seance", "convocation");

    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    @Autowired AvisService avis;
    @Autowired PieceJointeService pieces;
    @Autowired BudgetService budgets;
    @Autowired DossierVersionService versions;
    @Autowired InstructionService instructions;
    @Autowired DossierService dossiers;
    @Autowired StructureService structures;
    @Autowired HistoriqueService historique;
    @Autowired MessageService messages;
    @Autowired ComiteService comite;
    @Autowired SeanceService seances;
    @Autowired NotationService notations;
    @Autowired AvisSeanceService avisSeances;
    @Autowired AssembleeService assemblee;
    @Autowired fr.communs.task.TaskService userTasks;
    @Autowired org.camunda.bpm.engine.TaskService engineTasks;

    Fixtures.Transmis dossier;
    long communId;
    long pieceId;
    String culture;
    String environnement;

    @BeforeEach
    void setUp() {
        fx.campagne();
        dossier = transmisAvecPiece();
        communId = dossier.communId();
        pieceId = pieceOf(communId);
        culture = fx.referent("Culture et patrimoine");
        environnement = fx.referent("Environnement");
        fx.avisDemande(communId, culture);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    // ------------------------------------------------------------------ référents

    @Test
    void a_referent_whose_avis_was_asked_reads_that_file_its_versions_pieces_budget_and_only_their_own_request()
            throws IOException {
        fx.avisDemande(communId, environnement);      // another référent's request on the same file
        fx.as(culture);

        assertThat(versions.versions(communId)).isNotEmpty();
        assertThat(pieces.list(communId)).extracting(PieceJointe::id).containsExactly(pieceId);
        Telechargement t = pieces.open(pieceId);
        try (InputStream in = t.contenu()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("Statuts du porteur");
        }
        assertThat(budgets.get(communId).budget().montantDemande()).isEqualByComparingTo("1000");
        List<AvisReferent> mine = avis.ofCommun(communId);
        assertThat(mine).singleElement().satisfies(a -> {
            assertThat(a.referentId()).isEqualTo(fx.idOf(culture));
            assertThat(a.question()).isEqualTo("Quel est l'avis de votre direction ?");
        });
    }

    @Test
    void a_referent_not_asked_on_a_file_is_refused_its_versions_pieces_budget_and_avis() {
        fx.as(environnement);

        for (ThrowingCallable read : List.<ThrowingCallable>of(() -> versions.versions(communId),
                () -> pieces.list(communId), () -> pieces.open(pieceId), () -> budgets.get(communId),
                () -> avis.ofCommun(communId))) {
            assertThatThrownBy(read).isInstanceOf(NotAllowedException.class)
                    .hasMessage(DossierAccess.DOSSIER_NON_ACCESSIBLE);
        }
    }

    @Test
    void a_referent_whose_request_was_cancelled_no_longer_reads_the_file() {
        String agent = fx.account(Roles.AGENT);
        fx.as(agent);
        long avisId = avis.request(communId, List.of(fx.idOf(environnement)), "Et l'environnement ?",
                Dates.today().plusDays(5)).get(0);
        fx.as(environnement);
        assertThat(pieces.list(communId)).hasSize(1);

        fx.as(agent);
        avis.cancel(avisId);
        fx.as(environnement);
        assertThatThrownBy(() -> pieces.list(communId)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_referent_cannot_take_assign_instruct_label_list_export_verify_read_history_or_messages_and_nothing_changes() {
        long structure = fx.structure(true, "30");      // waits in the verification queue
        String agent = fx.account(Roles.AGENT);
        fx.runJobs(communId);
        String instruire = fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId();
        Map<String, String> before = snapshot();
        fx.as(culture);
        long me = fx.idOf(culture);
        int version = structures.version(structure);

        List<ThrowingCallable> refused = List.of(
                () -> instructions.take(communId),
                () -> instructions.assign(List.of(communId), me),
                () -> instructions.suivi(communId),
                () -> instructions.agents(),
                () -> instructions.annotate(communId, "Une note"),
                () -> instructions.decisions(communId),
                () -> dossiers.page(DossierFiltre.transmis(), null, true, 0, 50),
                () -> dossiers.count(DossierFiltre.transmis()),
                () -> dossiers.find(communId),
                () -> dossiers.addLabel(List.of(communId), "À relancer"),
                () -> structures.verificationQueue(0, 50),
                () -> structures.verify(structure, version, true, null),
                () -> historique.evenements(communId),
                () -> messages.post(communId, null, "Bonjour"),
                () -> messages.postingOptions(communId),
                () -> avis.referents(),
                () -> avis.request(communId, List.of(fx.idOf(environnement)), "Question ?",
                        Dates.today().plusDays(5)),
                () -> userTasks.openTask(communId, CycleCommunProcess.TASK_INSTRUIRE));
        for (ThrowingCallable action : refused) {
            assertThatThrownBy(action).isInstanceOf(NotAllowedException.class);
        }
        assertThatThrownBy(() -> instructions.take(communId)).hasMessage(DossierAccess.RESERVE_AU_SERVICE);
        assertThatThrownBy(() -> userTasks.claim(instruire)).isInstanceOf(TaskNotAvailableException.class);

        fx.logout();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isNull();
        fx.as(agent);
        assertThat(instructions.suivi(communId).instructeurId()).isNull();
    }

    @Test
    void a_referent_cannot_record_the_comite_avis_or_the_assemblee_vote_and_nothing_changes() {
        Fixtures.Transmis auComite = fx.transmis();
        long seance = fx.enAttenteDAvis(auComite);      // heard and scored at an open séance: the avis is awaited
        fx.avisDemande(auComite.communId(), culture);
        String avisComite = fx.task(auComite.communId(), CycleCommunProcess.TASK_AVIS_SEANCE).getId();
        Fixtures.Transmis aLAssemblee = fx.transmis();
        fx.aLAssemblee(aLAssemblee, new BigDecimal("5000"));      // the référent's avis was asked on neither
        String vote = fx.task(aLAssemblee.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId();
        fx.runJobs(auComite.communId());
        fx.runJobs(aLAssemblee.communId());
        Map<String, String> before = snapshot();

        fx.as(culture);
        assertThatThrownBy(() -> avisSeances.enregistrer(avisComite, new AvisSeance(AvisSeance.Type.FAVORABLE, null,
                null, new BigDecimal("1000")))).isInstanceOf(NotAllowedException.class)
                .hasMessage(DossierAccess.RESERVE_AU_SERVICE);
        assertThatThrownBy(() -> seances.clore(seance)).isInstanceOf(NotAllowedException.class)
                .hasMessage(DossierAccess.RESERVE_AU_SERVICE);
        assertThatThrownBy(() -> assemblee.recordVote(vote, new VoteAssemblee(ResultatVote.ADOPTE,
                new BigDecimal("1000"), Dates.today()))).isInstanceOf(NotAllowedException.class)
                .hasMessage(DossierAccess.RESERVE_AU_SERVICE);
        assertThatThrownBy(() -> notations.notes(seance, auComite.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> avisSeances.avisDuDossier(auComite.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> comite.notes(auComite.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> userTasks.claim(avisComite)).isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> userTasks.claim(vote)).isInstanceOf(TaskNotAvailableException.class);

        fx.logout();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(engineTasks.createTaskQuery().taskId(avisComite).singleResult().getAssignee()).isNull();
        assertThat(engineTasks.createTaskQuery().taskId(vote).singleResult().getAssignee()).isNull();
        assertThat(fx.task(auComite.communId(), CycleCommunProcess.TASK_AVIS_SEANCE).getId()).isEqualTo(avisComite);
    }

    @Test
    void a_referent_sees_only_their_avis_tasks_in_mes_taches_never_the_services_candidate_tasks() {
        assertThat(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getAssignee()).isNull();
        assertThat(engineTasks.createTaskQuery().taskId(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId())
                .taskCandidateGroup(CycleCommunProcess.GROUP_AGENTS).count()).isEqualTo(1);

        AppUser referent = fx.as(culture);
        assertThat(CurrentUser.groupsOf(referent)).isEmpty();
        List<OpenTask> tasks = userTasks.myTasks();
        assertThat(tasks).isNotEmpty().allSatisfy(t ->
                assertThat(t.definitionKey()).isEqualTo(AvisReferentProcess.TASK_DONNER_AVIS));
        assertThat(tasks).extracting(OpenTask::communId).containsOnly(communId);
        assertThat(userTasks.findOpen(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId(),
                CycleCommunProcess.TASK_INSTRUIRE)).isEmpty();
        assertThat(userTasks.findOpenForCommun(communId)).get()
                .extracting(OpenTask::definitionKey).isEqualTo(AvisReferentProcess.TASK_DONNER_AVIS);

        fx.as(fx.account(Roles.AGENT));        // an agent of the service is still offered the instruction
        assertThat(userTasks.myTasks()).extracting(OpenTask::definitionKey).contains(CycleCommunProcess.TASK_INSTRUIRE);
    }

    @Test
    void a_referent_answers_their_own_avis_task_and_still_reads_the_file_afterwards() {
        fx.as(culture);
        OpenTask task = userTasks.myTasks().stream().filter(t -> t.communId() == communId).findFirst().orElseThrow();
        avis.answer(task.taskId(), fr.communs.avis.SensAvis.FAVORABLE, "Cohérent avec la programmation culturelle.");

        assertThat(avis.ofCommun(communId)).singleElement()
                .satisfies(a -> assertThat(a.statut()).isEqualTo(fr.communs.avis.StatutAvis.RENDU));
        assertThat(pieces.list(communId)).hasSize(1);
    }

    @Test
    void an_agent_of_the_service_still_reads_every_file_and_every_request() {
        fx.avisDemande(communId, environnement);
        fx.as(fx.account(Roles.AGENT));
        assertThat(versions.versions(communId)).isNotEmpty();
        assertThat(pieces.list(communId)).hasSize(1);
        assertThat(budgets.get(communId)).isNotNull();
        assertThat(avis.ofCommun(communId)).hasSize(2);
    }

    // ------------------------------------------------------------------ comité

    @Test
    void a_comite_member_with_an_audition_task_downloads_the_pieces_and_reads_the_file_before_and_after_scoring()
            throws IOException {
        fx.recevable(dossier);
        long seance = fx.enAudition(communId);          // on a séance, opened: one scoring task per present member
        Task audition = fx.tasks(communId, CycleCommunProcess.TASK_NOTER_SEANCE).get(0);
        String membre = fx.emailOf(Long.parseLong(audition.getAssignee()));

        fx.as(membre);
        try (InputStream in = pieces.open(pieceId).contenu()) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
        assertThat(versions.versions(communId)).isNotEmpty();
        assertThat(budgets.get(communId)).isNotNull();

        fx.scored(communId);                             // the task is now in the engine's history only
        assertThat(fx.tasks(communId, CycleCommunProcess.TASK_NOTER_SEANCE)).isEmpty();
        fx.as(membre);
        assertThat(pieces.list(communId)).hasSize(1);
        assertThat(versions.versions(communId)).isNotEmpty();
        assertThat(notations.notes(seance, communId)).isNotEmpty()
                .anySatisfy(n -> assertThat(n.membreId()).isEqualTo(fx.idOf(membre)));
    }

    @Test
    void a_comite_member_without_a_task_on_the_file_is_refused_its_pieces_versions_budget_and_notes() {
        fx.recevable(dossier);
        String nouveau = fx.account(Roles.COMITE);       // joined after the convocation: no audition task
        fx.runJobs(communId);
        Map<String, String> before = snapshot();

        fx.as(nouveau);
        for (ThrowingCallable read : List.<ThrowingCallable>of(() -> pieces.list(communId),
                () -> pieces.open(pieceId), () -> versions.versions(communId), () -> budgets.get(communId),
                () -> comite.notes(communId), () -> comite.avis(communId), () -> assemblee.votes(communId))) {
            assertThatThrownBy(read).isInstanceOf(NotAllowedException.class)
                    .hasMessage(DossierAccess.DOSSIER_NON_ACCESSIBLE);
        }
        fx.logout();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_comite_member_is_refused_a_file_never_sent_to_the_comite() {
        Fixtures.Transmis auComite = fx.transmis();
        fx.recevable(auComite);
        fx.enAudition(auComite.communId());
        String membre = fx.emailOf(Long.parseLong(
                fx.tasks(auComite.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).get(0).getAssignee()));

        fx.as(membre);                    // `dossier` is only transmitted: in instruction, never sent to the comité
        assertThat(pieces.list(auComite.communId())).isEmpty();
        assertThatThrownBy(() -> pieces.open(pieceId)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.list(communId)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> versions.versions(communId)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> budgets.get(communId)).isInstanceOf(NotAllowedException.class);
    }

    // ------------------------------------------------------------------ helpers

    /** A transmitted file with a budget and one piece (the porteur's statuts), deposited before the transmission. */
    private Fixtures.Transmis transmisAvecPiece() {
        Budget budget = new Budget(new BigDecimal("1000"), List.of(new LigneBudget("Animation", new BigDecimal("1000"))),
                List.of());
        return fx.transmis(budget, (commun, porteur) -> pieces.upload(commun, porteur, CategoriePiece.STATUTS,
                "statuts.pdf", new ByteArrayInputStream(Echantillons.pdf("Statuts du porteur"))));
    }

    private long pieceOf(long commun) {
        return dsl.select(fr.communs.db.Tables.PIECE_JOINTE.PIECE_JOINTE_ID).from(fr.communs.db.Tables.PIECE_JOINTE)
                .where(fr.communs.db.Tables.PIECE_JOINTE.COMMUN_ID.eq(commun)).fetchOne().value1();
    }

    /** A digest of every row of every table of the application, per table. */
    private Map<String, String> snapshot() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : TABLES) {
            digests.put(table, dsl.fetchValue("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    + "from app." + table + " t").toString());
        }
        return digests;
    }
}
