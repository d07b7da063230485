package fr.communs.comite.pv.ui;

import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.communs.comite.pv.DocumentPdf;
import fr.communs.piece.Telechargement;
import fr.communs.piece.ui.PieceDownloadHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Serves one of the comité's PDF documents as a download, through the attachments' handler (attachment, not cached,
 * no sniffing, sandboxed). The document is produced — and the access checked by the service — when the link is
 * followed: a refusal answers 403 (or 404 for a document that does not exist yet) with the service's French message.
 */
public final class PdfDownloadHandler implements DownloadHandler {
    private final PieceDownloadHandler handler;

    public PdfDownloadHandler(SerializableSupplier<DocumentPdf> producer) {
        this.handler = new PieceDownloadHandler(() -> {
            DocumentPdf pdf = producer.get();
            return new Telechargement(pdf.nomFichier(), DocumentPdf.TYPE_MIME, pdf.taille(),
                    new ByteArrayInputStream(pdf.contenu()));
        });
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        handler.handleDownloadRequest(event);
    }
}
