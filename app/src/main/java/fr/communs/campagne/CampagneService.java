package fr.communs.campagne;

import fr.communs.base.Checks;
import fr.communs.base.ValidationException;
import fr.communs.campagne.internal.DeadlineRescheduler;
import fr.communs.campagne.internal.DepositReopener;
import fr.communs.campagne.internal.JooqCampagneRepository;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current appel à communs and its settings. */
@Service
public class CampagneService {
    private final JooqCampagneRepository campagnes;
    private final CurrentUser currentUser;
    private final DeadlineRescheduler deadlines;
    private final DepositReopener reopener;
    private final NotificationService notifications;
    private final fr.communs.commune.CommuneService communes;
    private final org.springframework.context.ApplicationEventPublisher events;

    CampagneService(JooqCampagneRepository campagnes, CurrentUser currentUser, DeadlineRescheduler deadlines,
                    DepositReopener reopener, NotificationService notifications,
                    fr.communs.commune.CommuneService communes, org.springframework.context.ApplicationEventPublisher events) {
        this.communes = communes;
        this.events = events;
        this.campagnes = campagnes;
        this.deadlines = deadlines;
        this.reopener = reopener;
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Optional<Campagne> current() {
        return campagnes.findCurrent();
    }

    @Transactional(readOnly = true)
    public Campagne get(long id) {
        return campagnes.findById(id).orElseThrow(() -> new IllegalArgumentException("Campagne inconnue : " + id));
    }

    /** Creates a campagne with its défis (administrators; also used by the demo data). */
    @Transactional
    public long create(CampagneSettings settings, List<String[]> defisLibelleHashtags) {
        currentUser.requireRole(Roles.ADMIN);
        validate(settings);
        long id = campagnes.insert(settings);
        int numero = 1;
        for (String[] defi : defisLibelleHashtags) {
            campagnes.insertDefi(id, numero++, defi[0], defi.length > 1 ? defi[1] : null);
        }
        events.publishEvent(new CampagneCreee(id));
        return id;
    }

    /**
     * Changes the campagne's settings (administrators only), without confirming that a deadline already past closes
     * the files not yet transmitted: see {@link #update(long, CampagneSettings, boolean)}.
     */
    @Transactional
    public int update(long id, CampagneSettings settings) {
        return update(id, settings, false);
    }

    /**
     * Changes the campagne's settings (administrators only). A new deposit deadline also moves the deadline timer
     * of the files not yet transmitted; a new comité date moves the due dates of the open comité tasks. A new
     * deadline already past closes those files at once: it is refused unless {@code clotureConfirmee} (the
     * administrator confirmed, having been told how many files, see {@link #filesClosedBy}). Returns how many files
     * were rescheduled.
     */
    @Transactional
    public int update(long id, CampagneSettings settings, boolean clotureConfirmee) {
        currentUser.requireRole(Roles.ADMIN);
        validate(settings);
        campagnes.lock(id);
        Campagne before = get(id);
        boolean deadlineMoved = !before.dateLimiteDepot().isEqual(settings.dateLimiteDepot());
        if (deadlineMoved && !clotureConfirmee) {
            int closing = closing(id, settings.dateLimiteDepot());
            if (closing > 0) {
                throw new ValidationException(closingWarning(settings.dateLimiteDepot(), closing)
                        + " Confirmez la clôture ou choisissez une date à venir.");
            }
        }
        campagnes.update(id, settings);
        Campagne after = get(id);
        if (!Objects.equals(before.dateComite(), settings.dateComite())) {
            after.echeanceAudition().ifPresent(d -> deadlines.rescheduleComite(id, d));
        }
        return deadlineMoved ? deadlines.reschedule(id, settings.dateLimiteDepot()) : 0;
    }

    /**
     * How many files not yet transmitted a new deposit deadline would close at once (administrators only): 0 when it
     * is still to come or unchanged, otherwise every file still waiting for the deadline.
     */
    @Transactional(readOnly = true)
    public int filesClosedBy(long id, OffsetDateTime newDeadline) {
        currentUser.requireRole(Roles.ADMIN);
        if (newDeadline == null || get(id).dateLimiteDepot().isEqual(newDeadline)) {
            return 0;
        }
        return closing(id, newDeadline);
    }

    /** What closing the deposit at {@code deadline} means, in words, for the confirmation and the refusal. */
    public static String closingWarning(OffsetDateTime deadline, int files) {
        return "La date limite du " + Campagne.texte(deadline) + " est déjà passée : "
                + (files == 1 ? "le dossier non transmis sera clos immédiatement ; son groupement ne pourra plus le "
                + "transmettre, sauf si le dépôt est ensuite rouvert avec une date à venir."
                : "les " + files + " dossiers non transmis seront clos immédiatement ; les groupements ne pourront plus "
                + "les transmettre, sauf si le dépôt est ensuite rouvert avec une date à venir.");
    }

    private int closing(long id, OffsetDateTime deadline) {
        return deadline.isAfter(OffsetDateTime.now()) ? 0 : deadlines.formingFiles(id);
    }

    /** How many files of the campagne are closed by the deadline: what {@link #reopenDeposit} brings back (administrators). */
    @Transactional(readOnly = true)
    public int filesToReopen(long id) {
        currentUser.requireRole(Roles.ADMIN);
        return reopener.closedByDeadline(id);
    }

    /**
     * Reopens the deposit (administrators only), once the deadline is still to come: every file closed by the
     * deadline (not the files ended otherwise) comes back in constitution, its porteur's task open again until the
     * deadline, with the reminders; who reopened it and when is recorded (agents' history, public timeline), and the
     * groupement's structures are told. Returns how many files were reopened.
     */
    @Transactional
    public int reopenDeposit(long id) {
        AppUser admin = currentUser.requireRole(Roles.ADMIN);
        campagnes.lock(id);
        Campagne campagne = get(id);
        if (!campagne.depotOuvert(OffsetDateTime.now())) {
            throw new ValidationException(campagne.depotClos("enregistrez d'abord une date limite à venir, puis "
                    + "rouvrez le dépôt"));
        }
        List<DepositReopener.Rouvert> rouverts = reopener.reopen(id, campagne.dateLimiteDepot(), admin.id());
        if (rouverts.isEmpty()) {
            throw new ValidationException("Aucun dossier n'a été clos par la date limite : il n'y a rien à rouvrir.");
        }
        for (DepositReopener.Rouvert r : rouverts) {
            notifications.notifyStructures(r.structureIds(), NotificationType.RAPPEL_DEPOT,
                    "Dépôt rouvert jusqu'au " + campagne.dateLimiteTexte() + " : « " + r.titre() + " »",
                    "Le Département a rouvert le dépôt des dossiers : le dossier du commun « " + r.titre()
                            + " » peut de nouveau être complété et transmis, jusqu'au " + campagne.dateLimiteTexte() + ".",
                    "communs/" + r.communId());
        }
        return rouverts.size();
    }

    private void validate(CampagneSettings s) {
        Checks.start()
                .required(s.nom(), "Nom de l'appel", 200)
                .required(s.collectivite(), "Collectivité", 200)
                .required(s.territoireNom(), "Territoire", 100)
                .check(s.territoireCode() != null && s.territoireCode().matches("\\d{2}|2[AB]|\\d{3}"),
                        "Le code du département doit être un code INSEE (ex. 30, 2A, 974).")
                .check(s.territoireCode() == null || !s.territoireCode().matches("\\d{2}|2[AB]|\\d{3}")
                                || communes.nomDepartement(s.territoireCode()).isPresent(),
                        "Ce code ne correspond à aucun département de la liste officielle.")
                .check(s.territoireCode() == null || s.territoireNom() == null
                                || communes.nomDepartement(s.territoireCode()).map(n -> n.equalsIgnoreCase(s.territoireNom().strip())).orElse(true),
                        "Le nom du territoire ne correspond pas au département " + s.territoireCode() + " ("
                                + communes.nomDepartement(s.territoireCode() == null ? "" : s.territoireCode()).orElse("?") + ").")
                .notNull(s.dateLimiteDepot(), "Date limite de dépôt")
                .plausibleDate(s.dateLimiteDepot() == null ? null : s.dateLimiteDepot().toLocalDate(), "Date limite de dépôt")
                .plausibleDate(s.dateComite(), "Date du comité")
                .orThrow();
    }
}
