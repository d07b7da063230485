package fr.communs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.communs.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check of the browser tests ({@link BrowserTest#axe}) really fails a page: without a server, on
 * pages written here, a serious and a critical violation are reported and a clean page passes.
 */
class AxeVerificationIT extends BrowserTest {

    @Test
    void a_serious_or_critical_violation_is_recorded_and_a_clean_page_passes() {
        Page page = newPage();
        page.setContent("""
                <html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>
                <p style="color:#aaa;background:#fff">Texte trop pâle</p>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                </main></body></html>""");
        axe(page, "page fautive");

        assertThat(accessibilityProblems).anyMatch(p -> p.contains("serious color-contrast"))
                .anyMatch(p -> p.contains("critical image-alt")).allMatch(p -> p.startsWith("page fautive"));

        accessibilityProblems.clear();
        page.setContent("""
                <html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>
                <p style="color:#222;background:#fff">Texte lisible</p>
                <img alt="Un point" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                </main></body></html>""");
        axe(page, "page correcte");

        assertThat(accessibilityProblems).isEmpty();
        assertThat(accessibilityChecked).containsExactly("page fautive", "page correcte");
        page.context().close();
    }
}
