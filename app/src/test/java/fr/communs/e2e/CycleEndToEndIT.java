package fr.communs.e2e;

import fr.communs.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * A real headless Chromium (Debian's) drives the platform with the demo data: each persona logs in in turn and
 * one new commun goes through the entire cycle to laureate, through the UI only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class CycleEndToEndIT extends BrowserTest {
    private static final String PASSWORD = "communs-demo-2025";

    private Page login(String email) {
        Page page = newPage();
        page.navigate(url("login"));
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByText("Se déconnecter")).isVisible();
        return page;
    }

    /** Opens the commun's page and its task for the logged-in person, waiting for the engine if needed. */
    private void openTask(Page page, String communPath, String taskName) {
        Locator open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir ma tâche : " + taskName));
        for (int attempt = 0; attempt < 30; attempt++) {
            page.navigate(url(communPath));
            page.getByText("Où en est le dossier").waitFor();
            if (open.count() > 0) {
                break;
            }
            page.waitForTimeout(1000);
        }
        open.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(taskName))).isVisible();
    }

    private void pickStructure(Page page, String name) {
        Locator input = field(page, "Structure à ajouter");
        input.fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        button(page, "Ajouter au groupement");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first()).isVisible();
    }

    private void endOfTask(Page page) {
        page.waitForURL(Pattern.compile(".*/taches$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes tâches"))).isVisible();
    }

    @Test
    void personas_take_a_commun_through_the_whole_cycle_to_laureate_in_the_browser() {
        // Public home page, no login.
        Page visitor = browser.newPage();
        visitor.navigate(url(""));
        assertThat(visitor.getByText("Les défis à relever")).isVisible();
        shot(visitor, "01-accueil");
        visitor.navigate(url("communs"));
        assertThat(visitor.getByText("Gestion de la forêt d'Aubais en commun")).isVisible();
        shot(visitor, "02-communs-deposes");

        // A structure deposits an idea and forms its groupement, then transmits.
        String titre = "Cantine partagée des Cévennes " + System.nanoTime();
        Page structure = login("structure@communs.test");
        structure.navigate(url("deposer"));
        field(structure, "Titre").fill(titre);
        field(structure, "Résumé").fill("Une cantine coopérative ouverte à tous les habitants.");
        field(structure, "Besoin du territoire (diagnostic)").fill("Pas de restauration collective accessible dans la vallée.");
        field(structure, "Gouvernance").fill("Décisions au consentement lors d'un comité mensuel.");
        structure.getByText("Défi 2 —").click();
        shot(structure, "03-deposer");
        button(structure, "Déposer l'idée");
        structure.waitForURL(Pattern.compile(".*/communs/\\d+$"));
        String communPath = structure.url().substring(structure.url().indexOf("communs/"));
        assertThat(structure.getByText("Groupement en constitution").first()).isVisible();
        shot(structure, "04-commun-depose");

        openTask(structure, communPath, "Constituer le groupement et transmettre le dossier");
        assertThat(structure.getByText("ne remplit pas encore les règles")).isVisible();
        pickStructure(structure, "MIESS 30");
        pickStructure(structure, "PTCE Les Remendaires");
        assertThat(structure.getByText("Éligibilité : le groupement remplit les règles de l'appel")).isVisible();
        shot(structure, "05-groupement-eligible");
        button(structure, "Transmettre au Département");
        endOfTask(structure);

        // An agent instructs: recevable.
        Page agent = login("agent@communs.test");
        agent.navigate(url("taches"));
        assertThat(agent.getByText(titre).first()).isVisible();
        shot(agent, "06-mes-taches-agent");
        openTask(agent, communPath, "Instruire le dossier");
        for (String critere : List.of("Nombre et typologie des contributeurs", "Gouvernance démocratique",
                "Pertinence des projets en lien avec les défis", "Pertinence de la proposition")) {
            agent.locator("vaadin-radio-group").filter(new Locator.FilterOptions().setHasText(critere))
                    .getByText("Favorable", new Locator.GetByTextOptions().setExact(true)).click();
        }
        agent.getByText("Recevable — soumettre au comité").click();
        shot(agent, "07-instruction");
        button(agent, "Enregistrer la décision");
        endOfTask(agent);

        // Each comité member scores the audition.
        for (String membre : List.of("comite@communs.test", "comite2@communs.test")) {
            Page comite = login(membre);
            openTask(comite, communPath, "Noter l'audition");
            field(comite, "Nombre et typologie des contributeurs").fill("4");
            field(comite, "Gouvernance démocratique, coopérative et transparente").fill("5");
            field(comite, "Pertinence des projets en lien avec les défis").fill("4");
            field(comite, "Pertinence de la proposition relativement à la notion de communs").fill("3");
            shot(comite, "08-noter-" + membre.substring(0, membre.indexOf('@')));
            button(comite, "Enregistrer mes notes");
            endOfTask(comite);
            comite.context().close();
        }

        // The agent records the comité's avis, then the Assemblée's vote.
        openTask(agent, communPath, "Enregistrer l'avis du comité");
        assertThat(agent.getByText("Moyennes").first()).isVisible();
        agent.locator("vaadin-radio-group").getByText("Favorable", new Locator.GetByTextOptions().setExact(true)).click();
        field(agent, "Subvention proposée à l'Assemblée (€)").fill("10000");
        field(agent, "Contributions non financières proposées par le comité").fill("Mise à disposition d'une salle.");
        shot(agent, "09-avis-comite");
        button(agent, "Enregistrer l'avis du comité");
        endOfTask(agent);

        openTask(agent, communPath, "Enregistrer le vote de l'Assemblée");
        agent.getByText("Adopté", new Page.GetByTextOptions().setExact(true)).click();
        field(agent, "Date de la séance de l'Assemblée").fill(LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        field(agent, "Date de la séance de l'Assemblée").press("Enter");
        shot(agent, "10-vote");
        button(agent, "Enregistrer le vote");
        endOfTask(agent);

        // The laureate deposits its livrable and retour d'expérience.
        openTask(structure, communPath, "Déposer le livrable et le retour d'expérience");
        field(structure, "Titre du livrable").fill("Recettes et statuts de la cantine partagée");
        field(structure, "Lien vers le livrable (facultatif)").fill("https://exemple.org/cantine");
        field(structure, "Description du livrable").fill("Un guide pour ouvrir une cantine en commun.");
        field(structure, "Retour d'expérience sur la constitution du dossier").fill("Trois mois pour réunir le groupement.");
        shot(structure, "11-livrable");
        button(structure, "Déposer le livrable");
        endOfTask(structure);

        // Anyone sees the result and every step passed.
        visitor.navigate(url(communPath));
        assertThat(visitor.getByText("Lauréat — livrable déposé")).isVisible();
        assertThat(visitor.locator("li.fin")).containsText("Livrable et retour d'expérience déposés");
        assertThat(visitor.locator("li.a_venir")).hasCount(0);
        shot(visitor, "12-commun-laureat");
    }
}
