package fr.communs.comite.contribution;

import fr.communs.base.Checks;
import fr.communs.base.CommunStatut;
import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.contribution.internal.JooqContributionComiteRepository;
import fr.communs.comite.contribution.internal.JooqContributionComiteRepository.CommunRow;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The non-financial contributions the comité proposes to a file, tracked as commitments: an agent records who gives
 * (a member's organisation, the Département, a structure of the directory), what and for when; the groupement (an
 * administrator of one of its structures) accepts or declines; the contributor (or an agent) marks it done or
 * abandoned, with a reason; a reminder goes once to the contributor and the groupement when the expected date has
 * passed and it is still open.
 *
 * <p>Every change carries the version the person saw: of two simultaneous clicks (two people, two tabs), only the
 * first has an effect, the other gets a French message and changes nothing.
 */
@Service
public class ContributionComiteService {
    public static final int DESCRIPTION_MAX = 2000;
    public static final int MOTIF_MAX = 1000;
    /** The contributor's name stored for the Département. */
    public static final String DEPARTEMENT = "Le Département";
    /** The states of the cycle in which a file, declared recevable, may receive the comité's contributions. */
    private static final Set<CommunStatut> OUVERTS = EnumSet.of(CommunStatut.AU_COMITE, CommunStatut.A_L_ASSEMBLEE,
            CommunStatut.LAUREAT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqContributionComiteRepository contributions;
    private final CurrentUser currentUser;
    private final NotificationService notifications;

    ContributionComiteService(JooqContributionComiteRepository contributions, CurrentUser currentUser,
                              NotificationService notifications) {
        this.contributions = contributions;
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    // ------------------------------------------------------------------ recording (agents)

    /**
     * An agent records a contribution proposed by the comité to a file declared recevable, and the groupement's
     * structures are notified. Returns its id.
     */
    @Transactional
    public long record(long communId, ContributionComiteData data) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        contributions.lockCommun(communId);     // two clicks on "Enregistrer" are serialised, the second refused
        DossierComite dossier = dossier(communId);
        if (!dossier.ouvert()) {
            throw new ValidationException(fermeMessage(dossier));
        }
        if (data == null) {
            throw new ValidationException("Indiquez qui contribue, le type et la description de la contribution.");
        }
        String description = data.description() == null ? null : data.description().strip();
        Checks checks = Checks.start()
                .notNull(data.contributeur(), "Qui contribue")
                .notNull(data.type(), "Type de contribution")
                .required(description, "Description", DESCRIPTION_MAX)
                .plausibleDate(data.datePrevue(), "Date prévue")
                .check(data.datePrevue() == null || !data.datePrevue().isBefore(Dates.today()),
                        "La date prévue ne peut pas être dans le passé : choisissez aujourd'hui ou une date à venir.");
        Long membreId = null;
        Long structureId = null;
        String nom = null;
        if (data.contributeur() == ContributeurComite.ORGANISATION_MEMBRE) {
            checks.notNull(data.membreId(), "Membre du comité");
            Optional<MembreComiteOption> membre = data.membreId() == null ? Optional.empty()
                    : contributions.activeMembre(data.membreId(), Dates.today());
            checks.check(data.membreId() == null || membre.isPresent(),
                    "Ce membre du comité n'existe pas ou n'est plus actif : choisissez un membre actif.");
            if (membre.isPresent()) {
                membreId = membre.get().id();
                structureId = membre.get().structureId();
                nom = membre.get().organisation();
            }
        } else if (data.contributeur() == ContributeurComite.STRUCTURE) {
            checks.notNull(data.structureId(), "Structure");
            Optional<String> structureNom = data.structureId() == null ? Optional.empty()
                    : contributions.structureNom(data.structureId());
            checks.check(data.structureId() == null || structureNom.isPresent(), "Cette structure n'existe pas dans l'annuaire.");
            if (structureNom.isPresent()) {
                structureId = data.structureId();
                nom = structureNom.get();
            }
        } else if (data.contributeur() == ContributeurComite.DEPARTEMENT) {
            nom = DEPARTEMENT;
        }
        if (structureId != null && contributions.groupementStructures(communId).contains(structureId)) {
            checks.check(false, "« " + nom + " » fait partie du groupement de ce commun : le comité propose des "
                    + "contributions de partenaires extérieurs au groupement.");
        }
        checks.check(data.seanceId() == null || contributions.seanceHolds(data.seanceId(), communId),
                "Ce dossier n'est pas à l'ordre du jour de la séance choisie.");
        checks.orThrow();
        if (contributions.samePending(communId, data.contributeur(), membreId, structureId, data.type(), description)) {
            throw new ValidationException("Cette contribution est déjà enregistrée et attend la réponse du groupement.");
        }
        long id = contributions.insert(communId, data.seanceId(), data.contributeur(), membreId, structureId, nom,
                data.type(), description, data.datePrevue(), agent.id());
        notifications.notifyStructures(contributions.groupementStructures(communId), NotificationType.CONTRIBUTION_COMITE,
                "Le comité propose une contribution à « " + dossier.titre() + " »",
                "Le Comité d'accompagnement des communs propose une contribution " + data.type().libelle().toLowerCase()
                        + " de « " + nom + " » à votre commun « " + dossier.titre() + " » : " + description
                        + (data.datePrevue() == null ? "" : "\nDate prévue : " + DATE.format(data.datePrevue()) + ".")
                        + "\nUn administrateur d'une structure du groupement l'accepte ou la décline depuis la page du commun.",
                lien(communId));
        return id;
    }

    // ------------------------------------------------------------------ the groupement's answer

    /** An administrator of a structure of the groupement accepts a proposed contribution; the contributor is notified. */
    @Transactional
    public void accept(long contributionId, int version) {
        answer(contributionId, version, true, null);
    }

    /**
     * An administrator of a structure of the groupement declines a proposed contribution, with an optional reason;
     * the contributor is notified.
     */
    @Transactional
    public void decline(long contributionId, int version, String motif) {
        answer(contributionId, version, false, motif);
    }

    private void answer(long contributionId, int version, boolean accept, String motif) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        ContributionComite c = existing(contributionId);
        if (!contributions.administersGroupement(c.communId(), user.id())) {
            throw new NotAllowedException("Seul un administrateur d'une structure du groupement de ce commun peut "
                    + "accepter ou décliner une contribution proposée par le comité.");
        }
        String cleanMotif = Checks.clean(motif);
        Checks.start().optional(cleanMotif, "Motif", MOTIF_MAX).orThrow();
        if (c.statut() != StatutContributionComite.PROPOSEE) {
            throw new ValidationException("Cette contribution n'attend plus de réponse : elle est "
                    + etat(c.statut()) + ".");
        }
        StatutContributionComite to = accept ? StatutContributionComite.ACCEPTEE : StatutContributionComite.DECLINEE;
        if (c.version() != version || contributions.answer(contributionId, version, to, accept ? null : cleanMotif, user.id()) == 0) {
            throw changed(contributionId);
        }
        notifyContributor(c, NotificationType.REPONSE_CONTRIBUTION_COMITE,
                (accept ? "Contribution acceptée : « " : "Contribution déclinée : « ") + c.communTitre() + " »",
                accept
                        ? "Le groupement du commun « " + c.communTitre() + " » accepte la contribution "
                                + c.type().libelle().toLowerCase() + " que le comité a proposée de votre part : "
                                + c.description() + "\nMarquez-la comme réalisée une fois faite, depuis la page du commun."
                        : "Le groupement du commun « " + c.communTitre() + " » décline la contribution "
                                + c.type().libelle().toLowerCase() + " que le comité a proposée de votre part : "
                                + c.description() + (cleanMotif == null ? "" : "\nMotif : « " + cleanMotif + " »"));
    }

