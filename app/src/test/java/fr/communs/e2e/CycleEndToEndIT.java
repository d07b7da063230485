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

        // The file waits for a séance: an agent creates one tomorrow with this file on its agenda.
        long communId = Long.parseLong(communPath.substring(communPath.lastIndexOf('/') + 1));
        agent.navigate(url("seances"));
        assertThat(agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Séances du comité"))).isVisible();
        assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(titre))).isVisible();
        step(agent, "10a-seances-dossier-en-attente");
        button(agent, "Nouvelle séance");
        assertThat(agent.getByText("Nouvelle séance du comité")).isVisible();
        LocalDate demain = Dates.today().plusDays(1);
        Locator seanceDate = agent.locator("vaadin-date-time-picker [slot='date-picker'] input");
        seanceDate.fill(demain.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        seanceDate.press("Enter");
        assertThat(agent.locator("vaadin-date-picker-overlay[opened], vaadin-date-picker-overlay[closing]")).hasCount(0);
        Locator seanceHeure = agent.locator("vaadin-date-time-picker [slot='time-picker'] input");
        seanceHeure.fill("10:00");
        seanceHeure.press("Enter");
        seanceHeure.press("Tab");
        field(agent, "Lieu").fill("Hôtel du Département, salle 3, Nîmes");
        agent.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(titre)).check();
        // The slot is proposed from the séance's start.
        assertThat(agent.getByLabel("Heure de début de « " + titre + " »")).hasValue("10:00");
        step(agent, "10b-nouvelle-seance");
        button(agent, "Créer la séance et convoquer");
        agent.waitForURL(Pattern.compile(".*/seances/\\d+$"));
        String seancePath = agent.url().substring(agent.url().indexOf("seances/"));
        long seanceId = Long.parseLong(seancePath.substring("seances/".length()));
        assertThat(agent.getByText("En préparation", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(agent.getByText("10h00 – 10h30")).isVisible();

        // Attendance: Marc Vidal is excused; Karim Benali (MIESS 30, member of the groupement) is present but recused,
        // so two members vote: the quorum (half of the four active members) is reached.
        Map<String, String> presencesSeance = Map.of("Hélène Martin", "Présent(e)", "Karim Benali", "Présent(e)",
                "Lucie Moreau", "Présent(e)", "Marc Vidal", "Excusé(e)");
        presencesSeance.forEach((nom, presence) -> agent.locator("vaadin-radio-group")
                .filter(new Locator.FilterOptions().setHasText(nom))
                .getByText(presence, new Locator.GetByTextOptions().setExact(true)).click());
        button(agent, "Enregistrer les présences");
        assertThat(agent.getByText("Les présences sont enregistrées.")).isVisible();
        assertThat(agent.getByText(Pattern.compile("^2 votants / 2 requis \\(atteint\\)$"))).isVisible();
        assertThat(agent.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^Karim Benali$")))).hasCount(1);
        step(agent, "10c-seance-presences");
        button(agent, "Ouvrir la séance");
        assertThat(agent.getByText(Pattern.compile("^Les membres présents non déportés recevront"))).isVisible();
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la séance").setExact(true)).last().click();
        assertThat(agent.getByText("Ouverte", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(agent.getByText("Projet de procès-verbal (PDF)")).isVisible();
        step(agent, "10d-seance-ouverte");

        // The recused member has no scoring task for the file, the séance tells him so, and its notes are refused to him.
        Page deporte = login("comite2@communs.test");
        deporte.navigate(url("taches"));
        assertThat(deporte.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes tâches"))).isVisible();
        assertThat(deporte.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(titre))).hasCount(0);
        deporte.navigate(url(communPath));
        deporte.getByText("Où en est le dossier").waitFor();
        assertThat(deporte.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Ouvrir ma tâche"))))
                .hasCount(0);
        deporte.navigate(url(seancePath));
        assertThat(deporte.getByText("Vous êtes déporté(e) de ce dossier")).isVisible();
        assertThat(deporte.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(titre))).hasCount(0);
        step(deporte, "10e-seance-membre-deporte");
        deporte.navigate(url("comite/seances/" + seanceId + "/dossiers/" + communId));
        assertThat(deporte.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                .setHasText("Vous êtes déporté(e) de ce dossier"))).isVisible();
        assertThat(deporte.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vos notes"))).hasCount(0);
        assertThat(deporte.getByText("Hélène Martin")).hasCount(0);
        step(deporte, "10f-notes-refusees-au-deporte");
        deporte.context().close();

        // The two voting members score the audition, each alone, then read the other's scores.
        Map<String, int[]> notes = new java.util.LinkedHashMap<>();
        notes.put("comite@communs.test", new int[] {4, 5, 4, 3});
        notes.put("comite3@communs.test", new int[] {3, 4, 4, 4});
        List<String> criteres = List.of("Nombre et typologie des contributeurs",
                "Gouvernance démocratique, coopérative et transparente", "Pertinence des projets en lien avec les défis",
                "Pertinence de la proposition relativement à la notion de communs");
        notes.forEach((membre, valeurs) -> {
            Page comite = login(membre);
            openTask(comite, communPath, "Noter l'audition");
            comite.waitForURL(Pattern.compile(".*/taches/notation/[^/]+$"));
            for (int i = 0; i < criteres.size(); i++) {
                comite.getByLabel("Note « " + criteres.get(i) + " » (de 0 à 5)", new Page.GetByLabelOptions().setExact(true))
                        .fill(String.valueOf(valeurs[i]));
            }
            comite.getByLabel("Commentaire sur « " + criteres.get(0) + " »", new Page.GetByLabelOptions().setExact(true))
                    .fill("Un groupement complémentaire : une cantine, une ressourcerie et un réseau de l'ESS.");
            String qui = membre.substring(0, membre.indexOf('@'));
            step(comite, "10g-noter-" + qui);
            button(comite, "Soumettre mes notes");
            comite.waitForURL(Pattern.compile(".*/comite/seances/" + seanceId + "/dossiers/" + communId + "$"));
            assertThat(comite.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vos notes"))).isVisible();
            if (membre.startsWith("comite3")) {
                assertThat(comite.getByText("Hélène Martin").first()).isVisible();
                step(comite, "10h-notes-du-comite");
            }
            comite.context().close();
        });

        // Once both scored, the agent records the avis of the comité (confirmed).
        openTask(agent, communPath, "Enregistrer l'avis du comité");
        agent.waitForURL(Pattern.compile(".*/taches/avis-seance/[^/]+$"));
        agent.locator("vaadin-radio-group").getByText("Favorable", new Locator.GetByTextOptions().setExact(true)).click();
        field(agent, "Motivation").fill("Un commun utile à toute la vallée, porté par un groupement solide.");
        field(agent, "Subvention proposée à l'Assemblée (€)").fill("10000");
        step(agent, "11-avis-comite");
        button(agent, "Enregistrer l'avis");
        assertThat(agent.getByText("Enregistrer l'avis « favorable » ?")).isVisible();
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'avis").setExact(true)).last().click();
        endOfTask(agent);

        // The agent records the contribution the comité proposes, linked to the séance.
        String contribution = "Mise à disposition d'une salle du Département pour les ateliers de cuisine.";
        agent.navigate(url(dossierPath + "/contributions-comite"));
        assertThat(agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contributions du comité"))).isVisible();
        agent.getByText("Le Département", new Page.GetByTextOptions().setExact(true)).click();
        agent.getByText("Matérielle", new Page.GetByTextOptions().setExact(true)).click();
        field(agent, "Description").fill(contribution);
        assertThat(agent.locator("vaadin-select").filter(new Locator.FilterOptions()
                .setHasText("Hôtel du Département, salle 3, Nîmes"))).isVisible();
        step(agent, "11b-contribution-comite");
        button(agent, "Enregistrer la contribution");
        assertThat(agent.getByText("La contribution est enregistrée ; le groupement en est informé.")).isVisible();
        assertThat(agent.locator(".contributions-comite").getByText(contribution)).isVisible();

        // The agent closes the séance (confirmed): the PV is final.
        agent.navigate(url(seancePath));
        assertThat(agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Séance du comité du ")))).isVisible();
        button(agent, "Clore la séance");
        assertThat(agent.getByText(Pattern.compile("^Les avis seront transmis"))).isVisible();
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clore la séance").setExact(true)).last().click();
        assertThat(agent.getByText("Close", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(agent.getByText("Procès-verbal (PDF)", new Page.GetByTextOptions().setExact(true))).isVisible();
        step(agent, "11c-seance-close");

        // The results show the file's weighted mean; the PV downloaded from the séance carries the title and that mean.
        agent.navigate(url("comite/seances/" + seanceId + "/resultats"));
        assertThat(agent.getByText("séance close.", new Page.GetByTextOptions().setExact(false))).isVisible();
        Locator moyenneCellule = agent.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\d+(,\\d{1,2})? / 20$")));
        assertThat(moyenneCellule).hasCount(1);
        String moyenne = moyenneCellule.textContent().strip();
        org.assertj.core.api.Assertions.assertThat(moyenne).isEqualTo("15,5 / 20");
        step(agent, "11d-resultats-seance");
        agent.navigate(url(seancePath));
        com.microsoft.playwright.Download pvDownload = agent.waitForDownload(() -> agent.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Procès-verbal de la séance, document PDF")).click());
        org.assertj.core.api.Assertions.assertThat(pvDownload.failure()).isNull();
        org.assertj.core.api.Assertions.assertThat(pvDownload.suggestedFilename()).endsWith(".pdf");
        String pv;
        try {
            pv = fr.communs.support.PdfTexte.of(Files.readAllBytes(pvDownload.path()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.assertj.core.api.Assertions.assertThat(pv)
                .contains(titre)
                .contains("Moyenne pondérée")
                .contains(moyenne)
                .contains("Karim Benali")
                .contains(contribution)
                .doesNotContain("Projet : la séance n'est pas close");

        // After the close, the file waits for the Assemblée's vote.
        openTask(agent, communPath, "Enregistrer le vote de l'Assemblée");
        agent.getByText("Adopté", new Page.GetByTextOptions().setExact(true)).click();
        field(agent, "Date de la séance de l'Assemblée").fill(Dates.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        field(agent, "Date de la séance de l'Assemblée").press("Enter");
        assertThat(agent.locator("vaadin-date-picker-overlay[opened], vaadin-date-picker-overlay[closing]")).hasCount(0);
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
