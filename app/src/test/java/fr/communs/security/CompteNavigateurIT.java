package fr.communs.security;

import fr.communs.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Self-service account in a real headless Chromium, with the demo profile (mails kept in the outbox and read by the
 * demo administrator): sign up, refused login before confirmation, confirmation link, first login, forgotten
 * password. Same Spring configuration as {@code CycleEndToEndIT}, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class CompteNavigateurIT extends BrowserTest {
    private static final String PASSWORD = "un mot de passe solide";

    private void submitLogin(Page page, String email, String password) {
        page.navigate(url("login"));
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill(password);
        button(page, "Se connecter");
    }

    /** The demo administrator opens the outbox, reads the last mail to this address, and returns its link's path. */
    private String linkMailedTo(String email, String pathPart) {
        Page admin = newPage();
        submitLogin(admin, "admin@communs.test", "communs-demo-2025");
        assertThat(admin.getByText("Se déconnecter")).isVisible();
        admin.navigate(url("admin/courriels"));
        admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(email)).first().click();
        Locator link = admin.locator("a[href*='/" + pathPart + "/']").first();
        assertThat(link).isVisible();
        shot(admin, "compte-courriel-" + pathPart);
        String href = link.getAttribute("href");
        admin.context().close();
        return URI.create(href).getPath().substring(1);
    }

    /** Types into a combo box and picks the item with that label. */
    private static void pick(Page page, String label, String typed, String item) {
        field(page, label).fill(typed);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    @Test
    void a_person_signs_up_confirms_the_mail_registers_a_structure_that_an_agent_verifies_and_that_shows_on_the_map_then_resets_a_forgotten_password() {
        String email = "camille-" + System.nanoTime() + "@exemple.fr";
        Page page = newPage();

        // From the login page to the sign-up form; bad input gets French messages.
        page.navigate(url("login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pas encore de compte ? Créer un compte")).click();
        page.waitForURL(Pattern.compile(".*/inscription$"));
        field(page, "Nom complet").fill("Camille Dupont");
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill("court");
        field(page, "Confirmation du mot de passe").fill("court");
        button(page, "Créer mon compte");
        assertThat(page.getByText("Le mot de passe doit contenir au moins 12 caractères.")).isVisible();
        field(page, "Mot de passe").fill(PASSWORD);
        field(page, "Confirmation du mot de passe").fill(PASSWORD);
        button(page, "Créer mon compte");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vérifiez votre messagerie"))).isVisible();
        shot(page, "compte-01-inscription-envoyee");

        // Not confirmed yet: login refused, with a French message and the offer of a new link.
        submitLogin(page, email, PASSWORD);
        page.waitForURL(Pattern.compile(".*/login\\?non-confirme$"));
        assertThat(page.getByText("Adresse électronique non confirmée")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Renvoyer le lien de confirmation")))
                .isVisible();
        shot(page, "compte-02-connexion-refusee");

        // The link of the mail confirms the address; the first login leads to "mes structures".
        page.navigate(url(linkMailedTo(email, "confirmation")));
        assertThat(page.getByText("Votre adresse électronique est confirmée.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter")).click();
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill(PASSWORD);
        button(page, "Se connecter");
        page.waitForURL(Pattern.compile(".*/mes-structures$"));

        // The new member registers their structure: declared ESS (association) in the Gard, to be verified.
        String nom = "Épicerie solidaire du Vigan " + System.nanoTime();
        button(page, "Inscrire ma structure");
        page.waitForURL(Pattern.compile(".*/structures/nouvelle$"));
        field(page, "Nom de la structure").fill(nom);
        pick(page, "Forme juridique", "Association", "Association");
        pick(page, "Commune d'implantation", "Le Vigan", "Le Vigan (30)");
        page.getByText("culture", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByText("Relève de l'ESS par sa forme juridique (Association).")).isVisible();
        shot(page, "structure-01-inscription");
        button(page, "Inscrire la structure");
        page.waitForURL(Pattern.compile(".*/structures/\\d+$"));
        assertThat(page.getByText("Déclaré, à vérifier").first()).isVisible();
        shot(page, "structure-02-fiche");
        page.context().close();

        // An agent confirms the declared status and location from the verification queue.
        Page agent = newPage();
        submitLogin(agent, "agent@communs.test", "communs-demo-2025");
        assertThat(agent.getByText("Se déconnecter")).isVisible();
        agent.navigate(url("verifications"));
        assertThat(agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(nom))).isVisible();
        shot(agent, "structure-03-verifications");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer " + nom)).click();
        assertThat(agent.getByText("« " + nom + " » est vérifiée.")).isVisible();
        agent.context().close();

        // Anyone finds it in the directory and on the network map (markers even without map tiles).
        Page visitor = newPage();
        visitor.navigate(url("structures?q=" + URLEncoder.encode("epicerie vigan", StandardCharsets.UTF_8)));
        assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(nom))).isVisible();
        assertThat(visitor.getByText("Vérifié par le Département").first()).isVisible();
        shot(visitor, "structure-04-annuaire");
        visitor.navigate(url("carte?q=" + URLEncoder.encode(nom, StandardCharsets.UTF_8)));
        Locator inList = visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Montrer " + nom + " sur la carte"));
        assertThat(inList).isVisible();
        assertThat(visitor.locator("#carte-reseau .leaflet-marker-icon").first()).isVisible();
        shot(visitor, "structure-05-carte");
        inList.click();
        assertThat(visitor.locator(".leaflet-popup-content")).containsText(nom);
        shot(visitor, "structure-06-carte-popup");
        visitor.context().close();

        // Forgotten password: the same answer as for any address, then the mailed link sets a new one.
        Page forgot = newPage();
        forgot.navigate(url("login"));
        button(forgot, "Mot de passe oublié ?");
        forgot.waitForURL(Pattern.compile(".*/mot-de-passe-oublie$"));
        field(forgot, "Adresse électronique").fill(email);
        button(forgot, "Recevoir un lien");
        assertThat(forgot.getByText("Si un compte existe avec l'adresse")).isVisible();
        forgot.navigate(url(linkMailedTo(email, "mot-de-passe")));
        field(forgot, "Nouveau mot de passe").fill("un tout nouveau mot de passe");
        field(forgot, "Confirmation du nouveau mot de passe").fill("un tout nouveau mot de passe");
        button(forgot, "Enregistrer le nouveau mot de passe");
        assertThat(forgot.getByText("Votre mot de passe est modifié.")).isVisible();
        shot(forgot, "compte-03-mot-de-passe-modifie");
        submitLogin(forgot, email, "un tout nouveau mot de passe");
        // They now belong to a structure: the login leads to the home page, not to "mes structures".
        assertThat(forgot.getByText("Se déconnecter")).isVisible();
        assertThat(forgot.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes structures"))).isVisible();
        forgot.context().close();
    }
}
