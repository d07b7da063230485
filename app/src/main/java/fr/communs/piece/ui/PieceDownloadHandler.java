package fr.communs.piece.ui;

import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.Telechargement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Serves one attachment, always as a download ({@code Content-Disposition: attachment}), never rendered by the
 * browser: the detected type with {@code X-Content-Type-Options: nosniff} and a sandboxing Content-Security-Policy,
 * not cached. The access check runs in the service when the link is followed, not when the page was drawn.
 */
public final class PieceDownloadHandler implements DownloadHandler {
    private final SerializableSupplier<Telechargement> opener;

    PieceDownloadHandler(PieceJointeService service, long pieceId) {
        this(() -> service.open(pieceId));
    }

    /** Any file opened (and access-checked) by a service when the link is followed, e.g. a PDF the platform produces. */
    public PieceDownloadHandler(SerializableSupplier<Telechargement> opener) {
        this.opener = opener;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        Telechargement fichier;
        try {
            fichier = opener.get();
        } catch (NotAllowedException e) {
            refuse(response, 403, e.getMessage());
            return;
        } catch (ValidationException e) {
            refuse(response, 404, e.getMessage());
            return;
        }
        try (InputStream in = fichier.contenu()) {
            response.setStatus(200);
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            response.setHeader("Content-Disposition", contentDisposition(fichier.nomFichier()));
            response.setContentType(fichier.typeMime());
            response.setContentLengthLong(fichier.taille());
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    private static void refuse(VaadinResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        writer.print(message);
        writer.flush();
    }

    /**
     * {@code attachment} with the name twice: plain ASCII (others, quotes and backslashes replaced by "_") for old
     * browsers, and exact in UTF-8 (RFC 6266 / RFC 5987).
     */
    static String contentDisposition(String nom) {
        StringBuilder ascii = new StringBuilder();
        nom.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : nom.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
