package fr.communs.piece;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.piece.internal.JooqPieceJointeRepository;
import fr.communs.piece.internal.JooqPieceJointeRepository.CommunRow;
import fr.communs.piece.internal.JooqPieceJointeRepository.DerniereInstruction;
import fr.communs.piece.internal.JooqPieceJointeRepository.PieceRow;
import fr.communs.piece.internal.PieceStorage;
import fr.communs.piece.internal.PieceTypeDetector;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of a commun's file (statuts, budget prévisionnel, lettres d'engagement…): deposited by the structures
 * of its groupement while it is being formed, or during a request for compléments that asks for them; read by the
 * groupement, the agents, the comité and the administrators; never by another structure.
 *
 * <p>Limits ({@code communs.pieces.taille-max} per file, {@code communs.pieces.quota} per commun) are enforced on the
 * bytes actually received; the format is recognised from the content ({@link FormatPiece}). A refused deposit stores
 * nothing; an accepted one is moved to its storage key only after every check, and removed if the transaction rolls
 * back.
 */
@Service
public class PieceJointeService {
    private static final Logger log = LoggerFactory.getLogger(PieceJointeService.class);
    private static final String STATUT_EN_CONSTITUTION = "EN_CONSTITUTION";
    private static final String STATUT_COMPLEMENTS = "COMPLEMENTS_DEMANDES";
    private static final String STATUT_BROUILLON = "BROUILLON";
    /** Name of {@code fr.communs.instruction.PartieDossier.PIECES}, as stored in {@code instruction.parties_demandees}. */
    static final String PARTIE_PIECES = "PIECES";

    private final JooqPieceJointeRepository pieces;
    private final PieceStorage storage;
    private final PieceTypeDetector detector;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final fr.communs.security.DossierAccess access;
    private final TransactionTemplate tx;
    private final long tailleMax;
    private final long quota;

    PieceJointeService(JooqPieceJointeRepository pieces, PieceStorage storage, PieceTypeDetector detector,
                       CampagneService campagnes, CurrentUser currentUser, fr.communs.security.DossierAccess access,
                       PlatformTransactionManager transactions,
                       @Value("${communs.pieces.taille-max:10MB}") DataSize tailleMax,
                       @Value("${communs.pieces.quota:50MB}") DataSize quota) {
        this.pieces = pieces;
        this.storage = storage;
        this.detector = detector;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
        this.tailleMax = tailleMax.toBytes();
        this.quota = quota.toBytes();
        if (this.tailleMax <= 0 || this.quota < this.tailleMax || this.tailleMax > Integer.MAX_VALUE) {
            throw new IllegalStateException("Réglages des pièces jointes incohérents : communs.pieces.taille-max ("
                    + tailleMax + ") doit être positif, inférieur à 2 Go et au plus égal à communs.pieces.quota (" + quota + ").");
        }
    }

    /** Largest file accepted, in bytes. */
    public long tailleMax() {
        return tailleMax;
    }

    /** Total size of the attachments of one commun (deleted ones not counted), in bytes. */
    public long quota() {
        return quota;
    }

    /**
     * Deposits a file for {@code structureId}, of which the caller must be a member, and which must belong to the
     * commun's groupement. Allowed while the groupement is being formed (before the deposit deadline), or while the
     * Département's request for compléments asks for attachments.
     *
     * <p>The content is read between two short transactions (the checks, then the recording), so that a slow upload
     * does not hold a database connection; called inside a caller's transaction, both join it, and the file is
     * removed if that transaction rolls back.
     *
     * @param nomFichier the name given by the browser (cleaned: no folder, no control characters, at most 255)
     * @param content    read here with a hard limit, never trusting a declared size; not closed
     */
    public PieceJointe upload(long communId, long structureId, CategoriePiece categorie, String nomFichier,
                             InputStream content) {
        AppUser user = currentUser.require();
        Checks.start()
                .check(categorie != null, "Choisissez la catégorie de la pièce (statuts, budget prévisionnel, lettre "
                        + "d'engagement ou autre pièce).")
                .check(content != null, "Choisissez le fichier à déposer.")
                .orThrow();
        String nom = NomsFichiers.nettoyer(nomFichier);
        tx.executeWithoutResult(status -> {
            CommunRow commun = pieces.commun(communId).orElseThrow(PieceJointeService::communInconnu);
            if (!user.structureIds().contains(structureId)) {
                throw new NotAllowedException("Vous ne pouvez déposer une pièce qu'au nom d'une structure dont vous êtes membre.");
            }
            if (pieces.groupementMembersAmong(communId, Set.of(structureId)).isEmpty()) {
                throw new NotAllowedException("Seules les structures du groupement de ce commun peuvent y déposer des pièces jointes.");
            }
            checkDepotOuvert(commun);
        });

        PieceStorage.Reception reception = receive(content);
        try {
            PieceTypeDetector.Detection detection = detector.detect(reception.fichier());
            if (!detection.reconnu()) {
                throw new ValidationException(refus(nom, detection.refus()));
            }
            FormatPiece format = detection.format();
            return tx.execute(status -> record(communId, structureId, user, categorie,
                    NomsFichiers.avecExtension(nom, format), format, reception));
        } finally {
            storage.discard(reception);
        }
    }

