package fr.communs.acces;

import fr.communs.base.Dates;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.avis.AvisService;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.TypeContribution;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.messagerie.MessageService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointeService;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * The objects the access matrix asks about, one per stage of the cycle, all carried by one groupement (a porteur
 * structure and two ESS members), and the nine personas' accounts. Built once per Spring context through the real
 * services and the engine.
 *
 * <p>The "recused comité member" represents the porteur structure at the comité: they are recused automatically from
 * every file of the Monde (all carried by that structure), sit at every séance, and get no scoring task.
 */
final class Monde {
    private static ApplicationContext builtFor;
    private static Monde monde;

    final Map<Persona, String> emails = new EnumMap<>(Persona.class);
    final Map<Persona, Long> ids = new EnumMap<>(Persona.class);
    long porteurStructure;
    long horsStructure;
    long membreStructure;
    /** A draft of the porteur (never published). */
    long brouillon;
    String brouillonTitre;
    /** Published, the groupement being formed: the porteur's "Constituer le groupement" task is open. */
    long enConstitution;
    String tacheGroupement;
    long demandeContribution;
    long demandeAdhesion;
    /** Transmitted, taken by the instructeur; a référent's avis is asked on it (never sent to the comité). */
    long enInstruction;
    String tacheInstruction;
    String tacheAvisReferent;
    long avisReferent;
    long pieceEnInstruction;
    long notificationMembre;
    /** Declared recevable and heard at an open séance: the comité member's scoring task is open. */
    long auComite;
    String tacheAudition;
    /** The open séance where {@link #auComite} is heard. */
    long seanceOuverte;
    long pieceAuComite;
    /** Compléments asked: the porteur's "Compléter le dossier" task is open. */
    long enComplements;
    String tacheComplements;
    /** Scored by the comité: "Enregistrer l'avis du comité" is open. */
    long avisAttendu;
    String tacheAvisComite;
    /** The comité's avis recorded: the Assemblée's vote is open. */
    long aLAssemblee;
    String tacheVote;
    /** Voted: the porteur's "Déposer le livrable" task is open. */
    long laureat;
    String tacheLivrable;
    long campagne;
    /** The closed séance where {@link #aLAssemblee} was heard and received its favorable avis (final: its groupement reads it). */
    long seance;
    /** Text of a message on every transmitted file (shown only to those who may read the thread). */
    static final String MESSAGE = "Message du groupement pour la matrice";
    static final String PIECE = "statuts-matrice.pdf";
    final Map<Long, String> titres = new java.util.HashMap<>();

    static synchronized Monde of(ApplicationContext context) {
        if (builtFor != context) {
            monde = new Monde(context);
            builtFor = context;
        }
        return monde;
    }

    private final Fixtures fx;
    private final CommunService communs;
    private final GroupementService groupements;
    private final InstructionService instructions;
    private final PieceJointeService pieces;
    private final MessageService messages;
    private final AvisService avis;
    private final AssembleeService assemblees;
    private final ContributionService contributions;
    private final org.camunda.bpm.engine.TaskService engineTasks;
    private final List<AppreciationCritere> favorables = Arrays.stream(Critere.values())
            .map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList();

    private Monde(ApplicationContext context) {
        fx = context.getBean(Fixtures.class);
        communs = context.getBean(CommunService.class);
        groupements = context.getBean(GroupementService.class);
        instructions = context.getBean(InstructionService.class);
        pieces = context.getBean(PieceJointeService.class);
        messages = context.getBean(MessageService.class);
        avis = context.getBean(AvisService.class);
        assemblees = context.getBean(AssembleeService.class);
        contributions = context.getBean(ContributionService.class);
        engineTasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
        build(context);
    }

