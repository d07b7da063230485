package fr.communs.retention;

import fr.communs.base.Mailer;
import fr.communs.piece.internal.PieceStorage;
import fr.communs.retention.internal.JooqRetentionRepository;
import fr.communs.retention.internal.JooqRetentionRepository.Account;
import fr.communs.retention.internal.JooqRetentionRepository.StoredFile;
import fr.communs.retention.internal.PurgeLock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention periods ({@link RetentionPeriods}): warns then anonymises inactive accounts, deletes the
 * messages and attachments of files ended long ago, old notifications, kept mails and expired links.
 *
 * <p>Each batch of at most {@code communs.retention.lot} rows is one transaction; a purge stopped half-way leaves
 * whole batches and the next one goes on. Every selection is a condition on the data (dates, states), so a second
 * purge finds nothing left to do. A PostgreSQL advisory lock keeps two nodes from purging at the same time. A file in
 * progress keeps everything, and so do the accounts of the people working on it. The engine's own history is removed
 * by Camunda's history cleanup (time to live of each process, see application.properties).
 */
@Service
public class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final JooqRetentionRepository repository;
    private final PurgeLock lock;
    private final PieceStorage storage;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final RetentionPeriods periods;
    private final int batch;

    RetentionService(JooqRetentionRepository repository, PurgeLock lock, PieceStorage storage, Mailer mailer,
                     PlatformTransactionManager transactions,
                     @Value("${communs.retention.compte-inactif:P3Y}") Period compteInactif,
                     @Value("${communs.retention.compte-avertissement:P30D}") Period avertissement,
                     @Value("${communs.retention.compte-non-confirme:P30D}") Period compteNonConfirme,
                     @Value("${communs.retention.messages:P5Y}") Period messages,
                     @Value("${communs.retention.pieces:P5Y}") Period pieces,
                     @Value("${communs.retention.pieces-subventionne:P10Y}") Period piecesSubventionne,
                     @Value("${communs.retention.notifications:P1Y}") Period notifications,
                     @Value("${communs.retention.courriels:P90D}") Period courriels,
                     @Value("${communs.retention.jetons:P30D}") Period jetons,
                     @Value("${communs.retention.lot:500}") int batch) {
        this.repository = repository;
        this.lock = lock;
        this.storage = storage;
        this.mailer = mailer;
        this.tx = new TransactionTemplate(transactions);
        this.periods = new RetentionPeriods(compteInactif, avertissement, compteNonConfirme, messages, pieces,
                piecesSubventionne, notifications, courriels, jetons);
        if (batch < 1) {
            throw new IllegalArgumentException("communs.retention.lot doit être au moins 1 : " + batch);
        }
        this.batch = batch;
    }

    public RetentionPeriods periods() {
        return periods;
    }

    /** Records a successful login of the account (see {@code LastLoginListener}). */
    @Transactional
    public void recordLogin(long userId) {
        repository.recordLogin(userId, OffsetDateTime.now());
    }

    /** Purges what is due now. */
    public PurgeReport purge() {
        return purge(OffsetDateTime.now());
    }

    /**
     * Purges what is due at {@code now}, unless another node is purging (then returns a report saying it did nothing).
     * Not transactional itself: each batch commits on its own.
     */
    public PurgeReport purge(OffsetDateTime now) {
        PurgeReport report = lock.runAlone(() -> purgeAlone(now), PurgeReport.notDone());
        if (!report.done()) {
            log.info("Purge des données ignorée : une autre purge est en cours");
        } else {
            log.info("Purge des données : {} compte(s) averti(s), {} compte(s) anonymisé(s), {} message(s), "
                            + "{} pièce(s) jointe(s), {} notification(s), {} courriel(s), {} lien(s) expiré(s)",
                    report.comptesAvertis(), report.comptesAnonymises(), report.messages(), report.pieces(),
                    report.notifications(), report.courriels(), report.jetons());
        }
        return report;
    }

    private PurgeReport purgeAlone(OffsetDateTime now) {
        // Warned when (inactivity − notice) has passed, anonymised once the notice has passed without a login.
        int warned = warnInactiveAccounts(now.minus(periods.compteInactif()).plus(periods.avertissement()), now);
        int anonymised = inBatches(() -> {
            List<Long> ids = repository.accountsToAnonymise(now.minus(periods.avertissement()),
                    now.minus(periods.compteNonConfirme()), batch);
            return (int) ids.stream().filter(id -> repository.anonymise(id, now)).count();
        });
        int messages = inBatches(() -> repository.deleteMessagesOfFilesEndedBefore(now.minus(periods.messages()), batch));
        int pieces = deletePieces(now);
        int notifications = inBatches(() -> repository.deleteNotificationsCreatedBefore(now.minus(periods.notifications()), batch));
        int courriels = inBatches(() -> repository.deleteMailsCreatedBefore(now.minus(periods.courriels()), batch));
        int jetons = inBatches(() -> repository.deleteTokensExpiredBefore(now.minus(periods.jetons()), batch));
        return new PurgeReport(true, warned, anonymised, messages, pieces, notifications, courriels, jetons);
    }

    /** Runs the batch in a transaction of its own until one does less than a full batch; returns the total. */
    private int inBatches(IntSupplier oneBatch) {
        int total = 0;
        while (true) {
            Integer done = tx.execute(status -> oneBatch.getAsInt());
            total += done;
            if (done < batch) {
                return total;
            }
        }
    }

    private int warnInactiveAccounts(OffsetDateTime inactiveBefore, OffsetDateTime now) {
        String deletionDay = DATE.format(now.plus(periods.avertissement()).atZoneSameInstant(PARIS));
        return inBatches(() -> {
            int warned = 0;
            for (Account account : repository.accountsToWarn(inactiveBefore, batch)) {
                if (repository.markWarned(account.id(), now)) {
                    mailer.send(account.email(), "Votre compte sur la plateforme de l'appel à communs sera supprimé le "
                            + deletionDay, warning(account, deletionDay));
                    warned++;
                }
            }
            return warned;
        });
    }

    private String warning(Account account, String deletionDay) {
        return "Bonjour " + account.nomComplet() + ",\n\n"
                + "Vous ne vous êtes pas connecté(e) à la plateforme de l'appel à communs depuis " + years(periods.compteInactif())
                + ". Sans connexion de votre part, votre compte sera supprimé le " + deletionDay + " : votre adresse "
                + "électronique, votre nom et votre mot de passe seront effacés et vous ne serez plus membre de vos "
                + "structures. Les dossiers auxquels vous avez participé restent, avec la mention « Compte supprimé ».\n\n"
                + "Pour garder votre compte, il suffit de vous connecter :\n" + mailer.link("login") + "\n\n"
                + "— La plateforme de l'appel à communs\n"
                + "(Ce courriel est envoyé automatiquement ; merci de ne pas y répondre.)\n";
    }

    private static String years(Period period) {
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " an" : " ans");
        }
        return "longtemps";
    }

    /** Attachment rows go batch by batch; their files are deleted from the disk once each batch has committed. */
    private int deletePieces(OffsetDateTime now) {
        int total = 0;
        while (true) {
            List<StoredFile> files = tx.execute(status -> repository.deletePiecesOfFilesEndedBefore(
                    now.minus(periods.pieces()), now.minus(periods.piecesSubventionne()), batch));
            files.forEach(file -> storage.delete(file.cle()));
            total += files.size();
            if (files.size() < batch) {
                return total;
            }
        }
    }
}