    // ------------------------------------------------------------------ the contributor's follow-up

    /** The contributor (or an agent) marks an accepted contribution done. */
    @Transactional
    public void markDone(long contributionId, int version) {
        AppUser user = currentUser.require();
        ContributionComite c = existing(contributionId);
        requireContributor(user, c);
        if (c.statut() != StatutContributionComite.ACCEPTEE) {
            throw new ValidationException(c.statut() == StatutContributionComite.PROPOSEE
                    ? "Cette contribution attend encore la réponse du groupement : elle ne peut être marquée réalisée "
                            + "qu'une fois acceptée."
                    : "Cette contribution est déjà " + etat(c.statut()) + ".");
        }
        if (c.version() != version || contributions.close(contributionId, version, EnumSet.of(StatutContributionComite.ACCEPTEE),
                StatutContributionComite.REALISEE, null, user.id()) == 0) {
            throw changed(contributionId);
        }
    }

    /**
     * The contributor (or an agent) abandons a contribution still proposed or accepted, with a reason (required); the
     * groupement is notified.
     */
    @Transactional
    public void abandon(long contributionId, int version, String motif) {
        AppUser user = currentUser.require();
        ContributionComite c = existing(contributionId);
        requireContributor(user, c);
        String cleanMotif = Checks.clean(motif);
        Checks.start().required(cleanMotif, "Motif de l'abandon", MOTIF_MAX).orThrow();
        if (c.statut().close()) {
            throw new ValidationException("Cette contribution est déjà " + etat(c.statut()) + " : elle ne peut plus "
                    + "être abandonnée.");
        }
        if (c.version() != version || contributions.close(contributionId, version,
                EnumSet.of(StatutContributionComite.PROPOSEE, StatutContributionComite.ACCEPTEE),
                StatutContributionComite.ABANDONNEE, cleanMotif, user.id()) == 0) {
            throw changed(contributionId);
        }
        notifications.notifyStructures(contributions.groupementStructures(c.communId()),
                NotificationType.SUIVI_CONTRIBUTION_COMITE, "Contribution abandonnée : « " + c.communTitre() + " »",
                "La contribution " + c.type().libelle().toLowerCase() + " de « " + c.contributeurNom()
                        + " » proposée par le comité à votre commun « " + c.communTitre() + " » est abandonnée : "
                        + c.description() + "\nMotif : « " + cleanMotif + " »",
                lien(c.communId()));
    }

