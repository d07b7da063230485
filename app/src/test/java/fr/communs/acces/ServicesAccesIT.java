package fr.communs.acces;

import fr.communs.base.Dates;
import static fr.communs.acces.Persona.ADMIN;
import static fr.communs.acces.Persona.AUTRE_AGENT;
import static fr.communs.acces.Persona.COMITE;
import static fr.communs.acces.Persona.HORS_GROUPEMENT;
import static fr.communs.acces.Persona.INSTRUCTEUR;
import static fr.communs.acces.Persona.MEMBRE;
import static fr.communs.acces.Persona.REFERENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.avis.AvisService;
import fr.communs.avis.SensAvis;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.comite.AvisComite;
import fr.communs.comite.ComiteService;
import fr.communs.comite.NotesAudition;
import fr.communs.commun.CommunService;
import fr.communs.commun.DossierVersionService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.JalonService;
import fr.communs.commun.RoleGroupement;
import fr.communs.contribution.TypeContribution;
import fr.communs.contribution.ContributionService;
import fr.communs.dossier.Colonne;
import fr.communs.dossier.DossierService;
import fr.communs.dossier.FormatExport;
import fr.communs.historique.Evenement;
import fr.communs.historique.HistoriqueService;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.InstructionService;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.messagerie.MessageService;
import fr.communs.notification.NotificationService;
import fr.communs.piece.PieceJointeService;
import fr.communs.processes.CycleCommunProcess;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access matrix of the services: every public method of every {@code @Service} of {@code fr.communs} that takes
 * an object's id (found by reflection, so a new method without a row here fails) × the nine personas.
 *
 * <p>Each method is either a row (a call on {@link Monde}'s objects and the personas that may succeed) or excluded
 * with a one-line reason. A refused cell must throw one of the project's refusals ({@link NotAllowedException},
 * {@link AccessDeniedException}, {@link ValidationException} with a French message, or Spring Security's
 * authentication refusal for the anonymous visitor) — or, for a read, answer as if the object did not exist (empty) —
 * and leave every table of the application and the engine's running tasks unchanged. Writes run inside a transaction
 * that is always rolled back, so {@link Monde} stays intact for the next cell.
 */
@SpringBootTest
@ActiveProfiles("test")
class ServicesAccesIT {
    @Autowired ApplicationContext context;
    @Autowired fr.communs.support.Fixtures fx;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext dsl;
    @Autowired AssembleeService assemblees;
    @Autowired AvisService avis;
    @Autowired BudgetService budgets;
    @Autowired ComiteService comites;
    @Autowired CommunService communs;
    @Autowired DossierVersionService versions;
    @Autowired GroupementService groupements;
    @Autowired JalonService jalons;
    @Autowired ContributionService contributions;
    @Autowired DossierService dossiers;
    @Autowired HistoriqueService historique;
    @Autowired InstructionService instructions;
    @Autowired LivrableService livrables;
    @Autowired MessageService messages;
    @Autowired NotificationService notifications;
    @Autowired fr.communs.comite.convocation.ConvocationService convocations;
    @Autowired PieceJointeService pieces;
    @Autowired fr.communs.structure.StructureService structures;
    @Autowired fr.communs.campagne.CampagneService campagnes;
    @Autowired fr.communs.campagne.ExigenceService exigences;
    @Autowired fr.communs.task.TaskService tasks;
    @Autowired fr.communs.security.AccountService comptes;
    @Autowired fr.communs.comite.membre.MembreService membresComite;
    @Autowired fr.communs.comite.deport.DeportService deportsComite;
    @Autowired fr.communs.comite.contribution.ContributionComiteService comiteContributions;
    @Autowired fr.communs.comite.resultat.ResultatService resultatsComite;
    @Autowired fr.communs.comite.pv.ProcesVerbalService documentsComite;
    @Autowired fr.communs.comite.seance.SeanceService seancesComite;
    @Autowired fr.communs.comite.notation.NotationService notationsComite;
    @Autowired fr.communs.comite.notation.GrilleService grillesComite;
    @Autowired fr.communs.instruction.InstructionService instructionsComite;
    @Autowired fr.communs.comite.deliberation.AvisSeanceService avisSeanceComite;
    /** The fingerprint of Monde, the same before and after every cell (writes are rolled back). */
    String empreinteDuMonde;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    @FunctionalInterface
    interface Appel {
        Object run(Monde m) throws Exception;
    }

    /** One row: the call, whether it writes, who may succeed, and who is not played here (covered elsewhere). */
    record Ligne(Appel appel, boolean ecriture, Set<Persona> ok, Set<Persona> nonJoues, String couvertPar) {
    }

    private final Map<String, Ligne> lignes = new LinkedHashMap<>();
    private final Map<String, String> exclues = new LinkedHashMap<>();

    private static Set<Persona> ok(Persona... p) {
        return p.length == 0 ? EnumSet.noneOf(Persona.class) : EnumSet.copyOf(Arrays.asList(p));
    }

