package fr.communs.piece.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadEvent;
import fr.communs.commun.RoleGroupement;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointe;
import fr.communs.piece.PieceJointeService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The download link's answer, through the real service: always an attachment, and the access checked on each request. */
@SpringBootTest
@ActiveProfiles("test")
class PieceDownloadHandlerIT {
    @Autowired Fixtures fx;
    @Autowired PieceJointeService pieces;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** Records what the handler writes. */
    static final class Reponse implements VaadinResponse {
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        String contentType;
        long length = -1;

        @Override public void setStatus(int statusCode) { status = statusCode; }
        @Override public void setContentType(String type) { contentType = type; }
        @Override public void setHeader(String name, String value) { headers.put(name, value); }
        @Override public void setDateHeader(String name, long date) { headers.put(name, String.valueOf(date)); }
        @Override public OutputStream getOutputStream() { return body; }
        @Override public PrintWriter getWriter() { return new PrintWriter(body, true, StandardCharsets.UTF_8); }
        @Override public void setCacheTime(long milliseconds) { }
        @Override public void sendError(int errorCode, String message) { status = errorCode; }
        @Override public VaadinService getService() { return null; }
        @Override public void addCookie(Cookie cookie) { }
        @Override public void setContentLength(int len) { length = len; }
        @Override public void setContentLengthLong(long len) { length = len; }
    }

    private static Reponse download(PieceDownloadHandler handler) throws Exception {
        Reponse reponse = new Reponse();
        handler.handleDownloadRequest(new DownloadEvent(null, reponse, null, null));
        return reponse;
    }

    @Test
    void a_member_downloads_the_file_as_an_attachment_never_inline_and_an_outsider_gets_a_refusal() throws Exception {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long commun = fx.deposit(porteurEmail, porteur);
        long membre = fx.structure(true, "30");
        String membreEmail = fx.join(commun, membre, RoleGroupement.MEMBRE);
        byte[] bytes = Echantillons.pdf("Lettre");
        fx.as(membreEmail);
        PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.LETTRE_ENGAGEMENT, "Lettre d'engagement signée.pdf",
                new ByteArrayInputStream(bytes));
        PieceDownloadHandler handler = new PieceDownloadHandler(pieces, piece.id());

        fx.as(porteurEmail);
        Reponse ok = download(handler);
        assertThat(ok.status).isEqualTo(200);
        assertThat(ok.headers.get("Content-Disposition"))
                .startsWith("attachment; ")
                .contains("filename=\"Lettre d'engagement sign_e.pdf\"")
                .contains("filename*=UTF-8''Lettre%20d%27engagement%20sign%C3%A9e.pdf")
                .doesNotContain("inline");
        assertThat(ok.headers).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Cache-Control", "private, no-store");
        assertThat(ok.headers.get("Content-Security-Policy")).contains("sandbox");
        assertThat(ok.contentType).isEqualTo("application/pdf");
        assertThat(ok.length).isEqualTo(bytes.length);
        assertThat(ok.body.toByteArray()).isEqualTo(bytes);

        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
        Reponse refus = download(handler);
        assertThat(refus.status).isEqualTo(403);
        assertThat(refus.headers).doesNotContainKey("Content-Disposition");
        assertThat(refus.body.toString(StandardCharsets.UTF_8)).contains("réservées aux structures de son groupement");

        fx.logout();
        assertThat(download(handler).status).isEqualTo(403);

        fx.as(porteurEmail);
        pieces.delete(piece.id());
        Reponse supprimee = download(handler);
        assertThat(supprimee.status).isEqualTo(404);
        assertThat(supprimee.body.toString(StandardCharsets.UTF_8)).isEqualTo("Cette pièce jointe n'existe pas.");
    }
}