    // ------------------------------------------------------------------ reminders

    /**
     * Reminds, once, the contributor and the groupement of every contribution still proposed or accepted whose expected
     * date is before {@code today}. Called every morning by the scheduler (and by tests with a date); returns how many
     * contributions were reminded.
     */
    @Transactional
    public int sendReminders(LocalDate today) {
        List<ContributionComite> due = contributions.dueForReminder(today);
        for (ContributionComite c : due) {
            String quoi = "la contribution " + c.type().libelle().toLowerCase() + " de « " + c.contributeurNom()
                    + " » au commun « " + c.communTitre() + " » (" + c.description() + ")";
            String etat = c.statut() == StatutContributionComite.PROPOSEE ? "attend toujours la réponse du groupement"
                    : "n'est pas encore marquée comme réalisée";
            String titre = "Rappel : contribution prévue le " + DATE.format(c.datePrevue());
            notifyContributor(c, NotificationType.RAPPEL_CONTRIBUTION_COMITE, titre,
                    "La date prévue (" + DATE.format(c.datePrevue()) + ") est passée et " + quoi + " " + etat + ".\n"
                            + (c.statut() == StatutContributionComite.ACCEPTEE
                            ? "Marquez-la comme réalisée une fois faite, ou abandonnée (avec un motif) depuis la page du commun."
                            : "Vous pouvez l'abandonner (avec un motif) depuis la page du commun si elle n'a plus lieu d'être."));
            notifications.notifyStructures(contributions.groupementStructures(c.communId()),
                    NotificationType.RAPPEL_CONTRIBUTION_COMITE, titre,
                    "La date prévue (" + DATE.format(c.datePrevue()) + ") est passée et " + quoi + " " + etat + "."
                            + (c.statut() == StatutContributionComite.PROPOSEE
                            ? "\nUn administrateur d'une structure du groupement l'accepte ou la décline depuis la page du commun."
                            : ""),
                    lien(c.communId()));
            contributions.markReminded(c.id());
        }
        return due.size();
    }

