package fr.communs.commun;

import fr.communs.base.CommunStatut;
import fr.communs.base.Checks;
import fr.communs.base.LiveChange;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.BudgetService;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.ExigenceService;
import fr.communs.commun.internal.JooqCommunRepository;
import fr.communs.commun.internal.JooqGroupementRepository;
import fr.communs.commun.internal.JooqPiecesDeposees;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import fr.communs.task.TaskNotAvailableException;
import fr.communs.task.TaskService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forming the groupement: join requests, invitations, confirmations, departures; its eligibility; and the
 * transmission of the file to the Département. Every change locks the commun's row first, so that two people acting
 * at once (two acceptances, an acceptance and a transmission…) are serialised and each sees the other's result.
 */
@Service
public class GroupementService {
    private final JooqCommunRepository communs;
    private final JooqGroupementRepository groupement;
    private final CommunService communService;
    private final DossierVersionService versions;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final ExigenceService exigences;
    private final JooqPiecesDeposees pieces;
    private final BudgetService budgets;

    GroupementService(JooqCommunRepository communs, JooqGroupementRepository groupement, CommunService communService,
                      DossierVersionService versions, CampagneService campagnes,
                      StructureService structures, CurrentUser currentUser, TaskService tasks,
                      NotificationService notifications, ApplicationEventPublisher events, ExigenceService exigences,
                      JooqPiecesDeposees pieces, BudgetService budgets) {
        this.events = events;
        this.exigences = exigences;
        this.pieces = pieces;
        this.budgets = budgets;
        this.communs = communs;
        this.groupement = groupement;
        this.communService = communService;
        this.versions = versions;
        this.campagnes = campagnes;
        this.structures = structures;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.notifications = notifications;
    }

    // --- Join requests ("Rejoindre ce commun") ---

