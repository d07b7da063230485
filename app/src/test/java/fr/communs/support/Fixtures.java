package fr.communs.support;

import fr.communs.base.Dates;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.security.AccountService;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.StructureData;
import fr.communs.structure.StructureService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Builds real data through the services for integration tests, and logs a person in. */
@Component
public class Fixtures {
    public static final String PASSWORD = "mot-de-passe-de-test";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final AccountService accounts;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CommunService communs;
    private final TaskService engineTasks;
    private final ManagementService management;
    private final org.jooq.DSLContext dsl;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.springframework.beans.factory.ObjectProvider<fr.communs.commun.GroupementService> groupements;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.instruction.InstructionService> instructions;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.comite.ComiteService> comites;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.budget.BudgetService> budgets;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.comite.seance.SeanceService> seances;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.comite.notation.NotationService> notations;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.comite.deliberation.AvisSeanceService> avisSeances;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<fr.communs.avis.AvisService> avis;

    Fixtures(AccountService accounts, CampagneService campagnes, StructureService structures, CommunService communs,
             TaskService engineTasks, ManagementService management, org.jooq.DSLContext dsl,
             org.camunda.bpm.engine.RuntimeService runtime,
             org.springframework.beans.factory.ObjectProvider<fr.communs.commun.GroupementService> groupements) {
        this.groupements = groupements;
        this.dsl = dsl;
        this.runtime = runtime;
        this.accounts = accounts;
        this.campagnes = campagnes;
        this.structures = structures;
        this.communs = communs;
        this.engineTasks = engineTasks;
        this.management = management;
    }

    /** Makes sure an admin and an open campagne (territory 30, deadline in 30 days) exist. */
    public void campagne() {
        if (campagnes.current().isPresent()) {
            return;
        }
        as(admin());
        campagnes.create(new CampagneSettings("Appel de test", "Département de test", "Gard", "30",
                OffsetDateTime.now().plusDays(30), Dates.today().plusDays(60)),
                List.of(new String[] {"Défi un", "#un"}, new String[] {"Défi deux", null}));
        logout();
    }

    /**
     * A valid SIRET (Luhn key) of its own for the n-th fixture structure: a porteur administratif needs one to
     * transmit (SIREN from 800 000 000 on, apart from those {@code StructureServiceIT} types).
     */
    public static String siret(int n) {
        String base = (800_000_000L + n) + "0001";
        for (int key = 0; key < 10; key++) {
            if (fr.communs.structure.Identifiants.siretValide(base + key)) {
                return base + key;
            }
        }
        throw new IllegalStateException(base);
    }

