package fr.communs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real HTTP requests without cookies (a first visit): the browser-side protections are on every response, and the
 * session id travels only in a cookie. Same Spring configuration as the browser tests (one context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class EnTetesSecuriteIT {
    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProtected(HttpResponse<String> response, String what) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(what).contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "form-action 'self'");
        // The map's tiles come from the host of communs.carte.tuiles (http://127.0.0.1:9/tuiles/… in tests).
        assertThat(csp).as(what).contains("img-src 'self' data: blob: http://127.0.0.1:9;");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(what)
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    }

    @Test
    void pages_static_files_and_vaadin_messages_carry_the_content_security_referrer_and_permissions_policies() throws Exception {
        assertProtected(get("/login"), "page de connexion");
        assertProtected(get("/carte"), "carte");
        assertProtected(get("/styles/communs.css"), "feuille de style");
        assertProtected(get("/webjars/leaflet/1.9.4/dist/leaflet.js"), "script de la carte");
        assertProtected(get("/?v-r=init&location=structures&query="), "message Vaadin");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
        HttpResponse<String> page = get("/?v-r=init&location=login&query=");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void no_address_carries_the_session_id_not_even_the_anonymous_download_link_of_the_first_visit() throws Exception {
        for (String route : new String[] {"structures", "carte", "login", "communs", ""}) {
            HttpResponse<String> init = get("/?v-r=init&location=" + route + "&query=");
            assertThat(init.statusCode()).as(route).isEqualTo(200);
            assertThat(init.body().toLowerCase()).as(route).doesNotContain("jsessionid");
            HttpResponse<String> page = get("/" + route);
            assertThat(page.body().toLowerCase()).as(route).doesNotContain("jsessionid");
        }
        HttpResponse<String> redirect = get("/mes-taches");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow().toLowerCase()).doesNotContain("jsessionid");
    }
}