    /** A structure asks to join a commun being formed; the porteur is notified. Returns the request's id. */
    @Transactional
    public long requestToJoin(long communId, long structureId, RoleGroupement role, String message) {
        AppUser user = requireMemberOf(structureId);
        Commun commun = lockForming(communId);
        checkCandidate(commun, structureId, role, message);
        long id = insertDemande(commun, structureId, DemandeGroupement.Sens.DEMANDE, role, message, user);
        String nom = structureName(structureId);
        notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.DEMANDE_ADHESION,
                "Demande pour rejoindre « " + commun.titre() + " »",
                "« " + nom + " » demande à rejoindre le groupement du commun « " + commun.titre() + " » en tant que "
                        + role.libelle().toLowerCase() + "." + quoted(message)
                        + "\nAcceptez ou refusez la demande depuis la page du commun.",
                link(communId));
        changed(communId);
        return id;
    }

    /** The porteur invites a structure of the directory; the structure is notified. Returns the invitation's id. */
    @Transactional
    public long invite(long communId, long structureId, RoleGroupement role, String message) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Commun commun = lockForming(communId);
        requirePorteur(user, commun);
        checkCandidate(commun, structureId, role, message);
        long id = insertDemande(commun, structureId, DemandeGroupement.Sens.INVITATION, role, message, user);
        notifications.notifyStructures(List.of(structureId), NotificationType.INVITATION,
                "Invitation à rejoindre « " + commun.titre() + " »",
                "« " + commun.porteurNom() + " » invite votre structure « " + structureName(structureId)
                        + " » à rejoindre le groupement du commun « " + commun.titre() + " » en tant que "
                        + role.libelle().toLowerCase() + "." + quoted(message)
                        + "\nAcceptez ou refusez l'invitation depuis la page du commun.",
                link(communId));
        changed(communId);
        return id;
    }

    /** The porteur accepts or declines a structure's request; the structure is notified. */
    @Transactional
    public void decideRequest(long demandeId, boolean accept, String reponse) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        DemandeGroupement d = groupement.demande(demandeId)
                .orElseThrow(() -> new ValidationException("Cette demande n'existe pas."));
        Commun commun = lockForming(d.communId());
        requirePorteur(user, commun);
        if (d.sens() != DemandeGroupement.Sens.DEMANDE) {
            throw new NotAllowedException("C'est la structure invitée qui répond à une invitation.");
        }
        close(d, accept, user, reponse);
        if (accept) {
            // The structure chose its role when asking: its participation in that role is confirmed by its request.
            groupement.insertMembre(commun.id(), d.structureId(), d.role(), user.id());
        }
        notifications.notifyStructures(List.of(d.structureId()), NotificationType.DECISION_ADHESION,
                (accept ? "Demande acceptée : « " : "Demande refusée : « ") + commun.titre() + " »",
                "Le porteur du commun « " + commun.titre() + " » a " + (accept ? "accepté" : "refusé")
                        + " la demande de « " + d.structureNom() + " »." + quoted(reponse),
                link(commun.id()));
        changed(commun.id(), d.structureId());
    }

    /** The invited structure accepts (and thereby confirms its participation in the proposed role) or declines. */
    @Transactional
    public void answerInvitation(long demandeId, boolean accept, String reponse) {
        DemandeGroupement d = groupement.demande(demandeId)
                .orElseThrow(() -> new ValidationException("Cette invitation n'existe pas."));
        AppUser user = requireMemberOf(d.structureId());
        Commun commun = lockForming(d.communId());
        if (d.sens() != DemandeGroupement.Sens.INVITATION) {
            throw new NotAllowedException("C'est le porteur du commun qui répond à une demande.");
        }
        close(d, accept, user, reponse);
        if (accept) {
            groupement.insertMembre(commun.id(), d.structureId(), d.role(), user.id());
        }
        notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.REPONSE_INVITATION,
                (accept ? "Invitation acceptée : « " : "Invitation déclinée : « ") + commun.titre() + " »",
                "« " + d.structureNom() + " » a " + (accept ? "accepté" : "décliné")
                        + " l'invitation à rejoindre le groupement du commun « " + commun.titre() + " »." + quoted(reponse),
                link(commun.id()));
        changed(commun.id(), d.structureId());
    }

    /** Whoever sent it withdraws a pending request (the structure) or invitation (the porteur). */
    @Transactional
    public void cancel(long demandeId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        DemandeGroupement d = groupement.demande(demandeId)
                .orElseThrow(() -> new ValidationException("Cette demande n'existe pas."));
        Commun commun = lockForming(d.communId());
        boolean allowed = d.sens() == DemandeGroupement.Sens.DEMANDE ? user.structureIds().contains(d.structureId())
                : user.structureIds().contains(commun.porteurStructureId());
        if (!allowed) {
            throw new NotAllowedException(d.sens() == DemandeGroupement.Sens.DEMANDE
                    ? "Seule la structure qui a fait la demande peut la retirer."
                    : "Seul le porteur administratif peut annuler une invitation.");
        }
        if (!groupement.decide(d.id(), DemandeGroupement.Statut.ANNULEE, user.id(), null)) {
            throw new ValidationException("Cette demande a déjà été traitée.");
        }
        changed(commun.id(), d.structureId());
    }

    // --- Members ---

    /** A member confirms its participation and its role in the groupement. */
    @Transactional
    public void confirm(long communId, long structureId) {
        AppUser user = requireMemberOf(structureId);
        lockForming(communId);
        if (groupement.membre(communId, structureId).isEmpty()) {
            throw new ValidationException("Cette structure ne fait pas partie du groupement.");
        }
        if (groupement.confirm(communId, structureId, user.id()) == 0) {
            throw new ValidationException("La participation de cette structure est déjà confirmée.");
        }
        changed(communId);
    }

    /**
     * The porteur changes a member's role (membre ↔ contributeur); the member must confirm its participation in
     * the new role.
     */
    @Transactional
    public void changeRole(long communId, long structureId, RoleGroupement role) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Commun commun = lockForming(communId);
        requirePorteur(user, commun);
        if (role == null || role == RoleGroupement.PORTEUR) {
            throw new ValidationException("Choisissez le rôle : membre ou contributeur.");
        }
        JooqGroupementRepository.Row row = groupement.membre(communId, structureId)
                .orElseThrow(() -> new ValidationException("Cette structure ne fait pas partie du groupement."));
        if (row.role() == RoleGroupement.PORTEUR) {
            throw new ValidationException("Le rôle du porteur administratif ne se change pas ainsi : désignez un autre "
                    + "porteur administratif.");
        }
        if (row.role() == role) {
            return;
        }
        groupement.setRole(communId, structureId, role, null);
        notifications.notifyStructures(List.of(structureId), NotificationType.ROLE_MODIFIE,
                "Votre rôle dans « " + commun.titre() + " » a changé",
                "Le porteur du commun « " + commun.titre() + " » propose à « " + structureName(structureId)
                        + " » le rôle de " + role.libelle().toLowerCase()
                        + ". Confirmez votre participation dans ce rôle depuis la page du commun.",
                link(communId));
        changed(communId);
    }

    /**
     * The porteur administratif proposes its role to another member of the groupement (for instance when the
     * structure that deposited the idea is not an ESS structure of the territory). Nothing changes until that
     * member accepts ({@link #answerPorteurProposal}); a new proposal replaces the previous one.
     */
    @Transactional
    public void designatePorteur(long communId, long structureId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Commun commun = lockForming(communId);
        requirePorteur(user, commun);
        JooqGroupementRepository.Row row = groupement.membre(communId, structureId)
                .orElseThrow(() -> new ValidationException("Cette structure ne fait pas partie du groupement."));
        if (row.role() == RoleGroupement.PORTEUR) {
            throw new ValidationException("Cette structure est déjà le porteur administratif.");
        }
        if (row.porteurPropose()) {
            throw new ValidationException("Le rôle de porteur administratif est déjà proposé à cette structure : "
                    + "elle doit l'accepter ou le décliner.");
        }
        groupement.proposePorteur(communId, structureId);
        notifications.notifyStructures(List.of(structureId), NotificationType.ROLE_MODIFIE,
                "Proposition : porteur administratif de « " + commun.titre() + " »",
                "« " + commun.porteurNom() + " » propose à « " + structureName(structureId)
                        + " » de devenir porteur administratif du commun « " + commun.titre() + " » : c'est lui qui "
                        + "transmet le dossier au Département. Acceptez ou déclinez depuis la page du commun.",
                link(communId));
        changed(communId);
    }

    /** The porteur withdraws its proposal. */
    @Transactional
    public void cancelPorteurProposal(long communId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Commun commun = lockForming(communId);
        requirePorteur(user, commun);
        groupement.proposePorteur(communId, null);
        changed(communId);
    }

    /**
     * The member proposed as porteur administratif accepts (it becomes porteur, its acceptance confirming the role;
     * the former porteur stays as a confirmed member; the porteur's task follows; every member is told) or declines.
     */
    @Transactional
    public void answerPorteurProposal(long communId, long structureId, boolean accept) {
        AppUser user = requireMemberOf(structureId);
        Commun commun = lockForming(communId);
        JooqGroupementRepository.Row row = groupement.membre(communId, structureId).filter(JooqGroupementRepository.Row::porteurPropose)
                .orElseThrow(() -> new ValidationException("Aucune proposition de devenir porteur administratif n'est en attente "
                        + "pour cette structure."));
        groupement.proposePorteur(communId, null);
        changed(communId);
        String nom = structureName(structureId);
        if (!accept) {
            notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.ROLE_MODIFIE,
                    "Proposition déclinée : « " + commun.titre() + " »",
                    "« " + nom + " » décline la proposition de devenir porteur administratif du commun « "
                            + commun.titre() + " ».", link(communId));
            return;
        }
        groupement.setRoleOnly(communId, commun.porteurStructureId(), RoleGroupement.MEMBRE);
        groupement.setRole(communId, row.structureId(), RoleGroupement.PORTEUR, user.id());
        communs.setPorteur(communId, structureId);
        tasks.changePorteurGroup(communId, CycleCommunProcess.structureGroup(commun.porteurStructureId()),
                CycleCommunProcess.structureGroup(structureId));
        List<Long> membres = groupement.membres(communId).stream().map(JooqGroupementRepository.Row::structureId).toList();
        notifications.notifyStructures(membres, NotificationType.ROLE_MODIFIE,
                "Nouveau porteur administratif : « " + commun.titre() + " »",
                "« " + nom + " » devient porteur administratif du commun « " + commun.titre() + " » à la place de « "
                        + commun.porteurNom() + " », qui reste membre du groupement. C'est désormais « " + nom
                        + " » qui transmet le dossier au Département.", link(communId));
    }

    /** A member (not the porteur) leaves the groupement before transmission; the porteur is notified. */
    @Transactional
    public void leave(long communId, long structureId) {
        requireMemberOf(structureId);
        Commun commun = lockForming(communId);
        if (structureId == commun.porteurStructureId()) {
            throw new ValidationException("Le porteur administratif ne peut pas quitter le groupement : désignez d'abord "
                    + "un autre porteur administratif.");
        }
        if (groupement.deleteMembre(communId, structureId) == 0) {
            throw new ValidationException("Cette structure ne fait pas partie du groupement.");
        }
        notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.DEPART_MEMBRE,
                "Départ du groupement « " + commun.titre() + " »",
                "« " + structureName(structureId) + " » a quitté le groupement du commun « " + commun.titre() + " ».",
                link(communId));
        changed(communId, structureId);
    }

    /** The porteur removes a structure (not itself) from the groupement before transmission. */
    @Transactional
    public void removeMember(long communId, long structureId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Commun commun = lockForming(communId);
        requirePorteur(user, commun);
        if (groupement.deleteMembre(communId, structureId) == 0) {
            throw new ValidationException("Cette structure ne peut pas être retirée du groupement.");
        }
        notifications.notifyStructures(List.of(structureId), NotificationType.DEPART_MEMBRE,
                "Retrait du groupement « " + commun.titre() + " »",
                "Le porteur du commun « " + commun.titre() + " » a retiré « " + structureName(structureId)
                        + " » du groupement.", link(communId));
        changed(communId, structureId);
    }

    // --- Reading ---

    /**
     * Pending requests and invitations of a commun: all of them for the porteur, those of the caller's structures
     * for anyone else.
     */
    @Transactional(readOnly = true)
    public List<DemandeGroupement> pending(long communId) {
        Commun commun = communService.get(communId);
        Set<Long> mine = currentUser.get().map(u -> Set.copyOf(u.structureIds())).orElse(Set.of());
        boolean porteur = mine.contains(commun.porteurStructureId());
        return groupement.pendingOfCommun(communId).stream().filter(d -> porteur || mine.contains(d.structureId())).toList();
    }

    /** Pending invitations to, and requests from, the caller's structures, all communs together. */
    @Transactional(readOnly = true)
    public List<DemandeGroupement> myPending() {
        Set<Long> mine = currentUser.get().map(u -> Set.copyOf(u.structureIds())).orElse(Set.of());
        return mine.isEmpty() ? List.of() : groupement.pendingOfStructures(mine);
    }

    /** A commun one of the caller's structures takes part in: which structure, its role, what it still has to do. */
    public record MonCommun(Commun commun, long structureId, String structureNom, RoleGroupement role, boolean confirme,
                            boolean porteurPropose) {
    }

    /** Published communs whose groupement includes one of the caller's structures (one line per structure). */
    @Transactional(readOnly = true)
    public List<MonCommun> myCommuns() {
        Set<Long> mine = currentUser.get().map(u -> Set.copyOf(u.structureIds())).orElse(Set.of());
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, String> noms = structures.findAll(mine).stream().collect(Collectors.toMap(Structure::id, Structure::nom));
        List<MonCommun> result = new java.util.ArrayList<>();
        for (JooqGroupementRepository.Membership m : groupement.membershipsOf(mine)) {
            communService.find(m.communId()).filter(c -> !c.brouillon()).ifPresent(c -> result.add(new MonCommun(c,
                    m.row().structureId(), noms.get(m.row().structureId()), m.row().role(), m.row().confirmeLe() != null,
                    m.row().porteurPropose())));
        }
        return result;
    }

    /** Join requests waiting for the caller's answer: those received by the communs its structures carry. */
    @Transactional(readOnly = true)
    public List<DemandeGroupement> requestsToAnswer() {
        Set<Long> mine = currentUser.get().map(u -> Set.copyOf(u.structureIds())).orElse(Set.of());
        return mine.isEmpty() ? List.of() : groupement.pendingRequestsTo(mine);
    }

    /**
     * The groupement's rules, then the file's: complete, a porteur administratif with a SIRET, and what the campagne
     * requires (attachments, budget). Shown to everyone on the commun's page; checked again at transmission.
     */
    @Transactional(readOnly = true)
    public Eligibility eligibility(long communId) {
        Commun commun = communService.get(communId);
        Campagne campagne = campagnes.get(commun.campagneId());
        List<MembreGroupement> membres = communService.membres(communId);
        return Eligibility.evaluate(membres, campagne.territoireCode(), campagne.territoireNom())
                .with(Eligibility.dossierComplet(commun))
                .with(Eligibility.porteurSiret(membres))
                .withAll(Eligibility.exigences(exigences.exigences(campagne.id()), membres, pieces.of(communId),
                        budgets.budgetOf(communId).orElse(null)));
    }

    // --- Transmission ---

    /**
     * The porteur transmits the file: only if the groupement and the file meet every rule of {@link #eligibility}
     * (SIRET of the porteur, attachments and budget the campagne requires included) and before the deadline. The
     * deposit or deletion of an attachment and a change of the budget lock the same row, so none can slip between this
     * check and the transmission. Freezes version 1
     * of the file, marks the commun as transmitted, cancels what is still pending and completes the task, in one
     * transaction; the groupement and the agents are notified.
     */
    @Transactional
    public void transmit(String taskId) {
        // Lock the commun before claiming the task, in the same order as every other change of the groupement.
        long communId = tasks.findOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT)
                .orElseThrow(() -> new TaskNotAvailableException(
                        tasks.whyNotOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT))).communId();
        CommunStatut statut = communs.lockStatut(communId).orElseThrow();
        tasks.requireOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);
        if (statut != CommunStatut.EN_CONSTITUTION) {
            throw new ValidationException("Ce dossier a déjà été transmis.");
        }
        Commun commun = communService.get(communId);
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        requirePorteur(user, commun);
        Campagne campagne = campagnes.get(commun.campagneId());
        if (!campagne.depotOuvert(OffsetDateTime.now())) {
            throw new ValidationException(campagne.depotClos("le dossier ne peut plus être transmis"));
        }
        Eligibility eligibility = eligibility(communId);
        if (!eligibility.eligible()) {
            throw new ValidationException(eligibility.rules().stream().filter(r -> !r.ok())
                    .map(r -> r.libelle() + " : " + r.explication()).toList());
        }
        versions.freeze(communId, DossierVersion.Motif.TRANSMISSION);
        communs.markTransmitted(communId);
        closePending(communId, "le dossier a été transmis au Département");
        tasks.complete(taskId, Map.of());
        List<Long> membres = communService.membres(communId).stream().map(m -> m.structure().id()).toList();
        notifications.notifyStructures(membres, NotificationType.TRANSMISSION,
                "Dossier transmis : « " + commun.titre() + " »",
                "Le dossier du commun « " + commun.titre() + " » a été transmis au Département par « "
                        + commun.porteurNom() + " ». Le service Innovation sociale et solidaire va l'instruire ; "
                        + "le dossier n'est plus modifiable, sauf si des compléments vous sont demandés.",
                link(communId));
        notifications.notifyRole(Roles.AGENT, NotificationType.TRANSMISSION,
                "Nouveau dossier à instruire : « " + commun.titre() + " »",
                "Le groupement porté par « " + commun.porteurNom() + " » a transmis le dossier du commun « "
                        + commun.titre() + " » (" + membres.size() + " structures).", link(communId));
    }

    /**
     * Reminder before the deposit deadline, sent by the process: every structure of a groupement still being formed
     * is told the deadline and what still blocks its eligibility. Does nothing once the file left that state.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void remindBeforeDeadline(long communId) {
        Commun commun = communs.findById(communId).orElse(null);
        if (commun == null || commun.statut() != CommunStatut.EN_CONSTITUTION) {
            return;
        }
        // A published commun is public: the same readers as the screens, without a logged-in person.
        Eligibility eligibility = eligibility(communId);
        List<MembreGroupement> membres = communService.membres(communId);
        String echeance = campagnes.get(commun.campagneId()).dateLimiteTexte();
        String etat = eligibility.eligible()
                ? "Le groupement remplit les règles de l'appel : le porteur administratif peut transmettre le dossier."
                : "Ce qui bloque encore :\n" + eligibility.rules().stream().filter(r -> !r.ok())
                .map(r -> "- " + r.libelle() + " : " + r.explication()).collect(Collectors.joining("\n"));
        notifications.notifyStructures(membres.stream().map(m -> m.structure().id()).toList(), NotificationType.RAPPEL_DEPOT,
                "Date limite de dépôt le " + echeance + " : « " + commun.titre() + " »",
                "Le dossier du commun « " + commun.titre() + " » n'est pas encore transmis au Département. La date "
                        + "limite de dépôt est le " + echeance + ".\n" + etat, link(communId));
    }

    /**
     * Closes the requests and invitations still pending (transmission, end of the deposit) and tells the structures
     * concerned why. Runs in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closePending(long communId, String raison) {
        List<DemandeGroupement> pending = groupement.pendingOfCommun(communId);
        groupement.cancelPending(communId);
        for (DemandeGroupement d : pending) {
            notifications.notifyStructures(List.of(d.structureId()), d.sens() == DemandeGroupement.Sens.INVITATION
                            ? NotificationType.INVITATION : NotificationType.DECISION_ADHESION,
                    (d.sens() == DemandeGroupement.Sens.INVITATION ? "Invitation close : « " : "Demande close : « ")
                            + d.communTitre() + " »",
                    (d.sens() == DemandeGroupement.Sens.INVITATION ? "L'invitation de « " : "La demande de « ")
                            + d.structureNom() + " » à rejoindre le commun « " + d.communTitre()
                            + " » est close : " + raison + ".", link(communId));
        }
        changed(communId, pending.stream().map(DemandeGroupement::structureId).toArray(Long[]::new));
    }

    // --- Helpers ---

    /**
     * Tells the open pages of the groupement's structures, of those with a pending request or invitation, and of
     * {@code alsoStructures} (a structure that just left, was refused…) that the commun changed, once committed.
     */
    private void changed(long communId, Long... alsoStructures) {
        Set<Long> concerned = new java.util.HashSet<>(List.of(alsoStructures));
        groupement.membres(communId).forEach(r -> concerned.add(r.structureId()));
        groupement.pendingOfCommun(communId).forEach(d -> concerned.add(d.structureId()));
        events.publishEvent(LiveChange.ofCommun(communId, concerned));
    }

    private Commun lockForming(long communId) {
        communs.lockStatut(communId).orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
        Commun commun = communService.get(communId);
        if (commun.statut() == CommunStatut.BROUILLON) {
            throw new ValidationException("Publiez d'abord l'idée : le groupement se constitue une fois l'idée publiée.");
        }
        if (commun.statut() != CommunStatut.EN_CONSTITUTION) {
            throw new ValidationException("Le dossier a été transmis ou le dépôt est clos : le groupement ne peut plus "
                    + "être modifié.");
        }
        Campagne campagne = campagnes.get(commun.campagneId());
        if (!campagne.depotOuvert(OffsetDateTime.now())) {
            throw new ValidationException(campagne.depotClos("le groupement ne peut plus être modifié"));
        }
        return commun;
    }

    private void checkCandidate(Commun commun, long structureId, RoleGroupement role, String message) {
        Structure structure = structures.find(structureId)
                .orElseThrow(() -> new ValidationException("Cette structure n'existe pas."));
        Checks.start()
                .check(role == RoleGroupement.MEMBRE || role == RoleGroupement.CONTRIBUTEUR,
                        "Choisissez le rôle : membre ou contributeur.")
                .optional(message, "Message", 1000)
                .orThrow();
        if (groupement.membre(commun.id(), structureId).isPresent()) {
            throw new ValidationException("« " + structure.nom() + " » fait déjà partie du groupement.");
        }
        groupement.pendingFor(commun.id(), structureId).ifPresent(d -> {
            throw new ValidationException(d.sens() == DemandeGroupement.Sens.DEMANDE
                    ? "« " + structure.nom() + " » a déjà demandé à rejoindre ce commun : la demande attend la réponse du porteur."
                    : "« " + structure.nom() + " » est déjà invitée : l'invitation attend sa réponse.");
        });
    }

    private long insertDemande(Commun commun, long structureId, DemandeGroupement.Sens sens, RoleGroupement role,
                               String message, AppUser user) {
        try {
            return groupement.insertDemande(commun.id(), structureId, sens, role, Checks.clean(message), user.id());
        } catch (DuplicateKeyException e) {
            throw new ValidationException("Une demande ou une invitation est déjà en attente pour cette structure.");
        }
    }

    private void close(DemandeGroupement d, boolean accept, AppUser user, String reponse) {
        Checks.start().optional(reponse, "Réponse", 1000).orThrow();
        if (accept && groupement.membre(d.communId(), d.structureId()).isPresent()) {
            throw new ValidationException("« " + d.structureNom() + " » fait déjà partie du groupement.");
        }
        if (!groupement.decide(d.id(), accept ? DemandeGroupement.Statut.ACCEPTEE : DemandeGroupement.Statut.REFUSEE,
                user.id(), Checks.clean(reponse))) {
            throw new ValidationException("Cette demande a déjà été traitée.");
        }
    }

    private AppUser requireMemberOf(long structureId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        if (!user.structureIds().contains(structureId)) {
            throw new NotAllowedException("Vous n'agissez qu'au nom des structures dont vous êtes membre.");
        }
        return user;
    }

    private static void requirePorteur(AppUser user, Commun commun) {
        if (!user.structureIds().contains(commun.porteurStructureId())) {
            throw new NotAllowedException("Seul le porteur administratif peut faire cela.");
        }
    }

    private String structureName(long structureId) {
        return structures.find(structureId).map(Structure::nom).orElse("Une structure");
    }

    private static String quoted(String message) {
        return message == null || message.isBlank() ? "" : "\nMessage : « " + message.strip() + " »";
    }

    private static String link(long communId) {
        return "communs/" + communId;
    }
}