    /** Registers a structure with a SIRET in a commune of the département ("30": Nîmes, "34": Montpellier), verified or not. */
    public long structure(boolean ess, String departement) {
        int n = SEQ.incrementAndGet();
        String insee = switch (departement) {
            case "30" -> "30189";
            case "34" -> "34172";
            default -> throw new IllegalArgumentException(departement);
        };
        var previous = SecurityContextHolder.getContext().getAuthentication();
        as(admin());
        try {
            return structures.registerAsAdministrator(new StructureData("Structure " + n + " " + System.nanoTime(), siret(n),
                    null, ess ? FormeJuridique.ASSOCIATION : FormeJuridique.AUTRE, false, null, false, insee, null, null,
                    null, java.util.Set.of(), null, null, null), false);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private String adminEmail;

    /** An administrator account, created once per Spring context. */
    public synchronized String admin() {
        if (adminEmail == null) {
            adminEmail = account(Roles.ADMIN);
        }
        return adminEmail;
    }

    /** Creates an account with the role (and structures) and returns its e-mail. */
    public String account(String role, Long... structureIds) {
        String email = role.toLowerCase() + SEQ.incrementAndGet() + "-" + System.nanoTime() + "@test.example";
        asSystemAdministrator(() -> accounts.createAccount(email, PASSWORD, "Personne " + email, role, List.of(structureIds)));
        return email;
    }

    private String systemAdmin;

    /**
     * Runs an action as an administrator account inserted directly by the fixture (accounts for others are created
     * by administrators, and the first one cannot be created through the service once other accounts exist).
     */
    public synchronized <T> T asSystemAdministrator(java.util.function.Supplier<T> action) {
        if (systemAdmin == null) {
            systemAdmin = "systeme-" + System.nanoTime() + "@test.example";
            dsl.insertInto(fr.communs.db.Tables.APP_USER).set(fr.communs.db.Tables.APP_USER.EMAIL, systemAdmin)
                    .set(fr.communs.db.Tables.APP_USER.PASSWORD_HASH, "-").set(fr.communs.db.Tables.APP_USER.NOM_COMPLET, "Administrateur de test")
                    .set(fr.communs.db.Tables.APP_USER.ROLE, Roles.ADMIN).set(fr.communs.db.Tables.APP_USER.EMAIL_CONFIRME, true).execute();
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        as(systemAdmin);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public AppUser as(String email) {
        AppUser user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }

    public String processInstanceId(long communId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(fr.communs.processes.CycleCommunProcess.KEY).processInstanceBusinessKey("commun-" + communId).singleResult().getId();
    }

    public String emailOf(long userId) {
        return dsl.select(fr.communs.db.Tables.APP_USER.EMAIL).from(fr.communs.db.Tables.APP_USER)
                .where(fr.communs.db.Tables.APP_USER.APP_USER_ID.eq(userId)).fetchOne().value1();
    }

    public void logout() {
        SecurityContextHolder.clearContext();
    }

    public long deposit(String email, long porteurId) {
        as(email);
        long defi = campagnes.current().orElseThrow().defis().get(0).id();
        return communs.depositIdea(porteurId, new CommunData("Commun " + SEQ.incrementAndGet(), "Un résumé",
                "Un besoin du territoire", "Ouvert à toutes et tous", "Un comité mensuel au consentement", Set.of(defi),
                Set.of(), fr.communs.commun.Echelle.VILLAGE, false, false, Set.of(), "Un guide sous licence libre"));
    }

    /**
     * The logged-in porteur invites the structure, and a new account of that structure accepts the invitation (which
     * confirms its participation); the porteur is logged in again afterwards. Returns the member account's e-mail.
     */
    public String join(long communId, long structureId, fr.communs.commun.RoleGroupement role) {
        var porteur = SecurityContextHolder.getContext().getAuthentication();
        long invitation = groupements.getObject().invite(communId, structureId, role, null);
        String member = account(Roles.STRUCTURE, structureId);
        as(member);
        try {
            groupements.getObject().answerInvitation(invitation, true, null);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(porteur);
        }
        return member;
    }

    /**
     * Runs both actions at the same time on two threads (each logs in itself); returns each result or the runtime
     * exception it threw, in order.
     */
    public static List<Object> race(java.util.concurrent.Callable<Object> first, java.util.concurrent.Callable<Object> second)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Object>> futures = new java.util.ArrayList<>();
            for (java.util.concurrent.Callable<Object> action : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return action.call();
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    /** A file transmitted to the Département (in instruction) and who can act on it. */
    public record Transmis(long communId, long porteurStructureId, String porteurEmail, long membreStructureId,
                           String membreEmail, long contributeurStructureId, String contributeurEmail) {
    }

    /**
     * A new ESS Gard porteur deposits a complete idea, two ESS Gard structures join it (each with its own new account),
     * and the porteur transmits it: the file waits in "Instruire le dossier". Needs {@link #campagne()} first; leaves
     * nobody logged in.
     */
    public Transmis transmis() {
        return transmis(null);
    }

    /** The same, the porteur having saved {@code budget} (when not null) before transmitting: it is frozen with the file. */
    public Transmis transmis(fr.communs.budget.Budget budget) {
        return transmis(budget, (communId, porteurStructureId) -> { });
    }

    /**
     * The same, {@code avantTransmission} running (logged in as the porteur, with the commun's and the porteur
     * structure's ids) just before the transmission: to deposit pieces, for example.
     */
    public Transmis transmis(fr.communs.budget.Budget budget,
                             java.util.function.BiConsumer<Long, Long> avantTransmission) {
        long porteur = structure(true, "30");
        String porteurEmail = account(Roles.STRUCTURE, porteur);
        long id = deposit(porteurEmail, porteur);
        long membre = structure(true, "30");
        String membreEmail = join(id, membre, fr.communs.commun.RoleGroupement.MEMBRE);
        long contributeur = structure(true, "30");
        String contributeurEmail = join(id, contributeur, fr.communs.commun.RoleGroupement.CONTRIBUTEUR);
        if (budget != null) {
            budgets.getObject().save(id, 0, budget);
        }
        avantTransmission.accept(id, porteur);
        groupements.getObject().transmit(task(id, fr.communs.processes.CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        logout();
        return new Transmis(id, porteur, porteurEmail, membre, membreEmail, contributeur, contributeurEmail);
    }

    /** The id of the current campagne's first défi. */
    public long defi() {
        return campagnes.current().orElseThrow().defis().get(0).id();
    }

    public Task task(long communId, String key) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey("commun-" + communId).taskDefinitionKey(key)
                .singleResult();
    }

    public List<Task> tasks(long communId, String key) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey("commun-" + communId).taskDefinitionKey(key).list();
    }

    /** Executes the commun's pending asynchronous continuations (the job executor may race: retried). */
    public void runJobs(long communId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            var pi = runtime.createProcessInstanceQuery().processDefinitionKey(fr.communs.processes.CycleCommunProcess.KEY).processInstanceBusinessKey("commun-" + communId).singleResult();
            if (pi == null) {
                return;
            }
            List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).executable().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static final List<fr.communs.instruction.AppreciationCritere> CRITERES_FAVORABLES = java.util.Arrays
            .stream(fr.communs.instruction.Critere.values())
            .map(c -> new fr.communs.instruction.AppreciationCritere(c, fr.communs.instruction.Appreciation.FAVORABLE, null))
            .toList();

    /**
     * A transmitted file that a new agent took and declared recevable: it waits for a séance of the comité (a comité
     * account is created if there is none). Returns the agent's e-mail; nobody stays logged in.
     */
    public String recevable(Transmis t) {
        if (dsl.fetchCount(fr.communs.db.Tables.APP_USER, fr.communs.db.Tables.APP_USER.ROLE.eq(Roles.COMITE)) == 0) {
            account(Roles.COMITE);
        }
        String agent = account(Roles.AGENT);
        as(agent);
        instructions.getObject().take(t.communId());
        instructions.getObject().decide(task(t.communId(), fr.communs.processes.CycleCommunProcess.TASK_INSTRUIRE).getId(),
                fr.communs.instruction.InstructionDecision.of(fr.communs.processes.CycleCommunProcess.DecisionInstruction.RECEVABLE,
                        CRITERES_FAVORABLES, null));
        logout();
        runJobs(t.communId());
        return agent;
    }

    /**
     * A séance tomorrow at 14:00 (visio) with these waiting files on its agenda, 30 minutes each, created by a new
     * agent: the files are convoqué. Returns the séance's id; nobody stays logged in.
     */
    public long seance(long... communIds) {
        String agent = account(Roles.AGENT);
        as(agent);
        java.time.LocalDateTime debut = fr.communs.base.Dates.today().plusDays(1).atTime(14, 0);
        List<fr.communs.comite.seance.Creneau> ordre = new java.util.ArrayList<>();
        for (int i = 0; i < communIds.length; i++) {
            ordre.add(new fr.communs.comite.seance.Creneau(communIds[i], debut.plusMinutes(30L * i), 30));
        }
        long id = seances.getObject().create(new fr.communs.comite.seance.SeanceData(debut, null,
                "https://visio.example.org/comite", ordre));
        logout();
        return id;
    }

    /** Every active member present, then the séance is opened (one scoring task per member and file with quorum). */
    public void ouverte(long seanceId) {
        as(account(Roles.AGENT));
        var service = seances.getObject();
        java.util.Map<Long, fr.communs.comite.seance.Presence> presences = new java.util.HashMap<>();
        service.membres(seanceId).forEach(m -> presences.put(m.membreId(), fr.communs.comite.seance.Presence.PRESENT));
        service.enregistrerPresences(seanceId, presences);
        service.ouvrir(seanceId);
        logout();
    }

    /** The séance the file is on (planned or heard). */
    public long seanceOf(long communId) {
        return dsl.select(fr.communs.db.Tables.SEANCE_AUDITION.SEANCE_ID).from(fr.communs.db.Tables.SEANCE_AUDITION)
                .where(fr.communs.db.Tables.SEANCE_AUDITION.COMMUN_ID.eq(communId))
                .and(fr.communs.db.Tables.SEANCE_AUDITION.STATUT.ne("DEPLACEE"))
                .orderBy(fr.communs.db.Tables.SEANCE_AUDITION.SEANCE_AUDITION_ID.desc()).limit(1).fetchOne().value1();
    }

    /** The member scores every criterion {@code note} (capped by the scale) on their open task. */
    public void score(Task audition, int note) {
        as(emailOf(Long.parseLong(audition.getAssignee())));
        var service = notations.getObject();
        var fiche = service.fiche(audition.getId());
        service.soumettre(audition.getId(), fiche.grille().stream()
                .map(c -> new fr.communs.comite.notation.NoteCritere(c.id(), Math.min(note, c.noteMax()), null)).toList());
        logout();
    }

    /**
     * The file is heard: put on a new séance (if it waits for one), the séance opened with every member present, and
     * every member scores 3 everywhere: the file waits for the comité's avis.
     */
    public void scored(long communId) {
        enAudition(communId);
        for (Task audition : tasks(communId, fr.communs.processes.CycleCommunProcess.TASK_NOTER_SEANCE)) {
            score(audition, 3);
        }
        runJobs(communId);
    }

    /** The file's audition is open (séance created and opened if needed): the members' scoring tasks exist. */
    public long enAudition(long communId) {
        if (isWaitingAt(communId, fr.communs.processes.CycleCommunProcess.TASK_ATTENDRE_SEANCE)) {
            seance(communId);
        }
        long seanceId = seanceOf(communId);
        if (isWaitingAt(communId, fr.communs.processes.CycleCommunProcess.TASK_ATTENDRE_AUDITION)) {
            ouverte(seanceId);
        }
        return seanceId;
    }

    /** A file recevable and scored: the comité's avis task is open; returns the séance's id. */
    public long enAttenteDAvis(Transmis t) {
        recevable(t);
        scored(t.communId());
        return seanceOf(t.communId());
    }

    public boolean isWaitingAt(long communId, String activityId) {
        return runtime.createExecutionQuery().processInstanceBusinessKey("commun-" + communId).activityId(activityId).count() > 0;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.RepositoryService repository;

    /**
     * Deploys the cycle's previous definition (the comité without séances: "Convoquer le comité", "Noter l'audition",
     * "Enregistrer l'avis du comité") as the latest version: files started from now on run on it, as the files in
     * flight at the upgrade do. Undo with {@link #retirerAncienneDefinition}. Returns the deployment's id.
     */
    public String ancienneDefinition() {
        try (var xml = Fixtures.class.getResourceAsStream("/anciennes/cycle-commun-comite-sans-seance.xml")) {
            return repository.createDeployment().name("cycle sans séances (test)")
                    .addInputStream("cycle-commun-comite-sans-seance.bpmn", xml).deploy().getId();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes the previous definition deployed by {@link #ancienneDefinition} and the files that ran on it. */
    public void retirerAncienneDefinition(String deploymentId) {
        repository.deleteDeployment(deploymentId, true, true);
    }

    /** On the previous definition: every member scores 3 on their "Noter l'audition" task; the avis task opens. */
    public void scoredAncien(long communId) {
        runJobs(communId);
        for (Task audition : tasks(communId, fr.communs.processes.CycleCommunProcess.TASK_NOTER_AUDITION)) {
            as(emailOf(Long.parseLong(audition.getAssignee())));
            comites.getObject().score(audition.getId(), new fr.communs.comite.NotesAudition(3, 3, 3, 3, null));
            logout();
        }
        runJobs(communId);
    }

    /** An agent records the comité's avis on the file (its task must be open). */
    public void avisSeance(long communId, fr.communs.comite.deliberation.AvisSeance avis) {
        as(account(Roles.AGENT));
        avisSeances.getObject().enregistrer(task(communId, fr.communs.processes.CycleCommunProcess.TASK_AVIS_SEANCE).getId(), avis);
        logout();
    }

    /** An agent closes the séance. */
    public void close(long seanceId) {
        as(account(Roles.AGENT));
        seances.getObject().clore(seanceId);
        logout();
    }

    /**
     * A référent thématique of another direction (role {@link Roles#REFERENT}, with this direction): reads only the
     * files on which their avis is asked. Returns the e-mail.
     */
    public String referent(String direction) {
        String email = account(Roles.REFERENT);
        dsl.update(fr.communs.db.Tables.APP_USER).set(fr.communs.db.Tables.APP_USER.DIRECTION, direction)
                .where(fr.communs.db.Tables.APP_USER.EMAIL.eq(email)).execute();
        return email;
    }

    /** The account id of this e-mail. */
    public long idOf(String email) {
        return dsl.select(fr.communs.db.Tables.APP_USER.APP_USER_ID).from(fr.communs.db.Tables.APP_USER)
                .where(fr.communs.db.Tables.APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    /**
     * A new agent of the service asks this référent for an avis on the transmitted file (due in 10 days); returns the
     * agent's e-mail. Nobody stays logged in.
     */
    public String avisDemande(long communId, String referentEmail) {
        String agent = account(Roles.AGENT);
        as(agent);
        avis.getObject().request(communId, List.of(idOf(referentEmail)), "Quel est l'avis de votre direction ?",
                fr.communs.base.Dates.today().plusDays(10));
        logout();
        return agent;
    }

    /**
     * A file recevable, heard at a séance, scored, with a favorable avis proposing {@code subvention}, the séance closed:
     * it waits for the Assemblée's vote. Returns the e-mail of the agent who declared it recevable.
     */
    public String aLAssemblee(Transmis t, java.math.BigDecimal subvention) {
        String agent = recevable(t);
        scored(t.communId());
        long seanceId = seanceOf(t.communId());
        avisSeance(t.communId(), new fr.communs.comite.deliberation.AvisSeance(
                fr.communs.comite.deliberation.AvisSeance.Type.FAVORABLE, null, null, subvention));
        close(seanceId);
        return agent;
    }

    /** The (first) structure the account acts for. */
    public long structureOf(String email) {
        return accounts.loadUserByUsername(email).structureIds().iterator().next();
    }
}