    private void build(ApplicationContext context) {
        fx.campagne();
        campagne = context.getBean(fr.communs.campagne.CampagneService.class).current().orElseThrow().id();
        porteurStructure = fx.structure(true, "30");
        membreStructure = fx.structure(true, "30");
        long contributeurStructure = fx.structure(true, "30");
        horsStructure = fx.structure(true, "30");
        persona(Persona.MEMBRE, fx.account(Roles.STRUCTURE, porteurStructure));
        String membre = fx.account(Roles.STRUCTURE, membreStructure);
        String contributeur = fx.account(Roles.STRUCTURE, contributeurStructure);
        persona(Persona.HORS_GROUPEMENT, fx.account(Roles.STRUCTURE, horsStructure));
        persona(Persona.INSTRUCTEUR, fx.account(Roles.AGENT));
        persona(Persona.AUTRE_AGENT, fx.account(Roles.AGENT));
        persona(Persona.REFERENT, fx.referent("Culture"));
        persona(Persona.COMITE, fx.account(Roles.COMITE));
        persona(Persona.ADMIN, fx.admin());
        persona(Persona.COMITE_RECUSE, fx.account(Roles.COMITE));
        fx.as(emails.get(Persona.ADMIN));
        var membres = context.getBean(fr.communs.comite.membre.MembreService.class);
        var recuse = membres.membre(ids.get(Persona.COMITE_RECUSE));
        membres.modifier(recuse.id(), recuse.version(), new fr.communs.comite.membre.MembreData(
                fr.communs.comite.membre.College.ACTEUR_ESS, porteurStructure, null, recuse.actifDu(), null));
        fx.logout();
        String porteur = emails.get(Persona.MEMBRE);

        fx.as(porteur);
        CommunData draft = data("Brouillon matrice");
        brouillon = communs.createDraft(porteurStructure, draft);
        brouillonTitre = draft.titre();

        enConstitution = publie(porteur, membre, contributeur);
        fx.as(porteur);
        demandeContribution = contributions.requestContribution(enConstitution, TypeContribution.HUMAINE, "Des bras", null);
        fx.as(emails.get(Persona.HORS_GROUPEMENT));
        demandeAdhesion = groupements.requestToJoin(enConstitution, horsStructure, RoleGroupement.MEMBRE, "Bonjour");
        tacheGroupement = fx.task(enConstitution, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();

        enInstruction = transmis(porteur, membre, contributeur);
        fx.as(porteur);
        pieceEnInstruction = pieces.list(enInstruction).get(0).id();
        fx.as(emails.get(Persona.INSTRUCTEUR));
        instructions.take(enInstruction);
        tacheInstruction = fx.task(enInstruction, CycleCommunProcess.TASK_INSTRUIRE).getId();
        avisReferent = avis.request(enInstruction, List.of(ids.get(Persona.REFERENT)), "Le volet culturel tient-il ?",
                Dates.today().plusDays(10)).get(0);
        fx.logout();
        tacheAvisReferent = engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .taskAssignee(String.valueOf(ids.get(Persona.REFERENT))).singleResult().getId();

        auComite = transmis(porteur, membre, contributeur);
        fx.as(porteur);
        pieceAuComite = pieces.list(auComite).get(0).id();
        recevable(auComite);
        seanceOuverte = fx.enAudition(auComite);
        tacheAudition = engineTasks.createTaskQuery().processInstanceBusinessKey("commun-" + auComite)
                .taskDefinitionKey(CycleCommunProcess.TASK_NOTER_SEANCE)
                .taskAssignee(String.valueOf(ids.get(Persona.COMITE))).singleResult().getId();

        enComplements = transmis(porteur, membre, contributeur);
        fx.as(emails.get(Persona.INSTRUCTEUR));
        instructions.take(enComplements);
        instructions.decide(fx.task(enComplements, CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.complements(favorables, "Précisez la gouvernance.", Set.of(PartieDossier.RESUME),
                        Dates.today().plusDays(15)));
        fx.logout();
        fx.runJobs(enComplements);
        tacheComplements = fx.task(enComplements, CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId();

        avisAttendu = transmis(porteur, membre, contributeur);
        recevable(avisAttendu);
        fx.scored(avisAttendu);
        fx.runJobs(avisAttendu);
        tacheAvisComite = fx.task(avisAttendu, CycleCommunProcess.TASK_AVIS_SEANCE).getId();

        aLAssemblee = aLAssemblee(porteur, membre, contributeur);
        tacheVote = fx.task(aLAssemblee, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId();

        laureat = aLAssemblee(porteur, membre, contributeur);
        fx.as(emails.get(Persona.INSTRUCTEUR));
        assemblees.recordVote(fx.task(laureat, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(CycleCommunProcess.ResultatVote.ADOPTE, new BigDecimal("10000"), Dates.today()));
        fx.logout();
        fx.runJobs(laureat);
        tacheLivrable = fx.task(laureat, CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId();

        seance = fx.seanceOf(aLAssemblee);
        fx.as(porteur);
        notificationMembre = context.getBean(fr.communs.notification.NotificationService.class).mine(0, 1).get(0).id();
        fx.logout();
    }

    private void persona(Persona p, String email) {
        emails.put(p, email);
        ids.put(p, fx.as(email).id());
        fx.logout();
    }

    private CommunData data(String titre) {
        return new CommunData(titre + " " + System.nanoTime(), "Un résumé", "Un besoin du territoire",
                "Ouvert à toutes et tous", "Un comité mensuel au consentement", Set.of(fx.defi()), Set.of(),
                fr.communs.commun.Echelle.VILLAGE, false, false, Set.of(), "Un guide sous licence libre");
    }

    /** Published by the porteur, with the two members confirmed and a piece deposited. */
    private long publie(String porteur, String membre, String contributeur) {
        fx.as(porteur);
        CommunData d = data("Commun matrice");
        long id = communs.depositIdea(porteurStructure, d);
        titres.put(id, d.titre());
        pieces.upload(id, porteurStructure, CategoriePiece.STATUTS, PIECE, new ByteArrayInputStream(Echantillons.pdf("statuts")));
        join(id, membreStructure, RoleGroupement.MEMBRE, porteur, membre);
        fx.logout();
        return id;
    }

    private void join(long communId, long structure, RoleGroupement role, String porteur, String account) {
        fx.as(porteur);
        long invitation = groupements.invite(communId, structure, role, null);
        fx.as(account);
        groupements.answerInvitation(invitation, true, null);
        fx.as(porteur);
    }

    /** Published, joined by a member and a contributor, a message posted, then transmitted by the porteur. */
    private long transmis(String porteur, String membre, String contributeur) {
        long id = publie(porteur, membre, contributeur);
        join(id, fx.structureOf(contributeur), RoleGroupement.CONTRIBUTEUR, porteur, contributeur);
        messages.post(id, porteurStructure, MESSAGE);
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.logout();
        return id;
    }

    private void recevable(long communId) {
        fx.as(emails.get(Persona.INSTRUCTEUR));
        instructions.take(communId);
        instructions.decide(fx.task(communId, CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.of(DecisionInstruction.RECEVABLE, favorables, null));
        fx.logout();
        fx.runJobs(communId);
    }

    private long aLAssemblee(String porteur, String membre, String contributeur) {
        long id = transmis(porteur, membre, contributeur);
        recevable(id);
        fx.scored(id);
        fx.runJobs(id);
        fx.avisSeance(id, new fr.communs.comite.deliberation.AvisSeance(
                fr.communs.comite.deliberation.AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("10000")));
        fx.close(fx.seanceOf(id));
        fx.runJobs(id);
        return id;
    }

    String email(Persona p) {
        return emails.get(p);
    }
}
