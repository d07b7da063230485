package fr.communs.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import fr.communs.support.BrowserTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Accessibility of the pages in a real Chromium, with the demo data: each page has exactly one main landmark, one
 * {@code h1} and headings in order, and axe-core (Deque's rules engine, injected into the page) finds no critical
 * violation and none of the serious ones fixed here (contrast, links told apart from text, allowed ARIA attributes).
 * Also: the connection indicator speaks French, the agents' "Dossiers" grid fits 1 400 px, Vaadin's messages are
 * compressed. Same Spring configuration as the other browser tests (one context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class AccessibiliteNavigateurIT extends BrowserTest {
    private static final String PASSWORD = "communs-demo-2025";
    private static final String AXE_SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** Rules checked on every page besides every critical one (serious rules this work fixed). */
    private static final Set<String> RULES = Set.of("landmark-one-main", "landmark-no-duplicate-main", "page-has-heading-one",
            "heading-order", "color-contrast", "link-in-text-block", "aria-allowed-attr");
    private static String axe;
    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void loadAxe() {
        try (InputStream in = AccessibiliteNavigateurIT.class.getResourceAsStream(AXE_SCRIPT)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Page login(String email, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(width, 900));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        // Chromium reports what the Content-Security-Policy blocked in the console ("Refused to … because it violates
        // the following Content Security Policy directive").
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + " → " + message.text());
            }
        });
        if (email != null) {
            page.navigate(url("login"));
            field(page, "Adresse électronique").fill(email);
            field(page, "Mot de passe").fill(PASSWORD);
            button(page, "Se connecter");
            assertThat(page.getByText("Se déconnecter")).isVisible();
        }
        return page;
    }

    private static void open(Page page, String url) {
        page.navigate(url);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("h1").first()).isVisible();
    }

    /** The problems found on the page shown, one line each ("rule: where"); empty when there is none. */
    private static List<String> problems(Page page, boolean headingsChecked) {
        List<String> found = new ArrayList<>();
        // Main landmarks and h1 headings, including those inside shadow roots, visible ones only.
        Object mains = page.evaluate("""
                () => { let n = 0; const walk = root => root.querySelectorAll('*').forEach(e => {
                    if ((e.tagName === 'MAIN' || e.getAttribute('role') === 'main') && e.getClientRects().length) n++;
                    if (e.shadowRoot) walk(e.shadowRoot); }); walk(document); return n; }""");
        if (((Number) mains).intValue() != 1) {
            found.add("main landmarks: " + mains);
        }
        Object h1 = page.evaluate("() => Array.from(document.querySelectorAll('h1')).filter(h => h.getClientRects().length).length");
        if (((Number) h1).intValue() != 1) {
            found.add("h1 headings: " + h1);
        }
        page.evaluate(axe);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                    const result = await axe.run(document, {resultTypes: ['violations']});
                    return result.violations.flatMap(v => v.nodes.map(n => ({id: v.id, impact: v.impact, target: JSON.stringify(n.target)})))
                        .map(v => v.impact + ' ' + v.id + ': ' + v.target);
                }""");
        for (String v : violations) {
            String[] parts = v.split(" ", 3);
            String rule = parts[1].replace(":", "");
            boolean vaadinInternals = rule.equals("aria-required-children")
                    // axe 4.6 reads the shadow DOM of Vaadin's grid and tabs as wrong children (their rows, their
                    // hidden scroll buttons): Vaadin's own markup, not the application's.
                    && (v.contains("\"#table\"") || v.endsWith("[\"vaadin-tabs\"]"));
            boolean checked = parts[0].equals("critical") || parts[0].equals("serious") || RULES.contains(rule);
            if (checked && !vaadinInternals && (headingsChecked || !rule.equals("heading-order"))) {
                found.add(v);
            }
        }
        return found;
    }

    private void check(Page page, String path, List<String> report) {
        open(page, url(path));
        problems(page, true).forEach(p -> report.add(path + " → " + p));
        // A picture of every page checked, to look at (target/e2e-screenshots/a11y-…).
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SHOTS.resolve("a11y-" + (path.isEmpty() ? "accueil" : path.replaceAll("[^A-Za-z0-9]+", "-")) + ".png")));
    }

    private static String premierLien(Page page, String prefixe) {
        return page.locator("a[href^='" + prefixe + "']").first().getAttribute("href");
    }

    @Test
    void every_page_has_one_main_landmark_one_h1_headings_in_order_and_no_critical_axe_violation() {
        List<String> report = new ArrayList<>();

        Page visitor = login(null, 1280);
        for (String path : List.of("", "communs", "structures", "carte", "login", "inscription", "mot-de-passe-oublie")) {
            check(visitor, path, report);
        }
        visitor.context().close();

        Page structure = login("structure@communs.test", 1280);
        for (String path : List.of("deposer", "mes-communs", "mes-structures", "structures/nouvelle", "taches", "notifications")) {
            check(structure, path, report);
        }
        // The public page of a commun, with its answer block, timeline, file, groupement and contributions.
        open(structure, url("communs"));
        String commun = structure.locator("a[href^='communs/']").first().getAttribute("href");
        open(structure, url(commun));
        problems(structure, true).forEach(p -> report.add(commun + " → " + p));
        structure.context().close();

        // The porteur asked for compléments: the task screen with its attachments form (category select, upload).
        Page porteur = login("porteur5@communs.test", 1280);
        open(porteur, url("taches"));
        String complements = porteur.locator("a[href^='taches/complements/']").first().getAttribute("href");
        check(porteur, complements, report);
        String pieces = porteur.locator("a[href^='communs/']").first().getAttribute("href") + "/pieces";
        check(porteur, pieces, report);
        porteur.context().close();

        Page agent = login("agent@communs.test", 1400);
        check(agent, "dossiers", report);
        String dossier = agent.locator("a[href^='dossiers/']").first().getAttribute("href");
        check(agent, dossier, report);
        check(agent, "verifications", report);
        // The comité's séances: the list (with the files waiting for a séance) and a séance's page when there is one.
        check(agent, "seances", report);
        if (agent.locator("a[href^='seances/']").count() > 0) {
            String seance = agent.locator("a[href^='seances/']").first().getAttribute("href");
            check(agent, seance, report);
        }
        // The demo's séances: the one open today (an avis to record), the closed one (results and ranking).
        open(agent, url("taches"));
        check(agent, premierLien(agent, "taches/avis-seance/"), report);
        open(agent, url("seances"));
        for (String seance : agent.locator("a[href^='seances/']").all().stream().map(a -> a.getAttribute("href")).toList()) {
            open(agent, url(seance));
            if (agent.locator("a[href$='/resultats']").count() > 0 && agent.getByText("Close").count() > 0) {
                check(agent, agent.locator("a[href$='/resultats']").first().getAttribute("href"), report);
                break;
            }
        }
        agent.context().close();

        // A comité member: their séances, what they read before the audition, their scoring task, the notes page.
        Page membre = login("comite@communs.test", 1280);
        check(membre, "seances", report);
        check(membre, premierLien(membre, "seances/"), report);
        check(membre, premierLien(membre, "comite/dossiers/"), report);
        open(membre, url("taches"));
        check(membre, premierLien(membre, "taches/notation/"), report);
        membre.context().close();

        Page admin = login("admin@communs.test", 1280);
        check(admin, "admin/courriels", report);
        check(admin, "admin/comite", report);
        check(admin, "admin/comite/grille", report);
        admin.context().close();

        assertThat(report).isEmpty();
        // The home page, the map (Leaflet from the webjars, tiles from communs.carte.tuiles), the task and pieces
        // screens (upload) and every other page above ran under the Content-Security-Policy without a violation.
        assertThat(cspViolations).isEmpty();
    }

    @Test
    void keyboard_users_skip_to_the_main_landmark() {
        Page page = login(null, 1280);
        open(page, url("communs"));
        page.keyboard().press("Tab");
        assertThat(page.locator("vaadin-button.skip-link")).isFocused();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.activeElement && document.activeElement.tagName === 'MAIN'");
        page.context().close();
    }

    @Test
    void the_connection_indicator_speaks_french_when_the_connection_drops() {
        Page page = login(null, 1280);
        open(page, url("communs"));

        page.context().setOffline(true);
        page.locator("vaadin-side-nav-item[path='structures']").click();      // a request to the server, that fails
        page.waitForFunction("() => window.Vaadin.connectionState.state !== 'connected'");
        String shown = page.locator("vaadin-connection-indicator").innerText();
        page.context().setOffline(false);

        assertThat(shown).startsWith("Connexion").doesNotContain("Connection");
        assertThat((String) page.evaluate("() => window.Vaadin.connectionIndicator.offlineText")).startsWith("Connexion perdue");
        assertThat((String) page.evaluate("() => window.Vaadin.connectionIndicator.onlineText")).isEqualTo("Connexion rétablie");
        page.context().close();
    }

    @Test
    void the_agents_dossiers_grid_fits_1400_pixels_and_vaadin_messages_come_compressed() {
        List<Response> messages = new CopyOnWriteArrayList<>();
        Page agent = login("agent@communs.test", 1400);
        agent.onResponse(r -> {
            if (r.url().contains("v-r=uidl")) {
                messages.add(r);
            }
        });
        open(agent, url("dossiers"));
        assertThat(agent.locator("vaadin-grid")).isVisible();

        Object widths = agent.evaluate("""
                () => { const t = document.querySelector('vaadin-grid').shadowRoot.querySelector('#table');
                        return [t.scrollWidth, t.clientWidth]; }""");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).intValue()).as("grid content width ≤ visible width").isLessThanOrEqualTo(((Number) w.get(1)).intValue());

        List<Response> large = messages.stream().filter(r -> bodySize(r) > 2048).toList();
        assertThat(large).as("the list's data comes in a large Vaadin message").isNotEmpty();
        assertThat(large).allSatisfy(r -> assertThat(r.headers()).containsEntry("content-encoding", "gzip"));
        agent.context().close();
    }

    /** Size of a response's body once decoded; -1 for a response of a page left since (the login page). */
    private static int bodySize(Response response) {
        try {
            return response.body().length;
        } catch (PlaywrightException e) {
            return -1;
        }
    }
}