    // ------------------------------------------------------------------ reading

    /**
     * The comité's contributions to a commun, oldest first, with what the caller may do. Accepted and done ones are
     * public; the others are shown only to the agents, the comité members not recused from the file, the people of
     * the groupement's structures and the contributor. An unknown commun or a draft has none.
     */
    @Transactional(readOnly = true)
    public List<ContributionComite> ofCommun(long communId) {
        Optional<AppUser> user = currentUser.get();
        if (contributions.commun(communId).filter(c -> !CommunStatut.BROUILLON.name().equals(c.statut())).isEmpty()) {
            return List.of();
        }
        boolean insider = user.map(u -> agent(u)
                || (Roles.COMITE.equals(u.role()) && !contributions.deporte(communId, u.id()))
                || contributions.groupementStructures(communId).stream().anyMatch(u.structureIds()::contains))
                .orElse(false);
        boolean administrateur = user.map(u -> Roles.STRUCTURE.equals(u.role())
                && contributions.administersGroupement(communId, u.id())).orElse(false);
        return contributions.ofCommun(communId).stream()
                .filter(c -> insider || c.statut().publique() || user.map(u -> contributor(u, c)).orElse(false))
                .map(c -> withRights(c, user, administrateur))
                .toList();
    }

    /**
     * The comité's contributions a structure gives, newest first: accepted and done ones for everyone, all of them
     * for the structure's people and the agents.
     */
    @Transactional(readOnly = true)
    public List<ContributionComite> ofStructure(long structureId) {
        Optional<AppUser> user = currentUser.get();
        boolean insider = user.map(u -> agent(u) || u.structureIds().contains(structureId)).orElse(false);
        return contributions.ofStructure(structureId).stream()
                .filter(c -> insider || c.statut().publique())
                .map(c -> withRights(c, user, user.map(u -> Roles.STRUCTURE.equals(u.role())
                        && contributions.administersGroupement(c.communId(), u.id())).orElse(false)))
                .toList();
    }

    /** A file as the agents' screen of the comité's contributions sees it (agents only). */
    @Transactional(readOnly = true)
    public DossierComite dossier(long communId) {
        currentUser.requireRole(Roles.AGENT);
        CommunRow row = contributions.commun(communId)
                .filter(c -> !CommunStatut.BROUILLON.name().equals(c.statut()))
                .orElseThrow(() -> new ValidationException("Ce dossier n'existe pas."));
        CommunStatut statut = CommunStatut.valueOf(row.statut());
        return new DossierComite(row.id(), row.titre(), statut,
                OUVERTS.contains(statut) && contributions.declaredRecevable(communId));
    }

    /** The active comité members whose organisation may contribute (agents only). */
    @Transactional(readOnly = true)
    public List<MembreComiteOption> membres() {
        currentUser.requireRole(Roles.AGENT);
        return contributions.activeMembres(Dates.today());
    }

    /** The séances whose agenda holds the file, latest first (agents only). */
    @Transactional(readOnly = true)
    public List<SeanceOption> seances(long communId) {
        currentUser.requireRole(Roles.AGENT);
        return contributions.seancesOf(communId);
    }

    // ------------------------------------------------------------------ helpers

    private ContributionComite existing(long contributionId) {
        return contributions.find(contributionId)
                .orElseThrow(() -> new ValidationException("Cette contribution du comité n'existe pas."));
    }

    private ConcurrentChangeException changed(long contributionId) {
        String now = contributions.find(contributionId).map(c -> " (elle est maintenant " + etat(c.statut()) + ")").orElse("");
        return new ConcurrentChangeException("Cette contribution a été modifiée entre-temps par quelqu'un d'autre"
                + now + " : rien n'a été enregistré. Rechargez la page pour voir la situation à jour.");
    }

