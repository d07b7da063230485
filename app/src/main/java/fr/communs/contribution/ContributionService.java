package fr.communs.contribution;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.contribution.internal.JooqContributionRepository;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contributions to a commun: the needs its porteur publishes ("demandes de contribution": financière, humaine,
 * technique, matérielle, autre) and the contributions other structures propose, which the porteur accepts or
 * refuses. Accepted offers make their structures the commun's contributors.
 */
@Service
public class ContributionService {
    /** Highest amount accepted, in euros. */
    public static final BigDecimal MONTANT_MAX = fr.communs.base.Montants.PLAFOND;
    public static final int DESCRIPTION_MAX = 2000;

    private final JooqContributionRepository contributions;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final NotificationService notifications;

    ContributionService(JooqContributionRepository contributions, StructureService structures,
                        CurrentUser currentUser, NotificationService notifications) {
        this.contributions = contributions;
        this.structures = structures;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    // --- needs published by the porteur

    /** Publishes a need of contribution of the caller's commun, while its file may still change. */
    @Transactional
    public long requestContribution(long communId, TypeContribution type, String description, BigDecimal montant) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        contributions.lockCommun(communId);     // serialised with the transmission, which freezes the needs
        CommunContribue commun = commun(communId);
        requirePorteur(user, commun, "Seule la structure porteuse du commun peut publier ses besoins de contribution.");
        requireModifiable(commun);
        Checks checks = Checks.start()
                .notNull(type, "Type de contribution")
                .required(description, "Description", DESCRIPTION_MAX);
        if (type == TypeContribution.FINANCIERE) {
            checks.notNull(montant, "Montant");
            checkMontant(checks, montant);
        } else if (type != null) {
            checks.check(montant == null, "Le montant ne concerne que les besoins financiers : laissez-le vide pour ce type de contribution.");
        }
        checks.orThrow();
        return contributions.insert(communId, SensContribution.DEMANDE, type, description.strip(), montant, null,
                StatutContribution.OUVERTE, user.id());
    }

    /** Marks a need as filled (OUVERTE → POURVUE). */
    @Transactional
    public void closeRequest(long contributionId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Contribution demande = demande(contributionId);
        requirePorteur(user, commun(demande.communId()),
                "Seule la structure porteuse du commun peut marquer ce besoin comme pourvu.");
        if (contributions.changeStatut(contributionId, StatutContribution.OUVERTE, StatutContribution.POURVUE, user.id()) == 0) {
            throw new ValidationException("Ce besoin de contribution est déjà marqué comme pourvu.");
        }
    }

    /** Deletes a need, while the commun's file may still change. */
    @Transactional
    public void deleteRequest(long contributionId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Contribution demande = demande(contributionId);
        contributions.lockCommun(demande.communId());
        CommunContribue commun = commun(demande.communId());
        requirePorteur(user, commun, "Seule la structure porteuse du commun peut supprimer ce besoin de contribution.");
        requireModifiable(commun);
        if (contributions.delete(contributionId, SensContribution.DEMANDE) == 0) {
            throw new ValidationException("Ce besoin de contribution a déjà été supprimé.");
        }
    }

    // --- offers of other structures

