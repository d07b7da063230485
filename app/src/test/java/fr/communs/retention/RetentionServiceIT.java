package fr.communs.retention;

import fr.communs.base.Dates;
import static fr.communs.db.Tables.ACCOUNT_TOKEN;
import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.MESSAGE;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static fr.communs.db.Tables.PIECE_JOINTE;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.assemblee.AssembleeService;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.messagerie.MessageService;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.internal.PieceStorage;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.retention.internal.PurgeLock;
import fr.communs.security.AccountService;
import fr.communs.security.Roles;
import fr.communs.security.SignUpData;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge on embedded PostgreSQL and the real engine: what is older than its period goes, what is younger
 * stays, a file in progress keeps everything, a second purge finds nothing, a second node waits its turn. Its own
 * Spring context (batches of 2 rows, to go through several transactions), hence its own database: the purge may
 * touch everything in it.
 */
@SpringBootTest(properties = "communs.retention.lot=2")
@ActiveProfiles("test")
class RetentionServiceIT {
    private static final List<AppreciationCritere> CRITERES = Arrays.stream(Critere.values())
            .map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList();

    @Autowired Fixtures fx;
    @Autowired RetentionService retention;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;
    @Autowired PieceStorage storage;
    @Autowired PieceJointeService pieces;
    @Autowired MessageService messages;
    @Autowired GroupementService groupements;
    @Autowired InstructionService instructions;
    @Autowired AssembleeService assemblee;
    @Autowired LivrableService livrables;
    @Autowired NotificationService notifications;
    @Autowired AccountService accounts;
    @Autowired AuthenticationConfiguration authentication;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void setUp() {
        fx.campagne();
        // Whatever earlier tests of this class left is purged first, as if fifty years had passed (warned, then
        // anonymised): each test sees only its own effects. Files in progress and their accounts stay, untouched.
        retention.purge(OffsetDateTime.now().plusYears(50));
        retention.purge(OffsetDateTime.now().plusYears(51));
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** A file with three messages and two attachments, transmitted: it waits for its instruction. */
    private Fixtures.Transmis transmittedWithMessagesAndPieces() {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long id = fx.deposit(porteurEmail, porteur);
        long membre = fx.structure(true, "30");
        String membreEmail = fx.join(id, membre, RoleGroupement.MEMBRE);
        long contributeur = fx.structure(true, "30");
        String contributeurEmail = fx.join(id, contributeur, RoleGroupement.CONTRIBUTEUR);
        for (String nom : List.of("statuts.pdf", "budget.pdf")) {
            pieces.upload(id, porteur, CategoriePiece.STATUTS, nom, new ByteArrayInputStream(Echantillons.pdf(nom)));
        }
        for (String texte : List.of("Une question sur le calendrier", "Une autre question", "Une dernière précision")) {
            messages.post(id, porteur, texte);
        }
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.logout();
        return new Fixtures.Transmis(id, porteur, porteurEmail, membre, membreEmail, contributeur, contributeurEmail);
    }

    /** The same file, declared not recevable: it has ended. */
    private Fixtures.Transmis notRecevable() {
        Fixtures.Transmis t = transmittedWithMessagesAndPieces();
        fx.as(fx.account(Roles.AGENT));
        instructions.take(t.communId());
        instructions.decide(fx.task(t.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.of(DecisionInstruction.NON_RECEVABLE, CRITERES, "Hors du champ de l'appel."));
        fx.logout();
        return t;
    }

    /** The same file, subsidised by the Assemblée, its livrable deposited: it has ended. */
    private Fixtures.Transmis subsidised() {
        Fixtures.Transmis t = transmittedWithMessagesAndPieces();
        fx.as(fx.aLAssemblee(t, new BigDecimal("12000")));
        assemblee.recordVote(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("12000"), Dates.today()));
        fx.as(t.porteurEmail());
        livrables.deposit(fx.task(t.communId(), CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(),
                new LivrableData("Guide", "https://exemple.org/guide", "Un guide pas à pas.", "Trois mois."));
        fx.logout();
        return t;
    }

    /** Moves the file's last change, messages and attachments {@code years} years back. */
    private void age(long communId, int years) {
        OffsetDateTime then = OffsetDateTime.now().minusYears(years);
        tx.executeWithoutResult(s -> {
            dsl.update(COMMUN).set(COMMUN.UPDATED_AT, then).where(COMMUN.COMMUN_ID.eq(communId)).execute();
            dsl.update(MESSAGE).set(MESSAGE.CREATED_AT, then).where(MESSAGE.COMMUN_ID.eq(communId)).execute();
            dsl.update(PIECE_JOINTE).set(PIECE_JOINTE.CREATED_AT, then).where(PIECE_JOINTE.COMMUN_ID.eq(communId)).execute();
        });
    }

    private int messagesOf(long communId) {
        return dsl.fetchCount(MESSAGE, MESSAGE.COMMUN_ID.eq(communId));
    }

    private List<String> storedKeysOf(long communId) {
        return dsl.select(PIECE_JOINTE.CLE_STOCKAGE).from(PIECE_JOINTE).where(PIECE_JOINTE.COMMUN_ID.eq(communId))
                .fetch(r -> r.value1());
    }

    private boolean onDisk(String cle) {
        return Files.isRegularFile(storage.directory().resolve(cle));
    }

    private long userId(String email) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    private void lastLogin(long userId, OffsetDateTime when) {
        tx.executeWithoutResult(s -> dsl.update(APP_USER).set(APP_USER.DERNIERE_CONNEXION, when)
                .where(APP_USER.APP_USER_ID.eq(userId)).execute());
    }

    private int mailsTo(String email) {
        return dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email));
    }