    private static boolean agent(AppUser user) {
        return Roles.AGENT.equals(user.role());
    }

    /**
     * The contributor: the people of the contributing structure (for a member's organisation, of the structure it
     * represents when it is one), the comité member themself, the agents for the Département. An agent may always act.
     */
    private static boolean contributor(AppUser user, ContributionComite c) {
        if (agent(user)) {
            return true;
        }
        return switch (c.contributeur()) {
            case DEPARTEMENT -> false;
            case STRUCTURE -> Roles.STRUCTURE.equals(user.role()) && user.structureIds().contains(c.structureId());
            case ORGANISATION_MEMBRE -> (c.membreId() != null && c.membreId() == user.id())
                    || (c.structureId() != null && Roles.STRUCTURE.equals(user.role())
                    && user.structureIds().contains(c.structureId()));
        };
    }

    private static void requireContributor(AppUser user, ContributionComite c) {
        if (!contributor(user, c)) {
            throw new NotAllowedException(switch (c.contributeur()) {
                case DEPARTEMENT -> "Seuls les agents du Département peuvent suivre une contribution du Département.";
                case STRUCTURE -> "Seuls les membres de « " + c.contributeurNom() + " » (ou un agent du Département) "
                        + "peuvent marquer cette contribution réalisée ou abandonnée.";
                case ORGANISATION_MEMBRE -> "Seul le membre du comité qui représente « " + c.contributeurNom()
                        + " » (ou un agent du Département) peut marquer cette contribution réalisée ou abandonnée.";
            });
        }
    }

    private static ContributionComite withRights(ContributionComite c, Optional<AppUser> user, boolean administrateur) {
        boolean repondre = administrateur && c.statut() == StatutContributionComite.PROPOSEE;
        boolean cloturer = !c.statut().close() && user.map(u -> contributor(u, c)).orElse(false);
        return c.withRights(repondre, cloturer);
    }

    private void notifyContributor(ContributionComite c, NotificationType type, String titre, String texte) {
        switch (c.contributeur()) {
            case DEPARTEMENT -> notifications.notifyFileAgents(c.communId(), type, titre, texte, lien(c.communId()));
            case STRUCTURE -> notifications.notifyStructures(List.of(c.structureId()), type, titre, texte, lien(c.communId()));
            case ORGANISATION_MEMBRE -> {
                notifications.notifyUsers(List.of(c.membreId()), type, titre, texte, lien(c.communId()));
                if (c.structureId() != null) {
                    notifications.notifyStructures(List.of(c.structureId()), type, titre, texte, lien(c.communId()));
                }
            }
        }
    }

    private static String etat(StatutContributionComite statut) {
        return switch (statut) {
            case PROPOSEE -> "en attente de la réponse du groupement";
            case ACCEPTEE -> "acceptée";
            case DECLINEE -> "déclinée";
            case REALISEE -> "réalisée";
            case ABANDONNEE -> "abandonnée";
        };
    }

    private static String fermeMessage(DossierComite dossier) {
        if (OUVERTS.contains(dossier.statut())) {
            return "Ce dossier n'a pas été déclaré recevable par l'instruction : le comité ne lui propose pas de "
                    + "contributions.";
        }
        return switch (dossier.statut()) {
            case EN_CONSTITUTION, EN_INSTRUCTION, COMPLEMENTS_DEMANDES -> "Ce dossier n'a pas encore été déclaré "
                    + "recevable par l'instruction : le comité ne lui propose de contributions qu'une fois recevable.";
            case NON_RECEVABLE, DEPOT_CLOS -> "Ce dossier n'a pas été déclaré recevable : le comité ne lui propose pas de "
                    + "contributions.";
            default -> "Ce dossier est clos (" + dossier.statut().libelle() + ") : il ne reçoit plus de contributions "
                    + "du comité.";
        };
    }

    private static String lien(long communId) {
        return "communs/" + communId;
    }
}
