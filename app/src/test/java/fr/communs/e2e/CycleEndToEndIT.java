package fr.communs.e2e;

import fr.communs.base.Dates;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Task screens already checked by axe (each once: the same screen is opened several times). */
    private final Set<String> tasksChecked = new HashSet<>();

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
        if (tasksChecked.add(taskName)) {
            axe(page, "tâche « " + taskName + " »");
        }
    }

    private void pick(Page page, String label, String name) {
        field(page, label).fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
    }

    private void endOfTask(Page page) {
        page.waitForURL(Pattern.compile(".*/taches$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes tâches"))).isVisible();
        if (!accessibilityChecked.contains("mes-taches")) {
            axe(page, "mes-taches");
        }
    }

    @Test
    void personas_take_a_commun_through_the_whole_cycle_to_laureate_in_the_browser() {
        // Public home page, no login.
        Page visitor = browser.newPage();
        visitor.navigate(url(""));
        assertThat(visitor.getByText("Les défis à relever")).isVisible();
        step(visitor, "01-accueil");
        visitor.navigate(url("communs"));
        assertThat(visitor.getByText("Gestion de la forêt d'Aubais en commun")).isVisible();
        step(visitor, "02-communs-deposes");
        // Keyboard users: the first Tab offers to skip the menu, Enter puts the focus on the page's content.
        // (Playwright's isFocused() fails on Vaadin's custom elements, hence the explicit checks; each times out if false.)
        visitor.keyboard().press("Tab");
        visitor.waitForFunction("() => document.activeElement && document.activeElement.textContent.trim() === 'Aller au contenu'",
                null, new Page.WaitForFunctionOptions().setTimeout(5000));
        visitor.keyboard().press("Enter");
        visitor.waitForFunction("() => document.activeElement === document.querySelector('vaadin-app-layout > :not([slot])')",
                null, new Page.WaitForFunctionOptions().setTimeout(5000));
        // The state filter keeps the choice and puts it in the address (shareable).
        visitor.getByLabel("État du dossier").click();
        visitor.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Non recevable")).click();
        visitor.waitForURL(Pattern.compile(".*etat=NON_RECEVABLE.*"));
        assertThat(visitor.getByText("Révélateur de talent culinaire").first()).isVisible();
        assertThat(visitor.getByText("1 commun", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(visitor.getByLabel("État du dossier")).containsText("Non recevable");
        step(visitor, "02b-communs-non-recevables");
        // The other public pages of the paths: directory, map, a structure's card, sign-up, login, forgotten password.
        visitor.navigate(url("structures"));
        assertThat(visitor.locator("h1")).isVisible();
        step(visitor, "02c-annuaire");
        visitor.navigate(url("carte"));
        assertThat(visitor.locator("h1")).isVisible();
        step(visitor, "02d-carte");
        visitor.navigate(url("inscription"));
        assertThat(visitor.locator("h1")).isVisible();
        step(visitor, "02e-inscription");
        visitor.navigate(url("mot-de-passe-oublie"));
        assertThat(visitor.locator("h1")).isVisible();
        step(visitor, "02f-mot-de-passe-oublie");
        visitor.navigate(url("login"));
        assertThat(visitor.getByText("Mot de passe oublié").first()).isVisible();
        step(visitor, "02g-connexion");

        // A structure deposits an idea: the draft is saved as she types, then published.
        String titre = "Cantine partagée des Cévennes " + System.nanoTime();
        Page structure = login("structure@communs.test");
        structure.navigate(url("deposer"));
        pick(structure, "Structure qui porte l'idée", "La Combine");
        field(structure, "Titre").fill(titre);
        field(structure, "Résumé").fill("Une cantine coopérative ouverte à tous les habitants.");
        field(structure, "Besoin du territoire (diagnostic)").fill("Pas de restauration collective accessible dans la vallée.");
        field(structure, "Caractère d'intérêt général").fill("Un repas de qualité accessible à tous les revenus.");
        field(structure, "Gouvernance").fill("Décisions au consentement lors d'un comité mensuel.");
        field(structure, "Productions attendues").fill("Les recettes et les statuts, publiés sous licence libre.");
        structure.getByText("Village", new Page.GetByTextOptions().setExact(true)).click();
        structure.getByText("Défi 2 —").click();
        structure.getByText("Lutte contre la pauvreté").click();
        assertThat(structure.getByText(Pattern.compile("Brouillon enregistré à"))).isVisible();
        step(structure, "03-deposer-brouillon");
        button(structure, "Publier l'idée");
        structure.waitForURL(Pattern.compile(".*/communs/\\d+$"));
        String communPath = structure.url().substring(structure.url().indexOf("communs/"));
        assertThat(structure.getByText("Groupement en constitution").first()).isVisible();
        step(structure, "04-commun-publie");

        // The porteur invites MIESS 30 from the directory.
        openTask(structure, communPath, "Constituer le groupement et transmettre le dossier");
        assertThat(structure.getByText("ne remplit pas encore les règles")).isVisible();
        pick(structure, "Structure à inviter", "MIESS 30");
        button(structure, "Inviter");
        assertThat(structure.getByText(Pattern.compile("« MIESS 30 » \\(membre\\), invitée le"))).isVisible();

        // Another structure asks to join.
        Page ressourcerie = login("porteur2@communs.test");
        ressourcerie.navigate(url(communPath));
        button(ressourcerie, "Rejoindre ce commun");
        field(ressourcerie, "Message au porteur").fill("Nous fournirons les invendus de la ressourcerie alimentaire.");
        step(ressourcerie, "05-rejoindre");
        button(ressourcerie, "Envoyer la demande");
        assertThat(ressourcerie.getByText("attend la réponse du porteur")).isVisible();

        // MIESS 30 is notified (bell and list) and accepts the invitation.
        Page miess = login("porteur8@communs.test");
        assertThat(miess.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Notifications, \\d+ non lue"))))
                .isVisible();
        miess.navigate(url("notifications"));
        assertThat(miess.getByText("Invitation à rejoindre « " + titre + " »")).isVisible();
        step(miess, "06-notifications");
        miess.navigate(url(communPath));
        button(miess, "Accepter l'invitation");
        assertThat(miess.getByText("Invitation acceptée")).isVisible();

        // The porteur accepts the request: three structures; the Gard also requires the porteur's statuts and the
        // budget, which the panel says are missing.
        openTask(structure, communPath, "Constituer le groupement et transmettre le dossier");
        structure.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter la demande de Ressourceries de Nîmes")).click();
        assertThat(structure.getByText(Pattern.compile("Pièces exigées par l'appel — À déposer"))).isVisible();
        assertThat(structure.getByText(Pattern.compile("Montant demandé et budget prévisionnel — À saisir"))).isVisible();

        // She types the amount requested and the budget (amounts as people write them)…
        button(structure, "Budget prévisionnel");
        field(structure, "Montant demandé au Département (€)").fill("10 000");
        field(structure, "Libellé de la dépense 1").fill("Équipement de la cuisine partagée");
        field(structure, "Montant de la dépense 1 (€)").fill("14 000");
        button(structure, "Ajouter une ressource");
        field(structure, "Libellé de la ressource 1").fill("Autofinancement de La Combine");
        field(structure, "Montant de la ressource 1 (€)").fill("4000.00");
        field(structure, "Montant de la ressource 1 (€)").press("Tab");
        assertThat(structure.getByText(Pattern.compile("le budget est équilibré"))).isVisible();
        step(structure, "07a-budget");
        button(structure, "Enregistrer le budget");
        assertThat(structure.getByText(Pattern.compile("^Enregistré le "))).isVisible();

        // …and deposits La Combine's statuts.
        structure.navigate(url(communPath + "/pieces"));
        structure.getByLabel("Catégorie de la pièce").click();
        structure.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Statuts")).click();
        structure.locator("vaadin-upload input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "statuts-la-combine.pdf", "application/pdf", fr.communs.piece.Echantillons.pdf("Statuts de La Combine")));
        assertThat(structure.getByText("« statuts-la-combine.pdf » a bien été déposé.")).isVisible();
        step(structure, "07b-pieces");

        // The panel turns green, she transmits.
        openTask(structure, communPath, "Constituer le groupement et transmettre le dossier");
        assertThat(structure.getByText("Éligibilité : le groupement remplit les règles de l'appel")).isVisible();
        step(structure, "07-groupement-eligible");
        button(structure, "Transmettre au Département");
        assertThat(structure.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transmettre").setExact(true))).isVisible();
        step(structure, "07c-confirmer-transmission");
        structure.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transmettre").setExact(true)).click();
        endOfTask(structure);
        ressourcerie.context().close();
        miess.context().close();

        // An agent finds the file in "Dossiers", takes it and asks for compléments on the governance.
        String dossierPath = communPath.replace("communs/", "dossiers/");
        Page agent = login("agent@communs.test");
        agent.navigate(url("dossiers"));
        assertThat(agent.getByText(titre).first()).isVisible();
        step(agent, "08-dossiers-agent");
        agent.navigate(url(dossierPath));
        assertThat(agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je m'en occupe"))).isVisible();
        step(agent, "08b-dossier-agent");
        button(agent, "Je m'en occupe");
        assertThat(agent.getByText("Instruit par vous").first()).isVisible();
        for (String critere : List.of("Nombre et typologie des contributeurs", "Gouvernance démocratique",
                "Pertinence des projets en lien avec les défis", "Pertinence de la proposition")) {
            agent.locator("vaadin-radio-group").filter(new Locator.FilterOptions().setHasText(critere))
                    .getByText(critere.startsWith("Gouvernance") ? "Réservé" : "Favorable",
                            new Locator.GetByTextOptions().setExact(true)).click();
        }
        agent.getByText("Demande de compléments", new Page.GetByTextOptions().setExact(true)).click();
        agent.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Gouvernance").setExact(true)).check();
        field(agent, "Message au groupement : ce qui manque").fill("Précisez comment les décisions sont prises au quotidien.");
        step(agent, "09-instruction-complements");
        button(agent, "Enregistrer la décision");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(agent.getByText("Compléments demandés : le dossier attend la réponse du groupement.")).isVisible();

        // The porteur completes only the governance and sends the file back.
        openTask(structure, communPath, "Compléter le dossier");
        assertThat(structure.getByText("Précisez comment les décisions sont prises au quotidien.")).isVisible();
        assertThat(field(structure, "Résumé")).hasCount(0);
        field(structure, "Gouvernance").fill("Un comité mensuel au consentement, ouvert aux usagers ; comptes rendus publics.");
        field(structure, "Votre réponse à l'instructeur").fill("Nous avons décrit la prise de décision.");
        step(structure, "09b-completer-dossier");
        button(structure, "Renvoyer le dossier complété");
        endOfTask(structure);

        // The file comes back to the same agent, who finds the answer and declares it recevable.
        agent.navigate(url(dossierPath));
        assertThat(agent.getByText("Nous avons décrit la prise de décision.")).isVisible();
        assertThat(agent.getByText("Instruit par vous").first()).isVisible();
        agent.getByText("Recevable — soumettre au comité", new Page.GetByTextOptions().setExact(true)).click();
        step(agent, "09c-instruction-recevable");
        button(agent, "Enregistrer la décision");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(agent.getByText("Au comité d'accompagnement").first()).isVisible();
        agent.navigate(url("taches"));

        // Each comité member scores the audition.
        for (String membre : List.of("comite@communs.test", "comite2@communs.test")) {
            Page comite = login(membre);
            openTask(comite, communPath, "Noter l'audition");
            field(comite, "Nombre et typologie des contributeurs").fill("4");
            field(comite, "Gouvernance démocratique, coopérative et transparente").fill("5");
            field(comite, "Pertinence des projets en lien avec les défis").fill("4");
            field(comite, "Pertinence de la proposition relativement à la notion de communs").fill("3");
            step(comite, "10-noter-" + membre.substring(0, membre.indexOf('@')));
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
        step(agent, "11-avis-comite");
        button(agent, "Enregistrer l'avis du comité");
        endOfTask(agent);

        openTask(agent, communPath, "Enregistrer le vote de l'Assemblée");
        agent.getByText("Adopté", new Page.GetByTextOptions().setExact(true)).click();
        field(agent, "Date de la séance de l'Assemblée").fill(Dates.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        field(agent, "Date de la séance de l'Assemblée").press("Enter");
        step(agent, "12-vote");
        button(agent, "Enregistrer le vote");
        endOfTask(agent);

        // The laureate deposits its livrable and retour d'expérience.
        openTask(structure, communPath, "Déposer le livrable et le retour d'expérience");
        field(structure, "Titre du livrable").fill("Recettes et statuts de la cantine partagée");
        field(structure, "Lien vers le livrable (facultatif)").fill("https://exemple.org/cantine");
        field(structure, "Description du livrable").fill("Un guide pour ouvrir une cantine en commun.");
        field(structure, "Retour d'expérience sur la constitution du dossier").fill("Trois mois pour réunir le groupement.");
        step(structure, "13-livrable");
        button(structure, "Déposer le livrable");
        endOfTask(structure);

        // Anyone sees the result and every step passed.
        visitor.navigate(url(communPath));
        assertThat(visitor.getByText("Lauréat — livrable déposé")).isVisible();
        assertThat(visitor.locator("li.fin")).containsText("Livrable déposé");
        assertThat(visitor.locator("li.a_venir")).hasCount(0);
        step(visitor, "14-commun-laureat");
        structure.navigate(url("mes-communs"));
        assertThat(structure.locator("h1")).isVisible();
        step(structure, "15-mes-communs");
        structure.navigate(url("mes-structures"));
        assertThat(structure.locator("h1")).isVisible();
        step(structure, "16-mes-structures");

        // Every page of the path passed axe-core without a serious or critical violation.
        org.assertj.core.api.Assertions.assertThat(accessibilityChecked).hasSizeGreaterThanOrEqualTo(30);
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems).isEmpty();
    }
}