    /** Why a file is refused, in French, with what to do instead. */
    private String refus(String nom, PieceTypeDetector.Refus refus) {
        return switch (refus) {
            case MACROS -> "« " + nom + " » contient des macros : un document avec macros n'est pas accepté, car elles "
                    + "peuvent exécuter du code sur l'ordinateur de la personne qui l'ouvre. Enregistrez-le sans macros "
                    + "(format docx, xlsx, odt ou ods, ou en PDF) puis déposez-le de nouveau.";
            case OBJETS_ACTIFS -> "« " + nom + " » contient des objets incorporés ou des contrôles ActiveX, qui ne sont "
                    + "pas acceptés : enregistrez le document en PDF, ou retirez ces objets, puis déposez-le de nouveau.";
            case ARCHIVE_TROP_VOLUMINEUSE -> "Une fois décompressé, le contenu de « " + nom + " » dépasse "
                    + Tailles.texte(detector.archiveTailleMax()) + ", la limite pour un document Word, Excel ou "
                    + "OpenDocument : il n'est pas accepté. Enregistrez-le en PDF, ou allégez-le, puis déposez-le de nouveau.";
            case ARCHIVE_TROP_DE_FICHIERS -> "« " + nom + " » est composé de plus de "
                    + String.format(java.util.Locale.FRANCE, "%,d", detector.archiveEntreesMax()) + " fichiers internes, "
                    + "la limite pour un document Word, Excel ou OpenDocument : il n'est pas accepté. Enregistrez-le en "
                    + "PDF puis déposez-le de nouveau.";
            case FORMAT_INCONNU -> "Le contenu de « " + nom + " » ne correspond à aucun format accepté (" + FormatPiece.LISTE
                    + ") : le type est reconnu d'après le contenu du fichier, pas d'après son nom. "
                    + "Enregistrez le document dans l'un de ces formats puis déposez-le de nouveau.";
        };
    }