    /** Readers of the file in instruction: its groupement, the service, the administrator, the référent asked. */
    private static final Set<Persona> LECTEURS_INSTRUCTION = ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, REFERENT, ADMIN);
    /** Readers of the file at the comité: its groupement, the service, the administrator, the comité member heard. */
    private static final Set<Persona> LECTEURS_COMITE = ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, COMITE, ADMIN);
    /** Public answers (a published file's groupement, milestones, contributions asked, the subsidy voted). */
    private static final Set<Persona> TOUS = EnumSet.allOf(Persona.class);
    /** The back office: agents of the service only. */
    private static final Set<Persona> SERVICE = ok(INSTRUCTEUR, AUTRE_AGENT);
    /** Those who read every file of the Département's side. */
    private static final Set<Persona> SERVICE_ET_ADMIN = ok(INSTRUCTEUR, AUTRE_AGENT, ADMIN);

    private void lecture(String signature, Set<Persona> ok, Appel appel) {
        lignes.put(signature, new Ligne(appel, false, ok, ok(), null));
    }

    private void ecriture(String signature, Set<Persona> ok, Appel appel) {
        lignes.put(signature, new Ligne(appel, true, ok, ok(), null));
    }

    /** A write whose allowed call needs a task state Monde keeps for other cells: only the refusals are played. */
    private void ecritureRefusee(String signature, Set<Persona> ok, String couvertPar, Appel appel) {
        lignes.put(signature, new Ligne(appel, true, ok, ok, couvertPar));
    }

    private void exclue(String signature, String raison) {
        exclues.put(signature, raison);
    }

    private void table() {
        // --- Reads of a file: content, history, pieces, messages, budget, decisions ------------------------------
        lecture("AssembleeService.votes(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, ADMIN), m -> assemblees.votes(m.laureat));
        lecture("AssembleeService.subventionVotee(long)", TOUS, m -> assemblees.subventionVotee(m.laureat));
        lecture("AvisService.ofCommun(long)", ok(INSTRUCTEUR, AUTRE_AGENT, REFERENT),
                m -> avis.ofCommun(m.enInstruction));
        lecture("AvisService.ofTask(String)", ok(INSTRUCTEUR, AUTRE_AGENT, REFERENT, ADMIN),
                m -> avis.ofTask(m.tacheAvisReferent));
        lecture("BudgetService.get(long)", LECTEURS_INSTRUCTION, m -> budgets.get(m.enInstruction));
        lecture("ComiteService.notes(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                m -> comites.notes(m.aLAssemblee));
        lecture("ComiteService.avis(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE), m -> comites.avis(m.aLAssemblee));
        // The comité's results and procès-verbal: agents and comité members (a member's recusal from one file of the
        // séance hides that file only, played in ResultatsEtProcesVerbalIT); the avis extract: the groupement and agents.
        lecture("ResultatService.resultats(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, Persona.COMITE_RECUSE),
                m -> resultatsComite.resultats(m.seance));
        lecture("ProcesVerbalService.procesVerbal(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, Persona.COMITE_RECUSE),
                m -> documentsComite.procesVerbal(m.seance));
        lecture("ProcesVerbalService.avisDuComite(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT),
                m -> documentsComite.avisDuComite(m.aLAssemblee));
        lecture("ProcesVerbalService.avisDuComitePdf(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT),
                m -> documentsComite.avisDuComitePdf(m.aLAssemblee));
        lecture("DossierVersionService.versions(long)", LECTEURS_INSTRUCTION, m -> versions.versions(m.enInstruction));
        lecture("DossierVersionService.latest(long)", LECTEURS_INSTRUCTION, m -> versions.latest(m.enInstruction));
        lecture("JalonService.jalons(long)", TOUS, m -> jalons.jalons(m.enInstruction));
        lecture("DossierService.find(long)", SERVICE, m -> dossiers.find(m.enInstruction));
        lecture("DossierService.export(Collection,List,FormatExport)", SERVICE,
                m -> dossiers.export(List.of(m.enInstruction), List.of(Colonne.TITRE), FormatExport.CSV));
        lecture("HistoriqueService.evenements(long)", SERVICE, m -> historique.evenements(m.enInstruction));
        lecture("HistoriqueService.evenements(long,Filtre)", SERVICE,
                m -> historique.evenements(m.enInstruction, Evenement.Filtre.TOUT));
        lecture("InstructionService.suivi(long)", SERVICE, m -> instructions.suivi(m.enInstruction));
        lecture("InstructionService.appreciations(long)", SERVICE, m -> instructions.appreciations(m.auComite));
        lecture("InstructionService.annotations(long)", SERVICE, m -> instructions.annotations(m.enInstruction));
        lecture("InstructionService.demandeEnCours(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT),
                m -> instructions.demandeEnCours(m.enComplements));
        lecture("InstructionService.decisions(long)", SERVICE, m -> instructions.decisions(m.auComite));
        lecture("InstructionService.lastComplement(long)", SERVICE,
                m -> instructions.lastComplement(m.enComplements));
        lecture("LivrableService.find(long)", SERVICE, m -> livrables.find(m.laureat));
        lecture("MessageService.thread(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.thread(m.enInstruction));
        lecture("MessageService.latest(long,int)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.latest(m.enInstruction, 5));
        lecture("MessageService.count(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.count(m.enInstruction));
        lecture("MessageService.canRead(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.canRead(m.enInstruction));
        lecture("MessageService.postingOptions(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.postingOptions(m.enInstruction));
        lecture("PieceJointeService.list(long)", LECTEURS_INSTRUCTION, m -> pieces.list(m.enInstruction));
        lecture("PieceJointeService.open(long)", LECTEURS_INSTRUCTION, m -> pieces.open(m.pieceEnInstruction));
        lecture("PieceJointeService.usedBytes(long)", LECTEURS_INSTRUCTION,
                m -> pieces.usedBytes(m.enInstruction));
        lecture("PieceJointeService.deletableIds(long)", ok(MEMBRE), m -> pieces.deletableIds(m.enConstitution));
        lecture("PieceJointeService.uploadableStructures(long)", ok(MEMBRE),
                m -> pieces.uploadableStructures(m.enConstitution));
        lecture("CommunService.membres(long)", TOUS, m -> communs.membres(m.enInstruction));
        lecture("CommunService.callerIsMember(long)", ok(MEMBRE), m -> communs.callerIsMember(m.enInstruction));
        lecture("CommunService.callerIsPorteur(long)", ok(MEMBRE), m -> communs.callerIsPorteur(m.enInstruction));
        lecture("GroupementService.pending(long)", ok(MEMBRE, HORS_GROUPEMENT), m -> groupements.pending(m.enConstitution));
        lecture("GroupementService.eligibility(long)", TOUS, m -> groupements.eligibility(m.enConstitution));
        lecture("ContributionService.demandes(long)", TOUS, m -> contributions.demandes(m.enConstitution));

        // --- The same public reads on a draft: nobody but its structure knows it exists ---------------------------
        lecture("CommunService.membres(long) [brouillon]", ok(MEMBRE), m -> communs.membres(m.brouillon));
        lecture("JalonService.jalons(long) [brouillon]", ok(MEMBRE), m -> jalons.jalons(m.brouillon));
        lecture("GroupementService.eligibility(long) [brouillon]", ok(MEMBRE), m -> groupements.eligibility(m.brouillon));
        lecture("ContributionService.commun(long) [brouillon]", ok(MEMBRE), m -> contributions.commun(m.brouillon));
        lecture("ContributionService.demandes(long) [brouillon]", ok(MEMBRE), m -> contributions.demandes(m.brouillon));
        lecture("ContributionService.contributeurs(long) [brouillon]", ok(MEMBRE),
                m -> contributions.contributeurs(m.brouillon));
        lecture("PieceJointeService.list(long) [brouillon]", ok(MEMBRE), m -> pieces.list(m.brouillon));
        lecture("MessageService.thread(long) [au comité]", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.thread(m.auComite));
        lecture("PieceJointeService.open(long) [au comité]", LECTEURS_COMITE, m -> pieces.open(m.pieceAuComite));
        lecture("BudgetService.get(long) [au comité]", LECTEURS_COMITE, m -> budgets.get(m.auComite));
        lecture("AvisService.ofTask(String) [audition]", ok(), m -> avis.ofTask(m.tacheAudition));

        // --- Writes of the back office --------------------------------------------------------------------------
        ecriture("InstructionService.annotate(long,String)", SERVICE, m -> instructions.annotate(m.enInstruction, "Note"));
        ecritureRefusee("InstructionService.take(long)", SERVICE, "InstructionServiceIT", m -> {
            instructions.take(m.enInstruction);
            return null;
        });
        ecritureRefusee("InstructionService.release(long)", SERVICE, "InstructionServiceIT", m -> {
            instructions.release(m.enInstruction);
            return null;
        });
        ecritureRefusee("InstructionService.assign(Collection,long)", SERVICE, "InstructionServiceIT", m -> {
            instructions.assign(List.of(m.enInstruction), m.ids.get(AUTRE_AGENT));
            return null;
        });
        ecritureRefusee("InstructionService.completeFile(String,ComplementData)", ok(MEMBRE), "InstructionServiceIT",
                m -> {
                    instructions.completeFile(m.tacheComplements, new ComplementData(Map.of(), "Voici"));
                    return null;
                });
        ecritureRefusee("AvisService.request(long,Collection,String,LocalDate)", SERVICE, "AvisServiceIT",
                m -> avis.request(m.enInstruction, List.of(m.ids.get(REFERENT)), "Encore ?", Dates.today().plusDays(5)));
        ecritureRefusee("AvisService.answer(String,SensAvis,String)", ok(REFERENT), "AvisServiceIT", m -> {
            avis.answer(m.tacheAvisReferent, SensAvis.FAVORABLE, "Oui");
            return null;
        });
        ecritureRefusee("AvisService.cancel(long)", SERVICE, "AvisServiceIT", m -> {
            avis.cancel(m.avisReferent);
            return null;
        });
        ecritureRefusee("ComiteService.score(String,NotesAudition)", ok(COMITE), "CycleServicesIT", m -> {
            comites.score(m.tacheAudition, new NotesAudition(3, 3, 3, 3, "Bien"));
            return null;
        });
        ecritureRefusee("ComiteService.recordAvis(String,AvisComite)", SERVICE, "CycleServicesIT", m -> {
            comites.recordAvis(m.tacheAvisComite, new AvisComite(AvisComite.Avis.FAVORABLE, new BigDecimal("10000"), null));
            return null;
        });
        ecritureRefusee("AssembleeService.recordVote(String,VoteAssemblee)", SERVICE, "CycleServicesIT", m -> {
            assemblees.recordVote(m.tacheVote, new VoteAssemblee(CycleCommunProcess.ResultatVote.ADOPTE,
                    new BigDecimal("10000"), Dates.today()));
            return null;
        });
        ecritureRefusee("LivrableService.deposit(String,LivrableData)", ok(MEMBRE), "LivrableServiceIT", m -> {
            livrables.deposit(m.tacheLivrable, new LivrableData("Livrable", "https://exemple.org/livrable", "Fait", "Bien"));
            return null;
        });
        ecriture("DossierService.addLabel(Collection,String)", SERVICE, m -> {
            dossiers.addLabel(List.of(m.enInstruction), "matrice");
            return null;
        });
        ecriture("DossierService.removeLabel(long,String)", SERVICE, m -> {
            dossiers.removeLabel(m.enInstruction, "inexistante");
            return null;
        });
        ecriture("MessageService.post(long,Long,String)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT),
                m -> messages.post(m.enInstruction, porteurSiMembre(m), "Un message de la matrice"));
        ecriture("MessageService.postToMany(Collection,String)", SERVICE,
                m -> messages.postToMany(List.of(m.enInstruction), "Un message groupé de la matrice"));
        ecritureRefusee("BudgetService.save(long,int,Budget)", ok(MEMBRE), "BudgetServiceIT",
                m -> budgets.save(m.enConstitution, 0, new Budget(new BigDecimal("1000"),
                        List.of(new LigneBudget("Salaires", new BigDecimal("1000"))),
                        List.of(new LigneBudget("Département", new BigDecimal("1000"))))));
        ecriture("PieceJointeService.delete(long)", ok(), m -> {
            pieces.delete(m.pieceEnInstruction);
            return null;
        });

        // --- The file's own pages, the groupement and the contributions ------------------------------------------
        lecture("CommunService.find(long)", ok(MEMBRE), m -> communs.find(m.brouillon));
        lecture("CommunService.get(long)", ok(MEMBRE), m -> communs.get(m.brouillon));
        lecture("CommunService.progress(long)", ok(MEMBRE), m -> communs.progress(m.brouillon));
        lecture("ContributionService.commun(long)", TOUS, m -> contributions.commun(m.enConstitution));
        lecture("ContributionService.contributeurs(long)", TOUS, m -> contributions.contributeurs(m.enInstruction));
        lecture("ContributionService.offres(long)", ok(MEMBRE), m -> contributions.offres(m.enConstitution));
        lecture("LivrableService.publicView(long)", TOUS, m -> livrables.publicView(m.laureat));
        lecture("MessageService.communTitle(long)", ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                m -> messages.communTitle(m.enInstruction));
        lecture("StructureService.callerAdministers(long)", ok(MEMBRE), m -> structures.callerAdministers(m.porteurStructure));
        lecture("StructureService.pendingRequests(long)", ok(MEMBRE), m -> structures.pendingRequests(m.porteurStructure));
        lecture("StructureService.find(long)", TOUS, m -> structures.find(m.porteurStructure));
        lecture("StructureService.findAll(Collection)", TOUS, m -> structures.findAll(List.of(m.porteurStructure)));
        lecture("StructureService.version(long)", TOUS, m -> structures.version(m.porteurStructure) + 1);
        lecture("StructureService.communsOf(long)", TOUS, m -> structures.communsOf(m.porteurStructure));
        lecture("StructureService.contributionsOf(long)", TOUS, m -> structures.contributionsOf(m.porteurStructure));
        lecture("CampagneService.get(long)", TOUS, m -> campagnes.get(m.campagne));
        lecture("ExigenceService.exigences(long)", TOUS, m -> exigences.exigences(m.campagne).size() + 1);
        lecture("CampagneService.filesToReopen(long)", ok(ADMIN), m -> campagnes.filesToReopen(m.campagne) + 1);
        lecture("CampagneService.filesClosedBy(long,OffsetDateTime)", ok(ADMIN),
                m -> campagnes.filesClosedBy(m.campagne, java.time.OffsetDateTime.now().plusDays(30)) + 1);
        lecture("TaskService.findOpen(String,String)", ok(INSTRUCTEUR),
                m -> tasks.findOpen(m.tacheInstruction, CycleCommunProcess.TASK_INSTRUIRE));
        lecture("TaskService.requireOpen(String,String)", ok(INSTRUCTEUR),
                m -> tasks.requireOpen(m.tacheInstruction, CycleCommunProcess.TASK_INSTRUIRE));
        lecture("TaskService.findOpenForCommun(long)", ok(MEMBRE), m -> tasks.findOpenForCommun(m.enConstitution));
        lecture("TaskService.openTask(long,String)", SERVICE,
                m -> tasks.openTask(m.enConstitution, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT));
        lecture("ConvocationService.envoyees(long)", ok(INSTRUCTEUR, AUTRE_AGENT, ADMIN), m -> convocations.envoyees(0L));
        ecriture("NotificationService.markRead(long)", ok(MEMBRE), m -> {
            notifications.markRead(m.notificationMembre);
            return null;
        });
        ecriture("GroupementService.answerInvitation(long,boolean,String)", ok(), m -> {
            groupements.answerInvitation(m.demandeAdhesion, true, null);
            return null;
        });
        ecriture("GroupementService.answerPorteurProposal(long,long,boolean)", ok(), m -> {
            groupements.answerPorteurProposal(m.enConstitution, m.membreStructure, true);
            return null;
        });

        // --- Writes of the structures, refusals only (the allowed call is played by the feature's IT) ------------
        String g = "GroupementServiceIT";
        ecritureRefusee("GroupementService.decideRequest(long,boolean,String)", ok(MEMBRE), g, m -> {
            groupements.decideRequest(m.demandeAdhesion, true, null);
            return null;
        });
        ecritureRefusee("GroupementService.cancel(long)", ok(HORS_GROUPEMENT), g, m -> {
            groupements.cancel(m.demandeAdhesion);
            return null;
        });
        ecritureRefusee("GroupementService.invite(long,long,RoleGroupement,String)", ok(MEMBRE), g,
                m -> groupements.invite(m.enConstitution, m.horsStructure, RoleGroupement.MEMBRE, null));
        ecritureRefusee("GroupementService.requestToJoin(long,long,RoleGroupement,String)", ok(HORS_GROUPEMENT), g,
                m -> groupements.requestToJoin(m.enConstitution, m.horsStructure, RoleGroupement.CONTRIBUTEUR, null));
        ecritureRefusee("GroupementService.confirm(long,long)", ok(MEMBRE), g, m -> {
            groupements.confirm(m.enConstitution, m.membreStructure);
            return null;
        });
        ecritureRefusee("GroupementService.changeRole(long,long,RoleGroupement)", ok(MEMBRE), g, m -> {
            groupements.changeRole(m.enConstitution, m.membreStructure, RoleGroupement.CONTRIBUTEUR);
            return null;
        });
        ecritureRefusee("GroupementService.designatePorteur(long,long)", ok(MEMBRE), g, m -> {
            groupements.designatePorteur(m.enConstitution, m.membreStructure);
            return null;
        });
        ecritureRefusee("GroupementService.cancelPorteurProposal(long)", ok(MEMBRE), g, m -> {
            groupements.cancelPorteurProposal(m.enConstitution);
            return null;
        });
        ecritureRefusee("GroupementService.removeMember(long,long)", ok(MEMBRE), g, m -> {
            groupements.removeMember(m.enConstitution, m.membreStructure);
            return null;
        });
        ecritureRefusee("GroupementService.leave(long,long)", ok(MEMBRE), g, m -> {
            groupements.leave(m.enConstitution, m.porteurStructure);
            return null;
        });
        ecritureRefusee("GroupementService.transmit(String)", ok(MEMBRE), "TransmissionExigencesIT", m -> {
            groupements.transmit(m.tacheGroupement);
            return null;
        });
        String c = "ContributionServiceIT";
        ecritureRefusee("ContributionService.requestContribution(long,TypeContribution,String,BigDecimal)", ok(MEMBRE), c,
                m -> contributions.requestContribution(m.enConstitution, TypeContribution.HUMAINE, "Encore", null));
        ecritureRefusee("ContributionService.closeRequest(long)", ok(MEMBRE), c, m -> {
            contributions.closeRequest(m.demandeContribution);
            return null;
        });
        ecritureRefusee("ContributionService.deleteRequest(long)", ok(MEMBRE), c, m -> {
            contributions.deleteRequest(m.demandeContribution);
            return null;
        });
        ecritureRefusee("ContributionService.offerContribution(long,long,TypeContribution,String,BigDecimal)",
                ok(HORS_GROUPEMENT), c, m -> contributions.offerContribution(m.enConstitution, m.horsStructure,
                        TypeContribution.HUMAINE, "Des bras", null));
        String cc = "ContributionComiteServiceIT";
        ecritureRefusee("ContributionComiteService.record(long,ContributionComiteData)", SERVICE, cc,
                m -> comiteContributions.record(m.auComite, new fr.communs.comite.contribution.ContributionComiteData(
                        fr.communs.comite.contribution.ContributeurComite.DEPARTEMENT, null, null,
                        fr.communs.comite.contribution.TypeContributionComite.HUMAINE, "Un appui de la matrice", null, null)));
        lecture("ContributionComiteService.dossier(long)", SERVICE, m -> comiteContributions.dossier(m.auComite));
        lecture("ContributionComiteService.seances(long)", SERVICE, m -> comiteContributions.seances(m.auComite).size() + 1);
        lecture("ContributionComiteService.ofCommun(long)", TOUS, m -> comiteContributions.ofCommun(m.auComite).size() + 1);
        lecture("ContributionComiteService.ofStructure(long)", TOUS,
                m -> comiteContributions.ofStructure(m.horsStructure).size() + 1);
        String b = "BrouillonServiceIT";
        ecritureRefusee("CommunService.deleteDraft(long)", ok(MEMBRE), b, m -> {
            communs.deleteDraft(m.brouillon);
            return null;
        });
        ecritureRefusee("CommunService.publish(long)", ok(MEMBRE), b, m -> {
            communs.publish(m.brouillon);
            return null;
        });
        ecritureRefusee("CommunService.setCherchePartenaires(long,boolean)", ok(MEMBRE), b, m -> {
            communs.setCherchePartenaires(m.enConstitution, true);
            return null;
        });
        ecritureRefusee("CommunService.update(long,int,CommunData)", ok(MEMBRE), b,
                m -> communs.update(m.brouillon, 0, donnees(m)));
        ecritureRefusee("CommunService.createDraft(long,CommunData)", ok(MEMBRE), b,
                m -> communs.createDraft(m.porteurStructure, donnees(m)));
        ecritureRefusee("CommunService.depositIdea(long,CommunData)", ok(MEMBRE), "CycleServicesIT",
                m -> communs.depositIdea(m.porteurStructure, donnees(m)));
        ecritureRefusee("PieceJointeService.upload(long,long,CategoriePiece,String,InputStream)", ok(MEMBRE),
                "PieceJointeServiceIT", m -> pieces.upload(m.enConstitution, m.porteurStructure,
                        fr.communs.piece.CategoriePiece.STATUTS, "autre.pdf",
                        new java.io.ByteArrayInputStream(fr.communs.piece.Echantillons.pdf("autre"))));
        ecritureRefusee("StructureService.decideRequest(long,long,boolean)", ok(MEMBRE), "StructureServiceIT", m -> {
            structures.decideRequest(m.porteurStructure, m.ids.get(HORS_GROUPEMENT), true);
            return null;
        });
        ecritureRefusee("StructureService.verify(long,int,boolean,String)", SERVICE, "StructureServiceIT", m -> {
            structures.verify(m.horsStructure, structures.version(m.horsStructure), true, null);
            return null;
        });
        ecritureRefusee("CampagneService.reopenDeposit(long)", ok(ADMIN), "ReouvertureDepotIT",
                m -> campagnes.reopenDeposit(m.campagne));
        ecritureRefusee("ExigenceService.update(long,Set)", ok(ADMIN), "TransmissionExigencesIT", m -> {
            exigences.update(m.campagne, Set.of());
            return null;
        });
        ecritureRefusee("InstructionService.decide(String,InstructionDecision)", ok(INSTRUCTEUR), "InstructionServiceIT",
                m -> {
                    instructions.decide(m.tacheInstruction, fr.communs.instruction.InstructionDecision.of(
                            CycleCommunProcess.DecisionInstruction.RECEVABLE, favorables(), null));
                    return null;
                });
        ecritureRefusee("InstructionService.saveAppreciations(long,List)", ok(INSTRUCTEUR), "InstructionServiceIT", m -> {
            instructions.saveAppreciations(m.enInstruction, favorables());
            return null;
        });
        ecritureRefusee("AccountService.createAccount(String,String,String,String,List)", ok(ADMIN), "CompteLibreServiceIT",
                m -> comptes.createAccount("matrice-" + System.nanoTime() + "@exemple.org", "Un-mot-de-passe-assez-long-42",
                        "Compte de la matrice", fr.communs.security.Roles.AGENT, List.of()));
        // --- The comité's members (administrators) and recusals ----------------------------------------------------
        lecture("MembreService.membre(long)", ok(ADMIN), m -> membresComite.membre(m.ids.get(COMITE)));
        lecture("MembreService.notationsOuvertes(long)", ok(ADMIN),
                m -> membresComite.notationsOuvertes(m.ids.get(COMITE)) + 1);
        String mc = "MembreServiceIT";
        ecritureRefusee("MembreService.modifier(long,int,MembreData)", ok(ADMIN), mc, m -> {
            membresComite.modifier(m.ids.get(COMITE), 0, new fr.communs.comite.membre.MembreData(
                    fr.communs.comite.membre.College.ELU, null, "Matrice", Dates.today(), null));
            return null;
        });
        ecritureRefusee("MembreService.desactiver(long,int)", ok(ADMIN), mc,
                m -> membresComite.desactiver(m.ids.get(COMITE), 0));
        ecritureRefusee("MembreService.reactiver(long,int)", ok(ADMIN), mc, m -> {
            membresComite.reactiver(m.ids.get(COMITE), 0);
            return null;
        });
        ecritureRefusee("MembreService.renvoyerInvitation(long)", ok(ADMIN), mc, m -> {
            membresComite.renvoyerInvitation(m.ids.get(COMITE));
            return null;
        });
        ecritureRefusee("MembreService.lierCompte(long,String)", ok(ADMIN), mc, m -> {
            membresComite.lierCompte(m.ids.get(COMITE), m.email(HORS_GROUPEMENT));
            return null;
        });
        ecritureRefusee("MembreService.delierCompte(long,long)", ok(ADMIN), mc, m -> {
            membresComite.delierCompte(m.ids.get(COMITE), m.ids.get(HORS_GROUPEMENT));
            return null;
        });
        ecritureRefusee("AccountService.reinvite(long,String)", ok(ADMIN), mc, m -> {
            comptes.reinvite(m.ids.get(COMITE), "Matrice");
            return null;
        });
        lecture("DeportService.deports(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, ADMIN),
                m -> deportsComite.deports(m.auComite).size() + 1);
        lecture("DeportService.monDeport(long)", TOUS, m -> deportsComite.monDeport(m.auComite));
        lecture("DeportService.peutDeclarer(long)", ok(COMITE), m -> deportsComite.peutDeclarer(m.auComite));
        ecriture("DeportService.declarer(long,String)", ok(COMITE), m -> {
            deportsComite.declarer(m.auComite, "Un lien avec le porteur (matrice)");
            return null;
        });
        // --- The comité's séances, scoring and avis ------------------------------------------------------------------
        Set<Persona> seanceLecteurs = ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, Persona.COMITE_RECUSE);
        lecture("SeanceService.get(long)", seanceLecteurs, m -> seancesComite.get(m.seance));
        lecture("SeanceService.ordreDuJour(long)", seanceLecteurs, m -> seancesComite.ordreDuJour(m.seance));
        lecture("SeanceService.membres(long)", seanceLecteurs, m -> seancesComite.membres(m.seanceOuverte));
        lecture("SeanceService.quorums(long)", seanceLecteurs, m -> seancesComite.quorums(m.seanceOuverte));
        // Agents get an empty set (never recused); the recused member gets the files of the séance.
        lecture("SeanceService.mesDeports(long)", ok(Persona.COMITE_RECUSE), m -> seancesComite.mesDeports(m.seanceOuverte));
        lecture("SeanceService.auditionPrevue(long)", seanceLecteurs,
                m -> seancesComite.auditionPrevue(m.auComite).isPresent() ? "prévue" : "entendue");
        String sc = "SeanceServiceIT";
        java.time.LocalDateTime plusTard = Dates.today().plusDays(20).atTime(14, 0);
        ecritureRefusee("SeanceService.ajourner(long,long,String,Long,Creneau)", SERVICE, sc, m -> {
            seancesComite.ajourner(m.seanceOuverte, m.auComite, "Matrice", null, null);
            return null;
        });
        ecritureRefusee("SeanceService.ajouterAudition(long,Creneau)", SERVICE, sc, m -> {
            seancesComite.ajouterAudition(m.seanceOuverte, new fr.communs.comite.seance.Creneau(m.auComite, plusTard, 30));
            return null;
        });
        ecritureRefusee("SeanceService.annuler(long,String)", SERVICE, sc, m -> {
            seancesComite.annuler(m.seanceOuverte, "Matrice");
            return null;
        });
        ecritureRefusee("SeanceService.clore(long)", SERVICE, sc, m -> {
            seancesComite.clore(m.seanceOuverte);
            return null;
        });
        ecritureRefusee("SeanceService.ouvrir(long)", SERVICE, sc, m -> seancesComite.ouvrir(m.seanceOuverte));
        ecritureRefusee("SeanceService.enregistrerPresences(long,Map)", SERVICE, sc, m -> {
            seancesComite.enregistrerPresences(m.seanceOuverte, Map.of(m.ids.get(COMITE), fr.communs.comite.seance.Presence.ABSENT));
            return null;
        });
        ecritureRefusee("SeanceService.modifier(long,int,LocalDateTime,String,String)", SERVICE, sc, m -> {
            seancesComite.modifier(m.seanceOuverte, 0, plusTard, "Salle de la matrice", null);
            return null;
        });
        ecritureRefusee("SeanceService.modifierCreneau(long,Creneau,int)", SERVICE, sc, m -> {
            seancesComite.modifierCreneau(m.seanceOuverte, new fr.communs.comite.seance.Creneau(m.auComite, plusTard, 30), 0);
            return null;
        });
        // The instruction's synthesis for the comité: the service and the members of the file's séance (not recused).
        lecture("InstructionService.syntheseComite(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                m -> instructionsComite.syntheseComite(m.auComite));
        ecriture("InstructionService.saveSyntheseComite(long,String)", SERVICE, m -> {
            instructionsComite.saveSyntheseComite(m.auComite, "Synthèse de la matrice");
            return null;
        });
        lecture("GrilleService.grille(long)", EnumSet.complementOf(EnumSet.of(Persona.ANONYME)), m -> grillesComite.grille(m.campagne));
        lecture("GrilleService.quorumPourcent(long)", EnumSet.complementOf(EnumSet.of(Persona.ANONYME)),
                m -> grillesComite.quorumPourcent(m.campagne));
        ecritureRefusee("GrilleService.enregistrerQuorum(long,Integer)", ok(ADMIN), "GrilleServiceIT", m -> {
            grillesComite.enregistrerQuorum(m.campagne, 50);
            return null;
        });
        lecture("GrilleService.modifiable(long)", ok(ADMIN), m -> grillesComite.modifiable(m.campagne) ? "oui" : "non");
        ecritureRefusee("GrilleService.enregistrer(long,List)", ok(ADMIN), "GrilleServiceIT", m -> {
            grillesComite.enregistrer(m.campagne, fr.communs.comite.notation.GrilleService.PAR_DEFAUT);
            return null;
        });
        lecture("NotationService.grille(long)", EnumSet.complementOf(EnumSet.of(Persona.ANONYME)), m -> notationsComite.grille(m.campagne));
        // The member's own scoring sheet: the recused member is refused (no task, no sheet).
        lecture("NotationService.fiche(String)", ok(COMITE), m -> notationsComite.fiche(m.tacheAudition));
        lecture("NotationService.fiche(long,long)", ok(COMITE), m -> notationsComite.fiche(m.seanceOuverte, m.auComite));
        // The scores of a file heard and closed: the service and the non-recused members who scored it.
        lecture("NotationService.notes(long,long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                m -> notationsComite.notes(m.seance, m.aLAssemblee));
        ecritureRefusee("NotationService.soumettre(String,List)", ok(COMITE), "CycleServicesIT", m -> {
            notationsComite.soumettre(m.tacheAudition, notationsComite.grille(m.campagne).stream()
                    .map(k -> new fr.communs.comite.notation.NoteCritere(k.id(), 3, null)).toList());
            return null;
        });
        ecritureRefusee("NotationService.corriger(long,long,List,int)", ok(COMITE), "NotationServiceIT", m -> {
            notationsComite.corriger(m.seanceOuverte, m.auComite, notationsComite.grille(m.campagne).stream()
                    .map(k -> new fr.communs.comite.notation.NoteCritere(k.id(), 3, null)).toList(), 0);
            return null;
        });
        lecture("AvisSeanceService.seanceOfTask(String)", SERVICE, m -> avisSeanceComite.seanceOfTask(m.tacheAvisComite));
        lecture("AvisSeanceService.montantDemande(long)", SERVICE,
                m -> String.valueOf(avisSeanceComite.montantDemande(m.avisAttendu)));
        lecture("AvisSeanceService.avisDuDossier(long)", ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                m -> avisSeanceComite.avisDuDossier(m.aLAssemblee));
        ecritureRefusee("AvisSeanceService.enregistrer(String,AvisSeance)", SERVICE, "CycleServicesIT", m -> {
            avisSeanceComite.enregistrer(m.tacheAvisComite, new fr.communs.comite.deliberation.AvisSeance(
                    fr.communs.comite.deliberation.AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("10000")));
            return null;
        });
        ecritureRefusee("TaskService.claim(String)", ok(INSTRUCTEUR), "InstructionServiceIT", m -> {
            tasks.claim(m.tacheInstruction);
            return null;
        });
        ecritureRefusee("TaskService.unclaim(String)", ok(INSTRUCTEUR), "InstructionServiceIT", m -> {
            tasks.unclaim(m.tacheInstruction);
            return null;
        });
    }

    private static List<fr.communs.instruction.AppreciationCritere> favorables() {
        return Arrays.stream(fr.communs.instruction.Critere.values()).map(k -> new fr.communs.instruction
                .AppreciationCritere(k, fr.communs.instruction.Appreciation.FAVORABLE, null)).toList();
    }

    private fr.communs.commun.CommunData donnees(Monde m) {
        return new fr.communs.commun.CommunData("Commun de la matrice " + System.nanoTime(), "Un résumé",
                "Un besoin du territoire", "Ouvert à toutes et tous", "Un comité mensuel au consentement",
                Set.of(fx.defi()), Set.of(), fr.communs.commun.Echelle.VILLAGE, false, false, Set.of(),
                "Un guide sous licence libre");
    }

    /** The structure a persona posts for: the porteur's for the member, none for the others. */
    private Long porteurSiMembre(Monde m) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof fr.communs.security.AppUser u
                && u.email().equals(m.email(MEMBRE)) ? m.porteurStructure : null;
    }

    /** Every public method of the application's services that takes an object's id. */
    private TreeSet<String> methodesAvecIdentifiant() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        TreeSet<String> methodes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("fr.communs")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                        || method.isSynthetic()) {
                    continue;
                }
                boolean identifiant = false;
                for (Parameter p : method.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    identifiant |= p.getName().matches("(?i)(.*Id|.*Ids|id)");
                }
                if (identifiant && interne(method)) {
                    System.out.println("Matrice des services, interne (MANDATORY) : " + type.getSimpleName() + "."
                            + method.getName());
                }
                if (identifiant && !interne(method)) {
                    methodes.add(type.getSimpleName() + "." + method.getName() + "(" + Arrays.stream(
                            method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")");
                }
            }
        }
        return methodes;
    }

    /** A method may have several rows (another object, another stage): "signature [variante]". */
    private static Set<String> sansVariante(Set<String> cles) {
        return cles.stream().map(k -> k.replaceAll(" \\[.*\\]$", "")).collect(Collectors.toSet());
    }

    @Test
    void everyServiceMethodTakingAnObjectIdHasARowOrAReasonToBeLeftOut() throws Exception {
        table();
        exclusions();
        TreeSet<String> manquantes = methodesAvecIdentifiant();
        manquantes.removeAll(sansVariante(lignes.keySet()));
        manquantes.removeAll(exclues.keySet());
        assertThat(manquantes).as("méthodes de service sans ligne dans la matrice ni raison d'exclusion").isEmpty();
        TreeSet<String> inconnues = new TreeSet<>(sansVariante(lignes.keySet()));
        inconnues.addAll(exclues.keySet());
        inconnues.removeAll(methodesAvecIdentifiant());
        assertThat(inconnues).as("lignes qui ne correspondent à aucune méthode").isEmpty();
    }

    @Test
    void everyPersonaGetsTheExpectedAnswerFromEveryServiceMethodAndARefusalChangesNothing() {
        Monde m = Monde.of(context);
        table();
        empreinteDuMonde = empreinte();
        List<String> ecarts = new ArrayList<>();
        int cellules = 0;
        for (var e : lignes.entrySet()) {
            Ligne ligne = e.getValue();
            for (Persona p : Persona.values()) {
                if (ligne.nonJoues().contains(p)) {
                    continue;
                }
                cellules++;
                String ecart = cellule(m, p, ligne);
                if (ecart != null) {
                    ecarts.add(e.getKey() + " × " + p + " : " + ecart);
                }
            }
        }
        assertThat(empreinte()).as("le Monde est intact après la matrice").isEqualTo(empreinteDuMonde);
        System.out.println("Matrice des services : " + sansVariante(lignes.keySet()).size() + " méthodes, "
                + lignes.size() + " lignes, " + cellules + " cellules jouées");
        assertThat(ecarts).as("cellules de la matrice des services en écart").isEmpty();
    }

    /** Plays one cell; null when the answer is the expected one, otherwise what went wrong. */
    private String cellule(Monde m, Persona p, Ligne ligne) {
        boolean attenduOk = ligne.ok().contains(p);
        String[] ecart = new String[1];
        Runnable jouer = () -> {
            Object resultat = null;
            RuntimeException refus = null;
            try {
                resultat = ligne.appel().run(m);
            } catch (NotAllowedException | ValidationException | AccessDeniedException | AuthenticationException ex) {
                refus = ex;
            } catch (Exception ex) {
                ecart[0] = "exception inattendue " + ex;
                return;
            }
            if (attenduOk) {
                if (refus != null) {
                    ecart[0] = "refusé à tort : " + refus.getMessage();
                }
                return;
            }
            if (refus == null && !(ligne.ecriture() ? false : vide(resultat))) {
                ecart[0] = "autorisé à tort (réponse : " + abrege(resultat) + ")";
                return;
            }
            if (refus != null && !(refus instanceof AuthenticationException)
                    && (refus.getMessage() == null || refus.getMessage().isBlank())) {
                ecart[0] = "refus sans message";
                return;
            }
            if (ligne.ecriture() && aEcrit() && !empreinteDuMonde.equals(empreinte())) {
                ecart[0] = "refusé mais la base a changé";
            }
        };
        if (p == Persona.ANONYME) {
            fx.logout();
        } else {
            fx.as(m.email(p));
        }
        try {
            if (ligne.ecriture()) {
                tx.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jouer.run();
                });
            } else {
                jouer.run();
            }
        } catch (RuntimeException ex) {
            return ecart[0] != null ? ecart[0] : "exception à la fin de la transaction " + ex;
        } finally {
            fx.logout();
        }
        return ecart[0];
    }

    private static boolean vide(Object r) {
        return r == null || r.equals(Optional.empty()) || Boolean.FALSE.equals(r)
                || (r instanceof Collection<?> c && c.isEmpty()) || (r instanceof Map<?, ?> mp && mp.isEmpty())
                || (r instanceof Number n && n.longValue() == 0);
    }

    private static String abrege(Object r) {
        String s = String.valueOf(r);
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** Whether the current transaction wrote anything (PostgreSQL assigns a transaction id on the first write). */
    private boolean aEcrit() {
        return dsl.fetchValue("select pg_current_xact_id_if_assigned()") != null;
    }

    /** A cheap fingerprint of every table of the application and of the engine's running tasks and variables. */
    private String empreinte() {
        List<String> tables = dsl.fetch("select table_name from information_schema.tables where table_schema = 'app' "
                + "and table_type = 'BASE TABLE' and table_name not like 'flyway%' order by 1").getValues(0, String.class);
        StringBuilder sql = new StringBuilder("select md5(");
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add("coalesce((select md5(string_agg(t::text, ',' order by t::text)) from app." + t + " t), '')");
        }
        for (String t : List.of("act_ru_task", "act_ru_variable", "act_ru_execution")) {
            parts.add("coalesce((select md5(string_agg(t::text, ',' order by t::text)) from public." + t + " t), '')");
        }
        sql.append(String.join(" || ", parts)).append(")");
        return dsl.fetchValue(sql.toString()).toString();
    }

    private void exclusions() {
        exclue("AccountService.isEmailConfirmed(long)",
                "appelée à la connexion pour le compte qui vient de s'authentifier, jamais avec un identifiant saisi");
        exclue("RetentionService.recordLogin(long)",
                "appelée par l'écouteur de connexion réussie (LastLoginListener) pour le compte authentifié");
        exclue("GroupementService.remindBeforeDeadline(long)",
                "rappel déclenché par le minuteur du processus (moteur), aucun écran ne l'appelle");
        exclue("CampagneService.update(long,CampagneSettings)",
                "administration de la campagne : refus des non-administrateurs couvert par CampagneServiceIT");
        exclue("CampagneService.update(long,CampagneSettings,boolean)",
                "administration de la campagne : refus des non-administrateurs couvert par CampagneServiceIT");
        exclue("StructureService.update(long,int,StructureData)",
                "fiche de la structure : refus des autres comptes couvert par StructureServiceIT");
        exclue("StructureService.requestToJoin(long,String)",
                "tout compte connecté peut demander à rejoindre une structure : la structure décide (decideRequest, ci-dessus)");
        exclue("ContributionService.decideOffer(long,boolean)",
                "le Monde n'a pas d'offre de contribution en attente : couvert par ContributionServiceIT");
        exclue("ContributionService.withdrawOffer(long)",
                "le Monde n'a pas d'offre de contribution en attente : couvert par ContributionServiceIT");
        exclue("ContributionComiteService.accept(long,int)",
                "le Monde n'a pas de contribution du comité : refus (mauvaise personne, mauvais état, version) couverts par ContributionComiteServiceIT");
        exclue("ContributionComiteService.decline(long,int,String)",
                "le Monde n'a pas de contribution du comité : refus couverts par ContributionComiteServiceIT");
        exclue("ContributionComiteService.markDone(long,int)",
                "le Monde n'a pas de contribution du comité : refus couverts par ContributionComiteServiceIT");
        exclue("ContributionComiteService.abandon(long,int,String)",
                "le Monde n'a pas de contribution du comité : refus couverts par ContributionComiteServiceIT");
        exclue("MailService.outboxAttachment(long)",
                "boîte d'envoi de démonstration, réservée aux administrateurs : refus des autres comptes couvert par MailOutboxIT");
        exclue("TaskService.whyNotOpen(String,String)",
                "donne la raison en français pour laquelle une tâche n'est pas ouverte à l'appelant : rien à lire");
    }

    /** Methods only callable inside another service's (or the engine's) transaction: a screen cannot call them. */
    private static boolean interne(Method method) {
        var tx = method.getAnnotation(org.springframework.transaction.annotation.Transactional.class);
        return tx != null && tx.propagation() == org.springframework.transaction.annotation.Propagation.MANDATORY;
    }
}
