package fr.communs.piece.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.layout.Ui;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.FormatPiece;
import fr.communs.piece.PieceJointe;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.StructureDeposante;
import fr.communs.piece.Tailles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The attachments of a commun: the list (catégorie, nom, taille, déposé par, date, "Télécharger", and "Supprimer"
 * when the person may), and with {@code canUpload} the deposit form (catégorie, file, space used). Every check is
 * made again by {@link PieceJointeService}; downloads are checked when the link is followed.
 */
public class PiecesPanel extends VerticalLayout {
    /** Set by the upload handler when the service refused the file, read back when the response is written. */
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    private final PieceJointeService service;
    private final long communId;
    private final boolean canUpload;
    private final Grid<PieceJointe> grid = new Grid<>();
    private final Paragraph vide = new Paragraph("Aucune pièce jointe pour l'instant.");
    private final Paragraph espace = new Paragraph();
    private final ErrorPanel errors = new ErrorPanel();
    private Set<Long> deletable = Set.of();
    private Upload upload;
    // Read by the upload handler, which runs outside the session lock.
    private volatile CategoriePiece categorie;
    private volatile Long structureId;

    public PiecesPanel(PieceJointeService service, long communId, boolean canUpload) {
        this.service = service;
        this.communId = communId;
        this.canUpload = canUpload;
        addClassName("pieces-jointes");
        setPadding(false);
        vide.addClassName("muted");
        espace.addClassName("muted");
        configureGrid();
        add(errors);
        if (canUpload) {
            add(depot());
        }
        add(grid, vide);
        refresh();
    }

