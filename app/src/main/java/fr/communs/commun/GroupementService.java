package fr.communs.commun;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.internal.JooqCommunRepository;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import fr.communs.task.TaskService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forming the groupement, its eligibility, and the transmission of the file to the Département. */
@Service
public class GroupementService {
    private final JooqCommunRepository communs;
    private final CommunService communService;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final TaskService tasks;

    GroupementService(JooqCommunRepository communs, CommunService communService, CampagneService campagnes,
                      StructureService structures, CurrentUser currentUser, TaskService tasks) {
        this.communs = communs;
        this.communService = communService;
        this.campagnes = campagnes;
        this.structures = structures;
        this.currentUser = currentUser;
        this.tasks = tasks;
    }

    /** The porteur adds a structure to the groupement (before transmission). */
    @Transactional
    public void addMember(long communId, long structureId, RoleGroupement role) {
        Commun commun = requirePorteurWhileForming(communId);
        if (role == null || role == RoleGroupement.PORTEUR) {
            throw new ValidationException("Choisissez le rôle de la structure : membre ou contributeur.");
        }
        Structure structure = structures.find(structureId)
                .orElseThrow(() -> new ValidationException("Cette structure n'existe pas."));
        if (communs.membres(commun.id()).containsKey(structure.id())) {
            throw new ValidationException("« " + structure.nom() + " » fait déjà partie du groupement.");
        }
        communs.insertMembre(commun.id(), structure.id(), role);
    }

    /** The porteur removes a structure (not itself) from the groupement (before transmission). */
    @Transactional
    public void removeMember(long communId, long structureId) {
        requirePorteurWhileForming(communId);
        if (communs.deleteMembre(communId, structureId) == 0) {
            throw new ValidationException("Cette structure ne peut pas être retirée du groupement.");
        }
    }

    @Transactional(readOnly = true)
    public Eligibility eligibility(long communId) {
        Commun commun = communService.get(communId);
        Campagne campagne = campagnes.get(commun.campagneId());
        List<MembreGroupement> membres = communService.membres(communId);
        Structure porteur = membres.stream().filter(m -> m.role() == RoleGroupement.PORTEUR)
                .map(MembreGroupement::structure).findFirst().orElse(null);
        return Eligibility.evaluate(membres.stream().map(MembreGroupement::structure).toList(), porteur,
                campagne.territoireCode(), campagne.territoireNom());
    }

    /**
     * The porteur transmits the file: only if the groupement is eligible and before the deadline. Marks the
     * commun as transmitted and completes the task in one transaction.
     */
    @Transactional
    public void transmit(String taskId) {
        long communId = tasks.requireOpen(taskId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT);
        CommunStatut statut = communs.lockStatut(communId).orElseThrow();
        if (statut != CommunStatut.EN_CONSTITUTION) {
            throw new ValidationException("Ce dossier a déjà été transmis.");
        }
        Campagne campagne = campagnes.get(communService.get(communId).campagneId());
        if (!campagne.depotOuvert(OffsetDateTime.now())) {
            throw new ValidationException("La date limite de dépôt ("
                    + campagne.dateLimiteDepot().atZoneSameInstant(fr.communs.base.Dates.ZONE).format(CommunService.DATE_FR)
                    + ") est passée : le dossier ne peut plus être transmis.");
        }
        Eligibility eligibility = eligibility(communId);
        if (!eligibility.eligible()) {
            throw new ValidationException(eligibility.rules().stream().filter(r -> !r.ok())
                    .map(r -> r.libelle() + " : " + r.explication()).toList());
        }
        communs.markTransmitted(communId);
        tasks.complete(taskId, Map.of());
    }

    private Commun requirePorteurWhileForming(long communId) {
        AppUser user = currentUser.require();
        CommunStatut statut = communs.lockStatut(communId)
                .orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
        Commun commun = communService.get(communId);
        if (!user.structureIds().contains(commun.porteurStructureId())) {
            throw new NotAllowedException("Seul le porteur administratif peut modifier le groupement.");
        }
        if (statut != CommunStatut.EN_CONSTITUTION) {
            throw new ValidationException("Le dossier a été transmis : le groupement ne peut plus être modifié.");
        }
        return commun;
    }
}
