package fr.communs.comite.pv.ui;

import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.pv.DocumentPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Serves one of the comité's PDF documents as a download ({@code Content-Disposition: attachment}, not cached, no
 * sniffing), like the attachments (see {@code piece.ui.PieceDownloadHandler}). The document is produced — and the
 * access checked by the service — when the link is followed, not when the page was drawn: a refusal answers 403 (or
 * 404 for a document that does not exist yet) with the service's French message.
 */
public final class PdfDownloadHandler implements DownloadHandler {
    private final SerializableSupplier<DocumentPdf> producer;

    public PdfDownloadHandler(SerializableSupplier<DocumentPdf> producer) {
        this.producer = producer;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        DocumentPdf pdf;
        try {
            pdf = producer.get();
        } catch (NotAllowedException e) {
            refuse(response, 403, e.getMessage());
            return;
        } catch (ValidationException e) {
            refuse(response, 404, e.getMessage());
            return;
        }
        response.setStatus(200);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + pdf.nomFichier() + "\"");
        response.setContentType(DocumentPdf.TYPE_MIME);
        response.setContentLengthLong(pdf.taille());
        OutputStream out = response.getOutputStream();
        out.write(pdf.contenu());
        out.flush();
    }

    private static void refuse(VaadinResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        writer.print(message);
        writer.flush();
    }
}
