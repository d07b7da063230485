package fr.communs.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end tests: Debian's Chromium (never a downloaded browser) driven by Playwright, headless, one
 * browser per test class, a fresh context per persona, screenshots in target/e2e-screenshots.
 *
 * <p>Accessibility: {@link #axe(Page, String)} runs axe-core (Deque's rules engine, injected into the page) on the
 * page shown and records every serious or critical violation in {@link #accessibilityProblems};
 * {@link #step(Page, String)} does it before its screenshot, so each step of a path is checked. A test ends with
 * {@code assertThat(accessibilityProblems).isEmpty()} to report them all at once.
 */
public abstract class BrowserTest {
    protected static final Path SHOTS = Paths.get("target", "e2e-screenshots");
    private static final String AXE_SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static Playwright playwright;
    private static String axeScript;
    protected static Browser browser;
    /** Serious and critical axe violations found by {@link #axe(Page, String)}, one line each ("page: impact rule: where"). */
    protected final List<String> accessibilityProblems = new ArrayList<>();
    /** Names of the pages {@link #axe(Page, String)} checked, in order. */
    protected final List<String> accessibilityChecked = new ArrayList<>();

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        try (InputStream in = BrowserTest.class.getResourceAsStream(AXE_SCRIPT)) {
            axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/lib/chromium/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(chromium))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** A new browser context (cookies of its own: one persona), in French, 1280×900. */
    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    protected static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    protected static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    protected static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** A step of a path: its accessibility checked by {@link #axe(Page, String)}, then its screenshot. */
    protected void step(Page page, String name) {
        axe(page, name);
        shot(page, name);
    }

    /**
     * Runs axe-core on the page shown (once the network is idle) and records its serious and critical violations,
     * except those axe 4.6 reports inside Vaadin's own shadow DOM: the grid's and the tabs' internal children
     * ({@code aria-required-children} on the grid's {@code #table} and on {@code vaadin-tabs}).
     */
    protected void axe(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // NETWORKIDLE returns at once once reached: a field the server has just enabled may still be fading its label
        // from the disabled grey (a CSS transition), an overlay (a date picker's calendar) may still be closing (a CSS
        // animation); axe would measure them half-way. Wait for every finite transition and animation to end.
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect === null || a.effect.getComputedTiming().iterations === Infinity)");
        accessibilityChecked.add(name);
        violations(page).forEach(v -> accessibilityProblems.add(name + " (" + page.url() + ") → " + v));
    }

    /** The serious and critical axe violations of the page shown, one line each ("impact rule: target"). */
    protected static List<String> violations(Page page) {
        page.evaluate(axeScript);
        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) page.evaluate("""
                async () => {
                    const result = await axe.run(document, {resultTypes: ['violations']});
                    return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => v.impact + ' ' + v.id + ': ' + JSON.stringify(n.target)));
                }""");
        return all.stream().filter(v -> !vaadinInternals(v)).toList();
    }

    private static boolean vaadinInternals(String violation) {
        return violation.contains(" aria-required-children: ")
                && (violation.contains("\"#table\"") || violation.endsWith("[\"vaadin-tabs\"]"));
    }
}