    /** Under the commun's lock: the state and the quota again, then the file is kept and the row inserted. */
    private PieceJointe record(long communId, long structureId, AppUser user, CategoriePiece categorie, String nom,
                               FormatPiece format, PieceStorage.Reception reception) {
        CommunRow commun = pieces.lockCommun(communId).orElseThrow(PieceJointeService::communInconnu);
        checkDepotOuvert(commun);
        long used = pieces.usedBytes(communId);
        if (used + reception.taille() > quota) {
            throw new ValidationException("Ce fichier (" + Tailles.texte(reception.taille()) + ") dépasse l'espace "
                    + "qui reste pour les pièces jointes de ce commun : " + Tailles.texte(Math.max(0, quota - used))
                    + " disponibles sur " + Tailles.texte(quota) + ".");
        }
        String cle = UUID.randomUUID().toString();
        storage.keep(reception, cle);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    storage.delete(cle);
                }
            }
        });
        long id = pieces.insert(communId, structureId, user.id(), categorie, nom, format.typeMime(), reception.taille(),
                reception.sha256(), cle);
        return pieces.find(id).orElseThrow().piece();
    }

    private PieceStorage.Reception receive(InputStream content) {
        PieceStorage.Reception reception;
        try {
            reception = storage.receive(content, tailleMax);
        } catch (PieceStorage.TooLargeException e) {
            throw new ValidationException("Le fichier dépasse la taille maximale de " + Tailles.texte(tailleMax)
                    + " par pièce jointe : réduisez-le (par exemple en l'enregistrant en PDF compressé) ou déposez-le en "
                    + "plusieurs parties.");
        } catch (UncheckedIOException e) {
            log.warn("Dépôt d'une pièce jointe interrompu", e);
            throw new ValidationException("Le fichier n'a pas pu être reçu en entier : déposez-le de nouveau.");
        }
        if (reception.taille() == 0) {
            storage.discard(reception);
            throw new ValidationException("Le fichier est vide : choisissez un fichier qui a un contenu.");
        }
        return reception;
    }

    /** The commun's attachments, oldest first. */
    @Transactional(readOnly = true)
    public List<PieceJointe> list(long communId) {
        checkReader(communId);
        return pieces.list(communId);
    }

    /** Opens an attachment for download; the caller closes the stream. */
    @Transactional(readOnly = true)
    public Telechargement open(long pieceId) {
        currentUser.require();
        PieceRow row = pieces.find(pieceId).orElseThrow(PieceJointeService::pieceInconnue);
        checkReader(row.piece().communId());
        PieceJointe piece = row.piece();
        try {
            return new Telechargement(piece.nomFichier(), piece.typeMime(), piece.taille(), storage.open(row.cleStockage()));
        } catch (IOException e) {
            log.error("Fichier de la pièce jointe {} introuvable (clé {})", pieceId, row.cleStockage(), e);
            throw new ValidationException("Le fichier de cette pièce jointe est introuvable sur le serveur : prévenez "
                    + "l'administrateur de la plateforme.");
        }
    }

    /**
     * Deletes an attachment: a member of the structure that deposited it, or of the porteur, while the groupement is
     * being formed (or, during compléments asking for attachments, one deposited since that request). The file is
     * removed once the deletion is committed.
     */
    @Transactional
    public void delete(long pieceId) {
        AppUser user = currentUser.require();
        PieceRow row = pieces.find(pieceId).orElseThrow(PieceJointeService::pieceInconnue);
        CommunRow commun = pieces.lockCommun(row.piece().communId()).orElseThrow(PieceJointeService::communInconnu);
        if (!mayDelete(user, commun, row)) {
            throw new NotAllowedException("Seule la structure qui a déposé cette pièce, ou le porteur du commun, peut la supprimer.");
        }
        checkSuppressionOuverte(commun, row);
        if (!pieces.markDeleted(pieceId)) {
            throw pieceInconnue();
        }
        String cle = row.cleStockage();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storage.delete(cle);
            }
        });
    }

    /** Bytes used by the commun's attachments (deleted ones not counted); same access as {@link #list}. */
    @Transactional(readOnly = true)
    public long usedBytes(long communId) {
        checkReader(communId);
        return pieces.usedBytes(communId);
    }

    /**
     * The structures the caller may deposit attachments for on this commun now (their structures in its groupement,
     * while deposits are open); empty for anybody else, or when deposits are closed. For screens: the service checks
     * again on each deposit.
     */
    @Transactional(readOnly = true)
    public List<StructureDeposante> uploadableStructures(long communId) {
        Optional<AppUser> user = currentUser.get();
        Optional<CommunRow> commun = pieces.commun(communId);
        if (user.isEmpty() || commun.isEmpty() || user.get().structureIds().isEmpty() || !depotOuvert(commun.get())) {
            return List.of();
        }
        return pieces.groupementMembersAmong(communId, user.get().structureIds());
    }

    /** Ids of the commun's attachments the caller may delete now (for screens: {@link #delete} checks again). */
    @Transactional(readOnly = true)
    public Set<Long> deletableIds(long communId) {
        Optional<AppUser> user = currentUser.get();
        Optional<CommunRow> commun = pieces.commun(communId);
        if (user.isEmpty() || commun.isEmpty() || user.get().structureIds().isEmpty()) {
            return Set.of();
        }
        return pieces.rows(communId).stream()
                .filter(r -> mayDelete(user.get(), commun.get(), r) && suppressionOuverte(commun.get(), r))
                .map(r -> r.piece().id())
                .collect(Collectors.toSet());
    }

    // --- Rules ---

    /**
     * The structures of the groupement, and the Département as {@code DossierAccess} says (agents of the service and
     * administrators: every file; a référent: the files on which their avis was asked; a comité member: the files on
     * their séances); a draft only to its groupement.
     */
    private void checkReader(long communId) {
        AppUser user = currentUser.require();
        CommunRow commun = pieces.commun(communId).orElseThrow(PieceJointeService::communInconnu);
        boolean membre = !pieces.groupementMembersAmong(communId, user.structureIds()).isEmpty();
        if (STATUT_BROUILLON.equals(commun.statut()) && !membre) {
            throw communInconnu();
        }
        if (membre || access.canReadFile(user, communId)) {
            return;
        }
        if (!Roles.STRUCTURE.equals(user.role())) {
            throw new NotAllowedException(fr.communs.security.DossierAccess.DOSSIER_NON_ACCESSIBLE);
        }
        throw new NotAllowedException("Les pièces jointes de ce commun sont réservées aux structures de son "
                + "groupement et au Département.");
    }

    private boolean depotOuvert(CommunRow commun) {
        try {
            checkDepotOuvert(commun);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private void checkDepotOuvert(CommunRow commun) {
        switch (commun.statut()) {
            case STATUT_EN_CONSTITUTION -> {
                Campagne campagne = campagnes.get(commun.campagneId());
                if (!campagne.depotOuvert(OffsetDateTime.now())) {
                    throw new ValidationException(campagne.depotClos("les pièces jointes ne peuvent plus être déposées"));
                }
            }
            case STATUT_COMPLEMENTS -> {
                if (piecesDemandees(commun).isEmpty()) {
                    throw new ValidationException("La demande de compléments du Département ne porte pas sur les pièces "
                            + "jointes : vous ne pouvez pas en déposer de nouvelles. Utilisez la messagerie du dossier "
                            + "pour toute question.");
                }
            }
            case STATUT_BROUILLON -> throw new ValidationException(
                    "Publiez d'abord l'idée : les pièces jointes se déposent une fois l'idée publiée.");
            default -> throw new ValidationException("Le dossier a été transmis au Département : des pièces jointes ne "
                    + "peuvent plus y être déposées, sauf si le Département en demande dans une demande de compléments.");
        }
    }

    /** The request for compléments now open on the commun, if it asks for attachments. */
    private Optional<DerniereInstruction> piecesDemandees(CommunRow commun) {
        if (!STATUT_COMPLEMENTS.equals(commun.statut())) {
            return Optional.empty();
        }
        return pieces.derniereInstruction(commun.id())
                .filter(i -> "COMPLEMENTS".equals(i.decision()) && i.partiesDemandees() != null
                        && Arrays.stream(i.partiesDemandees().split(",")).map(String::strip).anyMatch(PARTIE_PIECES::equals));
    }

    private static boolean mayDelete(AppUser user, CommunRow commun, PieceRow row) {
        return user.structureIds().contains(row.structureId()) || user.structureIds().contains(commun.porteurStructureId());
    }

    private boolean suppressionOuverte(CommunRow commun, PieceRow row) {
        try {
            checkSuppressionOuverte(commun, row);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /**
     * While the groupement is being formed; during compléments asking for attachments, only those deposited since
     * the request (what the instructeur has already read stays as it was).
     */
    private void checkSuppressionOuverte(CommunRow commun, PieceRow row) {
        if (STATUT_COMPLEMENTS.equals(commun.statut())) {
            Optional<DerniereInstruction> demande = piecesDemandees(commun);
            if (demande.isPresent() && row.piece().date().isAfter(demande.get().date())) {
                return;
            }
            throw new ValidationException("Cette pièce jointe a été transmise au Département : elle ne peut plus être "
                    + "supprimée. Seules les pièces déposées en réponse à la demande de compléments peuvent l'être.");
        }
        if (!STATUT_EN_CONSTITUTION.equals(commun.statut())) {
            throw new ValidationException("Le dossier a été transmis au Département : ses pièces jointes ne peuvent plus "
                    + "être supprimées.");
        }
        Campagne campagne = campagnes.get(commun.campagneId());
        if (!campagne.depotOuvert(OffsetDateTime.now())) {
            throw new ValidationException(campagne.depotClos("les pièces jointes ne peuvent plus être supprimées"));
        }
    }

    private static ValidationException communInconnu() {
        return new ValidationException("Ce commun n'existe pas.");
    }

    private static ValidationException pieceInconnue() {
        return new ValidationException("Cette pièce jointe n'existe pas.");
    }
}