    /** Reads the attachments again. */
    public void refresh() {
        List<PieceJointe> pieces = service.list(communId);
        deletable = service.deletableIds(communId);
        grid.setItems(pieces);
        grid.setVisible(!pieces.isEmpty());
        vide.setVisible(pieces.isEmpty());
        espace.setText("Espace utilisé : " + Tailles.texte(service.usedBytes(communId)) + " sur "
                + Tailles.texte(service.quota()) + ".");
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> p.categorie().libelle()).setHeader("Catégorie").setFlexGrow(2);
        grid.addColumn(PieceJointe::nomFichier).setHeader("Nom du fichier").setFlexGrow(4);
        grid.addColumn(p -> Tailles.texte(p.taille())).setHeader("Taille").setFlexGrow(1);
        grid.addColumn(p -> p.deposeParNom() + " (" + p.structureNom() + ")").setHeader("Déposé par").setFlexGrow(3);
        grid.addColumn(p -> Ui.dateTime(p.date())).setHeader("Date").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("Actions").setFlexGrow(2);
        grid.setAllRowsVisible(true);
    }

    private HorizontalLayout actions(PieceJointe piece) {
        Anchor telecharger = new Anchor(new PieceDownloadHandler(service, piece.id()), AttachmentType.DOWNLOAD, "Télécharger");
        telecharger.setAriaLabel("Télécharger « " + piece.nomFichier() + " »");
        HorizontalLayout actions = new HorizontalLayout(telecharger);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (deletable.contains(piece.id())) {
            Button supprimer = new Button("Supprimer", e -> confirmDelete(piece));
            supprimer.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            supprimer.setAriaLabel("Supprimer « " + piece.nomFichier() + " »");
            actions.add(supprimer);
        }
        return actions;
    }

    private void confirmDelete(PieceJointe piece) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Supprimer cette pièce jointe ?");
        dialog.setText("« " + piece.nomFichier() + " » sera retirée du dossier. Cette suppression est définitive.");
        dialog.setCancelable(true);
        dialog.setCancelText("Annuler");
        dialog.setConfirmText("Supprimer");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            if (errors.run(() -> service.delete(piece.id()))) {
                Ui.success("« " + piece.nomFichier() + " » a été supprimée.");
            }
            refresh();
        });
        dialog.open();
    }

    private Div depot() {
        Div depot = new Div();
        depot.addClassName("card");
        List<StructureDeposante> structures = service.uploadableStructures(communId);
        if (structures.isEmpty()) {
            Paragraph ferme = new Paragraph("Le dépôt de pièces jointes n'est pas ouvert pour vous sur ce dossier en ce moment.");
            ferme.addClassName("muted");
            depot.add(ferme);
            return depot;
        }
        Select<CategoriePiece> categories = new Select<>();
        categories.setLabel("Catégorie de la pièce");
        categories.setItems(CategoriePiece.values());
        categories.setItemLabelGenerator(CategoriePiece::libelle);
        categories.setPlaceholder("Choisissez…");
        // Required, said in the helper text: the indicator would put aria-required on the select's button, where it is
        // not allowed (axe: aria-allowed-attr).
        categories.setHelperText("Obligatoire : choisissez la catégorie avant de déposer le fichier.");

        upload = new Upload(new Receiver());
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) service.tailleMax());
        upload.setAcceptedFileTypes(acceptedTypes());
        upload.setI18n(i18n(service.tailleMax()));
        upload.setEnabled(false);
        upload.addFileRejectedListener(e -> errors.show(List.of("« " + e.getFileName() + " » : " + e.getErrorMessage())));
        categories.addValueChangeListener(e -> {
            categorie = e.getValue();
            upload.setEnabled(e.getValue() != null && structureId != null);
        });

        HorizontalLayout choix = new HorizontalLayout(categories);
        choix.setAlignItems(FlexComponent.Alignment.BASELINE);
        choix.setWrap(true);
        if (structures.size() == 1) {
            structureId = structures.get(0).id();
        } else {
            Select<StructureDeposante> pour = new Select<>();
            pour.setLabel("Au nom de la structure");
            pour.setItems(structures);
            pour.setItemLabelGenerator(StructureDeposante::nom);
            pour.setPlaceholder("Choisissez…");
            pour.setHelperText("Obligatoire : la structure membre du groupement qui dépose la pièce.");
            pour.addValueChangeListener(e -> {
                structureId = e.getValue() == null ? null : e.getValue().id();
                upload.setEnabled(categorie != null && structureId != null);
            });
            choix.add(pour);
        }
        Paragraph aide = new Paragraph("Formats acceptés : " + FormatPiece.LISTE + " ; " + Tailles.texte(service.tailleMax())
                + " au plus par fichier. Le format est vérifié d'après le contenu du fichier. Les pièces sont visibles "
                + "des structures du groupement et du Département.");
        aide.addClassName("muted");
        depot.add(choix, upload, aide, espace);
        return depot;
    }

    private static String[] acceptedTypes() {
        List<String> types = new ArrayList<>();
        for (FormatPiece format : FormatPiece.values()) {
            types.add(format.typeMime());
            format.extensions().forEach(ext -> types.add("." + ext));
        }
        return types.toArray(String[]::new);
    }

    private static UploadI18N i18n(long tailleMax) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Déposer un fichier…").setMany("Déposer des fichiers…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("ou glissez le fichier ici").setMany("ou glissez les fichiers ici"));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles("Un seul fichier à la fois, s'il vous plaît.")
                .setFileIsTooBig("Le fichier est trop volumineux (" + Tailles.texte(tailleMax) + " au plus).")
                .setIncorrectFileType("Ce format de fichier n'est pas accepté."));
        i18n.setFile(new UploadI18N.File().setRetry("Réessayer").setStart("Envoyer").setRemove("Retirer"));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting("Connexion…").setStalled("Envoi interrompu")
                        .setProcessing("Vérification du fichier…").setHeld("En attente"))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("temps restant : ")
                        .setUnknown("temps restant inconnu"))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable("Le serveur ne répond pas : réessayez dans un instant.")
                        .setUnexpectedServerError("Le fichier n'a pas pu être enregistré : réessayez.")
                        .setForbidden("Fichier refusé : voir le message affiché plus haut.")));
        i18n.setUnits(Stream.of("o", "Ko", "Mo", "Go", "To", "Po", "Eo", "Zo", "Yo").toList(), 1024);
        return i18n;
    }

    /**
     * Streams the file straight into the service (which reads it with its own limit), outside the session lock;
     * the panel is updated afterwards through {@link UI#access}. A refused file gets a 422 answer, so that the
     * upload component marks it as failed, and the service's French message is shown in the error panel.
     */
    private final class Receiver implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) {
            UI ui = event.getUI();
            try {
                Long structure = structureId;
                if (structure == null) {
                    throw new ValidationException("Choisissez la structure au nom de laquelle vous déposez la pièce.");
                }
                PieceJointe piece = service.upload(communId, structure, categorie, event.getFileName(), event.getInputStream());
                ui.access(() -> {
                    errors.clear();
                    upload.clearFileList();
                    refresh();
                    Ui.success("« " + piece.nomFichier() + " » a bien été déposé.");
                });
            } catch (ValidationException e) {
                REFUSED.set(true);
                ui.access(() -> {
                    errors.show(e.errors());
                    upload.clearFileList();
                });
            } catch (NotAllowedException e) {
                REFUSED.set(true);
                ui.access(() -> {
                    errors.show(List.of(e.getMessage()));
                    upload.clearFileList();
                });
            }
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            boolean refused = Boolean.TRUE.equals(REFUSED.get());
            REFUSED.remove();
            response.setStatus(refused ? 422 : success ? 200 : 500);
        }
    }
}