    private int warningsTo(String email) {
        return dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(email).and(OUTBOX_MAIL.SUJET.startsWith(WARNING)));
    }

    private static final String WARNING = "Votre compte sur la plateforme de l'appel à communs sera supprimé le ";

    // ---- Files ----------------------------------------------------------------------------------------------------

    @Test
    void messages_and_pieces_of_a_file_ended_more_than_five_years_ago_go_with_their_files_while_younger_ones_stay() {
        Fixtures.Transmis old = notRecevable();
        Fixtures.Transmis recent = notRecevable();
        age(old.communId(), 6);
        age(recent.communId(), 4);
        List<String> oldKeys = storedKeysOf(old.communId());
        assertThat(oldKeys).hasSize(2).allMatch(this::onDisk);

        PurgeReport report = retention.purge();

        assertThat(report.done()).isTrue();
        assertThat(report.messages()).isEqualTo(3);
        assertThat(report.pieces()).isEqualTo(2);
        assertThat(messagesOf(old.communId())).isZero();
        assertThat(storedKeysOf(old.communId())).isEmpty();
        assertThat(oldKeys).noneMatch(this::onDisk);
        // The file itself stays: what was transmitted and decided is the record of the call.
        assertThat(dsl.fetchCount(COMMUN, COMMUN.COMMUN_ID.eq(old.communId()))).isOne();
        assertThat(dsl.fetchCount(COMMUN_VERSION, COMMUN_VERSION.COMMUN_ID.eq(old.communId()))).isOne();
        assertThat(dsl.fetchCount(INSTRUCTION, INSTRUCTION.COMMUN_ID.eq(old.communId()))).isOne();
        // Four years after its end, the other file keeps everything.
        assertThat(messagesOf(recent.communId())).isEqualTo(3);
        assertThat(storedKeysOf(recent.communId())).hasSize(2).allMatch(this::onDisk);
    }

    @Test
    void a_file_in_progress_keeps_everything_however_old_and_so_do_the_accounts_working_on_it() {
        Fixtures.Transmis t = transmittedWithMessagesAndPieces();
        age(t.communId(), 20);
        long porteur = userId(t.porteurEmail());
        lastLogin(porteur, OffsetDateTime.now().minusYears(20));

        retention.purge();
        PurgeReport later = retention.purge(OffsetDateTime.now().plusDays(40));

        assertThat(later.done()).isTrue();
        assertThat(messagesOf(t.communId())).isEqualTo(3);
        assertThat(storedKeysOf(t.communId())).hasSize(2).allMatch(this::onDisk);
        assertThat(warningsTo(t.porteurEmail())).isZero();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.APP_USER_ID.eq(porteur).and(APP_USER.ANONYMISE_LE.isNull())
                .and(APP_USER.INACTIVITE_AVERTIE_LE.isNull()))).isOne();
    }

    @Test
    void pieces_of_a_subsidised_file_are_kept_ten_years_after_its_end_and_its_messages_five() {
        Fixtures.Transmis kept = subsidised();
        Fixtures.Transmis expired = subsidised();
        age(kept.communId(), 6);
        age(expired.communId(), 11);

        retention.purge();

        assertThat(messagesOf(kept.communId())).isZero();
        assertThat(storedKeysOf(kept.communId())).hasSize(2).allMatch(this::onDisk);
        assertThat(messagesOf(expired.communId())).isZero();
        assertThat(storedKeysOf(expired.communId())).isEmpty();
    }

    @Test
    void a_second_purge_finds_nothing_left_to_do_and_changes_nothing() {
        Fixtures.Transmis t = notRecevable();
        age(t.communId(), 6);
        String inactive = fx.account(Roles.STRUCTURE);
        lastLogin(userId(inactive), OffsetDateTime.now().minusYears(3).plusDays(5));

        PurgeReport first = retention.purge();
        PurgeReport second = retention.purge();

        assertThat(first.total()).isPositive();
        assertThat(first.comptesAvertis()).isOne();
        assertThat(second.done()).isTrue();
        assertThat(second.total()).isZero();
        assertThat(mailsTo(inactive)).isOne();
    }

    @Test
    void while_another_node_purges_the_purge_does_nothing_then_runs_once_the_lock_is_free() throws Exception {
        Fixtures.Transmis t = notRecevable();
        age(t.communId(), 6);

        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(" + PurgeLock.KEY + ")")) {
                lock.execute();
            }
            PurgeReport blocked = retention.purge();
            assertThat(blocked.done()).isFalse();
            assertThat(messagesOf(t.communId())).isEqualTo(3);
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(" + PurgeLock.KEY + ")")) {
                unlock.execute();
            }
        }

        assertThat(retention.purge().done()).isTrue();
        assertThat(messagesOf(t.communId())).isZero();
    }

    // ---- Accounts -------------------------------------------------------------------------------------------------

    @Test
    void an_account_inactive_for_three_years_is_warned_thirty_days_before_then_anonymised_keeping_its_traces_on_files() {
        Fixtures.Transmis t = notRecevable();
        long porteur = userId(t.porteurEmail());
        tx.executeWithoutResult(s -> dsl.insertInto(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.APP_USER_ID, porteur)
                .set(ACCOUNT_TOKEN.PURPOSE, "REINITIALISATION").set(ACCOUNT_TOKEN.TOKEN_HASH, "a".repeat(64))
                .set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().plusHours(1)).execute());
        String notYet = fx.account(Roles.STRUCTURE);
        lastLogin(porteur, OffsetDateTime.now().minusYears(3).plusDays(10));
        lastLogin(userId(notYet), OffsetDateTime.now().minusYears(3).plusDays(40));

        PurgeReport warning = retention.purge();

        assertThat(warning.comptesAvertis()).isOne();
        assertThat(dsl.select(OUTBOX_MAIL.SUJET, OUTBOX_MAIL.TEXTE).from(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.DESTINATAIRE.eq(t.porteurEmail())).and(OUTBOX_MAIL.SUJET.startsWith(WARNING)).fetchOne())
                .satisfies(mail -> {
                    assertThat(mail.value1()).matches(WARNING + "\\d{1,2} [a-zéû]+ \\d{4}");
                    assertThat(mail.value2()).contains("depuis 3 ans", "il suffit de vous connecter", "/login",
                            "« Compte supprimé »");
                });
        assertThat(mailsTo(notYet)).isZero();
        assertThat(accounts.loadUserByUsername(t.porteurEmail()).nomComplet()).startsWith("Personne");

        // Thirty days later, without a login: anonymised.
        PurgeReport deletion = retention.purge(OffsetDateTime.now().plusDays(31));

        assertThat(deletion.comptesAnonymises()).isOne();
        var row = dsl.selectFrom(APP_USER).where(APP_USER.APP_USER_ID.eq(porteur)).fetchOne();
        assertThat(row.getEmail()).isEqualTo("compte-supprime-" + porteur + "@communs.invalid");
        assertThat(row.getNomComplet()).isEqualTo("Compte supprimé");
        assertThat(row.getActif()).isFalse();
        assertThat(row.getAnonymiseLe()).isNotNull();
        assertThat(dsl.fetchCount(STRUCTURE_MEMBRE, STRUCTURE_MEMBRE.APP_USER_ID.eq(porteur))).isZero();
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN, ACCOUNT_TOKEN.APP_USER_ID.eq(porteur))).isZero();
        assertThat(mailsTo(t.porteurEmail())).isZero();
        assertThatThrownBy(() -> accounts.loadUserByUsername(t.porteurEmail())).hasMessage("Identifiants incorrects");
        assertThatThrownBy(() -> authentication.getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken(row.getEmail(), Fixtures.PASSWORD)))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        // What the person did on the file keeps its author, now anonymous.
        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.AUTEUR_ID.eq(porteur))).isEqualTo(3);
        assertThat(dsl.fetchCount(PIECE_JOINTE, PIECE_JOINTE.APP_USER_ID.eq(porteur))).isEqualTo(2);
        // The other account, inactive for less than three years minus thirty days then, has just been warned.
        assertThat(deletion.comptesAvertis()).isOne();
        assertThat(mailsTo(notYet)).isOne();
    }

    @Test
    void a_login_after_the_warning_keeps_the_account() throws Exception {
        String email = fx.account(Roles.STRUCTURE);
        long id = userId(email);
        lastLogin(id, OffsetDateTime.now().minusYears(4));
        retention.purge();
        assertThat(mailsTo(email)).isOne();

        authentication.getAuthenticationManager().authenticate(new UsernamePasswordAuthenticationToken(email, Fixtures.PASSWORD));

        var row = dsl.selectFrom(APP_USER).where(APP_USER.APP_USER_ID.eq(id)).fetchOne();
        assertThat(row.getDerniereConnexion()).isCloseTo(OffsetDateTime.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(row.getInactiviteAvertieLe()).isNull();
        PurgeReport later = retention.purge(OffsetDateTime.now().plusDays(31));
        assertThat(later.comptesAnonymises()).isZero();
        assertThat(accounts.loadUserByUsername(email).id()).isEqualTo(id);
    }

    @Test
    void administrators_are_never_warned_nor_anonymised() {
        String admin = fx.account(Roles.ADMIN);
        lastLogin(userId(admin), OffsetDateTime.now().minusYears(10));

        retention.purge();
        retention.purge(OffsetDateTime.now().plusDays(60));

        assertThat(mailsTo(admin)).isZero();
        assertThat(accounts.loadUserByUsername(admin).isEnabled()).isTrue();
    }

    @Test
    void an_account_never_confirmed_is_anonymised_thirty_days_after_its_sign_up_and_a_younger_one_kept() {
        String old = "jamais-confirme-" + System.nanoTime() + "@test.example";
        String young = "pas-encore-confirme-" + System.nanoTime() + "@test.example";
        accounts.signUp(new SignUpData("Camille Martin", old, "un mot de passe assez long", "un mot de passe assez long"));
        accounts.signUp(new SignUpData("Camille Durand", young, "un mot de passe assez long", "un mot de passe assez long"));
        tx.executeWithoutResult(s -> dsl.update(APP_USER).set(APP_USER.CREATED_AT, OffsetDateTime.now().minusDays(31))
                .where(APP_USER.EMAIL.eq(old)).execute());
        long oldId = userId(old);

        PurgeReport report = retention.purge();

        assertThat(report.comptesAnonymises()).isOne();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.EMAIL.eq(old))).isZero();
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN, ACCOUNT_TOKEN.APP_USER_ID.eq(oldId))).isZero();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.EMAIL.eq(young))).isOne();
    }

    // ---- Rows that expire on their own ----------------------------------------------------------------------------

    @Test
    void notifications_after_a_year_kept_mails_after_ninety_days_and_links_thirty_days_after_expiry_are_deleted() {
        long structure = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, structure);
        long id = userId(email);
        tx.executeWithoutResult(s -> {
            fx.asSystemAdministrator(() -> {
                for (int i = 0; i < 5; i++) {
                    notifications.notifyStructures(List.of(structure), NotificationType.values()[0], "Titre " + i, "Texte", null);
                }
                return null;
            });
            dsl.update(NOTIFICATION).set(NOTIFICATION.CREATED_AT, OffsetDateTime.now().minusMonths(13))
                    .where(NOTIFICATION.APP_USER_ID.eq(id)).and(NOTIFICATION.TITRE.in("Titre 0", "Titre 1", "Titre 2")).execute();
            for (int days : List.of(91, 100, 89)) {
                dsl.insertInto(OUTBOX_MAIL).set(OUTBOX_MAIL.DESTINATAIRE, email).set(OUTBOX_MAIL.SUJET, "Il y a " + days + " jours")
                        .set(OUTBOX_MAIL.TEXTE, "…").set(OUTBOX_MAIL.CREATED_AT, OffsetDateTime.now().minusDays(days)).execute();
            }
            for (int days : List.of(31, 29)) {
                dsl.insertInto(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.APP_USER_ID, id).set(ACCOUNT_TOKEN.PURPOSE, "CONFIRMATION")
                        .set(ACCOUNT_TOKEN.TOKEN_HASH, String.format("%064d", days * 1000L + id))
                        .set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusDays(days)).execute();
            }
        });

        PurgeReport report = retention.purge();

        assertThat(report.notifications()).isEqualTo(3);
        assertThat(dsl.select(NOTIFICATION.TITRE).from(NOTIFICATION).where(NOTIFICATION.APP_USER_ID.eq(id)).fetch(r -> r.value1()))
                .containsExactlyInAnyOrder("Titre 3", "Titre 4");
        assertThat(report.courriels()).isEqualTo(2);
        assertThat(dsl.select(OUTBOX_MAIL.SUJET).from(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.eq(email))
                .and(OUTBOX_MAIL.SUJET.startsWith("Il y a ")).fetch(r -> r.value1()))
                .containsExactly("Il y a 89 jours");
        assertThat(report.jetons()).isOne();
        assertThat(dsl.fetchCount(ACCOUNT_TOKEN, ACCOUNT_TOKEN.APP_USER_ID.eq(id))).isOne();
    }

    // ---- The engine's history ---------------------------------------------------------------------------------------

    @Test
    void every_deployed_process_definition_keeps_its_history_ten_years_and_the_engine_cleans_it_up_at_night() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();

        assertThat(definitions).extracting(ProcessDefinition::getKey)
                .contains(CycleCommunProcess.KEY, "Process_AvisReferent");
        assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(3650));
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    @Test
    void an_ended_file_s_engine_history_is_removed_ten_years_after_its_end_and_one_in_progress_has_no_removal_date() {
        Fixtures.Transmis ended = notRecevable();
        Fixtures.Transmis running = transmittedWithMessagesAndPieces();

        HistoricProcessInstance endedInstance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey("commun-" + ended.communId())
                .singleResult();
        HistoricProcessInstance runningInstance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey("commun-" + running.communId())
                .singleResult();

        assertThat(endedInstance.getEndTime()).isNotNull();
        assertThat(endedInstance.getRemovalTime().toInstant())
                .isEqualTo(endedInstance.getEndTime().toInstant().plus(3650, ChronoUnit.DAYS));
        assertThat(runningInstance.getRemovalTime()).isNull();
    }
}