    /**
     * Proposes a contribution to a published commun on behalf of a structure of the caller, and notifies the porteur
     * structure. A structure cannot have two offers of the same type waiting for an answer on the same commun.
     */
    @Transactional
    public long offerContribution(long communId, long structureId, TypeContribution type, String description,
                                  BigDecimal montant) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        if (!user.structureIds().contains(structureId)) {
            throw new NotAllowedException("Vous ne pouvez proposer une contribution qu'au nom d'une structure dont vous êtes membre.");
        }
        CommunContribue commun = commun(communId);
        if (commun.porteurStructureId() == structureId) {
            throw new ValidationException("Votre structure porte ce commun : publiez plutôt ses besoins de contribution.");
        }
        if (commun.brouillon()) {
            throw new ValidationException("Ce commun n'est pas encore publié : il ne reçoit pas encore de propositions de contribution.");
        }
        if (commun.termine()) {
            throw new ValidationException("Ce commun est clos (" + commun.libelleTermine()
                    + ") : il ne reçoit plus de propositions de contribution.");
        }
        Checks checks = Checks.start()
                .notNull(type, "Type de contribution")
                .required(description, "Description", DESCRIPTION_MAX);
        if (type != null && type != TypeContribution.FINANCIERE) {
            checks.check(montant == null, "Le montant ne concerne que les contributions financières : laissez-le vide pour ce type de contribution.");
        }
        checkMontant(checks, montant);
        checks.orThrow();
        contributions.lockCommun(communId);
        if (contributions.pendingOfferExists(communId, structureId, type)) {
            throw new ValidationException("Votre structure a déjà proposé une contribution " + type.libelle().toLowerCase()
                    + " à ce commun, en attente de réponse : attendez la réponse ou retirez-la avant d'en proposer une autre.");
        }
        long id = contributions.insert(communId, SensContribution.OFFRE, type, description.strip(), montant, structureId,
                StatutContribution.PROPOSEE, user.id());
        String nom = structures.find(structureId).map(Structure::nom).orElse("Une structure");
        notifications.notifyStructures(List.of(commun.porteurStructureId()), NotificationType.OFFRE_CONTRIBUTION,
                "Nouvelle proposition de contribution",
                nom + " propose une contribution " + type.libelle().toLowerCase() + montantTexte(montant)
                        + " au commun « " + commun.titre() + " ». Acceptez-la ou refusez-la depuis la page du commun.",
                lien(communId));
        return id;
    }

    /**
     * Accepts or refuses an offer (porteur only). If two members decide at the same time, the first wins and the
     * other gets "Cette proposition a déjà été traitée.". Notifies the offering structure.
     */
    @Transactional
    public void decideOffer(long contributionId, boolean accept) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Contribution offre = offre(contributionId);
        CommunContribue commun = commun(offre.communId());
        requirePorteur(user, commun, "Seule la structure porteuse du commun peut accepter ou refuser une proposition de contribution.");
        StatutContribution decision = accept ? StatutContribution.ACCEPTEE : StatutContribution.REFUSEE;
        if (contributions.changeStatut(contributionId, StatutContribution.PROPOSEE, decision, user.id()) == 0) {
            throw new ValidationException("Cette proposition a déjà été traitée.");
        }
        String type = offre.type().libelle().toLowerCase();
        notifications.notifyStructures(List.of(offre.structureId()), NotificationType.DECISION_CONTRIBUTION,
                accept ? "Proposition de contribution acceptée" : "Proposition de contribution refusée",
                accept
                        ? "La structure porteuse du commun « " + commun.titre() + " » a accepté votre proposition de contribution "
                                + type + " : votre structure figure désormais parmi ses contributeurs."
                        : "La structure porteuse du commun « " + commun.titre() + " » n'a pas retenu votre proposition de contribution "
                                + type + ". Merci pour votre proposition.",
                lien(commun.id()));
    }

    /** Withdraws an offer of one of the caller's structures, while it waits for an answer. */
    @Transactional
    public void withdrawOffer(long contributionId) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        Contribution offre = offre(contributionId);
        if (!user.structureIds().contains(offre.structureId())) {
            throw new NotAllowedException("Seule la structure qui a fait cette proposition peut la retirer.");
        }
        if (contributions.changeStatut(contributionId, StatutContribution.PROPOSEE, StatutContribution.RETIREE, user.id()) == 0) {
            throw new ValidationException("Cette proposition a déjà été traitée : elle ne peut plus être retirée.");
        }
    }

    // --- reading

    /**
     * What the contributions show of a commun (title, state, porteur, whether the caller belongs to the porteur
     * structure), for whoever can see the commun.
     */
    @Transactional(readOnly = true)
    public CommunContribue commun(long communId) {
        Set<Long> mine = currentUser.get().map(AppUser::structureIds).orElse(Set.of());
        // A draft is visible only to the members of its structure; a published commun to everyone.
        return contributions.commun(communId)
                .map(c -> new CommunContribue(c.id(), c.titre(), fr.communs.base.CommunStatut.valueOf(c.statut()), c.porteurStructureId(),
                        mine.contains(c.porteurStructureId())))
                .filter(c -> !c.brouillon() || c.porteur())
                .orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
    }

    /** The needs of a commun, oldest first, for whoever can see the commun. */
    @Transactional(readOnly = true)
    public List<Contribution> demandes(long communId) {
        commun(communId);
        return contributions.list(communId, SensContribution.DEMANDE);
    }

    /**
     * The offers of a commun, oldest first: accepted ones for everyone; the others only for the members of the
     * porteur structure and of the offering structure.
     */
    @Transactional(readOnly = true)
    public List<Contribution> offres(long communId) {
        CommunContribue commun = commun(communId);
        Set<Long> mine = currentUser.get().map(AppUser::structureIds).orElse(Set.of());
        boolean porteur = commun.porteur();
        return contributions.list(communId, SensContribution.OFFRE).stream()
                .filter(c -> c.statut() == StatutContribution.ACCEPTEE || porteur || mine.contains(c.structureId()))
                .toList();
    }

    /** The accepted offers of a commun: its contributors, public. */
    @Transactional(readOnly = true)
    public List<Contribution> contributeurs(long communId) {
        commun(communId);
        return contributions.list(communId, SensContribution.OFFRE).stream()
                .filter(c -> c.statut() == StatutContribution.ACCEPTEE).toList();
    }

    // --- helpers

    private Contribution demande(long contributionId) {
        return contributions.findById(contributionId).filter(Contribution::demande)
                .orElseThrow(() -> new ValidationException("Ce besoin de contribution n'existe pas (ou plus)."));
    }

    private Contribution offre(long contributionId) {
        return contributions.findById(contributionId).filter(Contribution::offre)
                .orElseThrow(() -> new ValidationException("Cette proposition de contribution n'existe pas."));
    }

    private static void requirePorteur(AppUser user, CommunContribue commun, String message) {
        if (!user.structureIds().contains(commun.porteurStructureId())) {
            throw new NotAllowedException(message);
        }
    }

    private static void requireModifiable(CommunContribue commun) {
        if (!commun.modifiable()) {
            throw new ValidationException("Le dossier de ce commun a été transmis au Département : "
                    + "ses besoins de contribution ne peuvent plus être modifiés.");
        }
    }

    private static void checkMontant(Checks checks, BigDecimal montant) {
        fr.communs.base.Montants.check(checks, montant, "Montant", MONTANT_MAX, true);
    }

    private static String montantTexte(BigDecimal montant) {
        return montant == null ? "" : " (" + Contribution.euros(montant) + ")";
    }

    private static String lien(long communId) {
        return "communs/" + communId;
    }
}
