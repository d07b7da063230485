package fr.communs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real HTTP requests to the embedded Tomcat: text responses are compressed, the static files (the map's scripts,
 * styles) are cached by browsers, pages are not. Same Spring configuration as the browser tests (one context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class HttpCacheCompressionIT {
    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_maps_leaflet_script_is_sent_compressed_and_cached_for_a_year_as_its_address_carries_its_version() throws Exception {
        HttpResponse<byte[]> leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.js");

        assertThat(leaflet.statusCode()).isEqualTo(200);
        assertThat(leaflet.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String script = gunzip(leaflet.body());
        assertThat(script).contains("Leaflet");
        assertThat(leaflet.body().length).isLessThan(script.length() / 2);
        assertThat(leaflet.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(leaflet.headers().firstValue("Pragma")).isEmpty();
        assertThat(leaflet.headers().firstValue("Expires")).isEmpty();
    }

    @Test
    void our_own_scripts_styles_and_images_are_cached_an_hour_as_their_address_stays_the_same_across_releases() throws Exception {
        for (String path : new String[] {"/scripts/carte-reseau.js", "/styles/communs.css", "/images/favicon.svg"}) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly("public, max-age=3600");
            assertThat(response.headers().firstValue("Pragma")).as(path).isEmpty();
        }
        assertThat(get("/styles/communs.css").headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void a_missing_static_file_is_not_cached() throws Exception {
        HttpResponse<byte[]> missing = get("/webjars/leaflet/1.9.4/dist/absent.js");
        assertThat(missing.statusCode()).isNotEqualTo(200);
        assertThat(missing.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void pages_are_compressed_and_pages_and_vaadin_messages_are_never_stored_by_the_browser() throws Exception {
        HttpResponse<byte[]> page = get("/communs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(page.body())).contains("<html");
        assertThat(String.join(",", page.headers().allValues("Cache-Control"))).contains("no-store");
        assertThat(String.join(",", get("/?v-r=init&location=communs&query=").headers().allValues("Cache-Control")))
                .contains("no-store");
        assertThat(String.join(",", get("/mes-taches").headers().allValues("Cache-Control"))).contains("no-store");
    }
}
