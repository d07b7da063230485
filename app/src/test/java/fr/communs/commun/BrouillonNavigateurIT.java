package fr.communs.commun;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.communs.security.Roles;
import fr.communs.support.BrowserTest;
import fr.communs.support.Fixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real headless Chromium (the pre-compiled front-end bundle, Spring Security in front): a draft gets its own
 * address that a reload reopens, a text too long is counted and kept, and an open page updates by server push. Same
 * Spring configuration as {@code CycleEndToEndIT}, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class BrouillonNavigateurIT extends BrowserTest {
    @Autowired Fixtures fx;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;

    private Page login(String email) {
        Page page = newPage();
        page.navigate(url("login"));
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill(Fixtures.PASSWORD);
        button(page, "Se connecter");
        assertThat(page.getByText("Se déconnecter")).isVisible();
        return page;
    }

    @Test
    void a_draft_gets_its_own_address_a_reload_reopens_it_and_a_text_too_long_is_counted_not_cut() {
        fx.campagne();
        long structure = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, structure);
        Page page = login(email);
        page.navigate(url("deposer"));
        assertThat(page.getByText("Rien n'est encore enregistré.")).isVisible();

        field(page, "Titre").fill("Un atelier vélo partagé");
        assertThat(page.getByText(Pattern.compile("Brouillon enregistré à"))).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/communs/\\d+/modifier$"));

        String tooLong = "v".repeat(2001);
        field(page, "Résumé").fill(tooLong);
        assertThat(page.getByText("2\u00a0001 / 2\u00a0000 caractères : raccourcissez le texte de 1 caractère").first())
                .isVisible();
        assertThat(field(page, "Résumé")).hasValue(tooLong);
        assertThat(page.getByText(Pattern.compile("Non enregistré"))).isVisible();
        field(page, "Résumé").fill("Réparer ensemble.");
        assertThat(page.getByText("17 / 2\u00a0000 caractères")).isVisible();
        assertThat(page.getByText(Pattern.compile("Brouillon enregistré à"))).isVisible();

        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Continuer mon brouillon"))).isVisible();
        assertThat(field(page, "Titre")).hasValue("Un atelier vélo partagé");
        assertThat(field(page, "Résumé")).hasValue("Réparer ensemble.");
        fx.as(email);
        assertThat(communs.myDrafts()).hasSize(1);
        fx.logout();
        shot(page, "brouillon-adresse");
    }

    @Test
    void the_porteur_s_open_page_shows_a_new_join_request_and_the_bell_without_reloading() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long communId = fx.deposit(porteurEmail, porteur);
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.logout();

        Page page = login(porteurEmail);
        page.navigate(url("communs/" + communId));
        assertThat(page.getByText("Où en est le dossier")).isVisible();
        assertThat(page.getByText("Votre réponse est attendue")).isHidden();

        fx.as(candidateEmail);
        long request = groupements.requestToJoin(communId, candidate, RoleGroupement.MEMBRE, "Nous arrivons !");
        fx.logout();

        assertThat(page.getByText("Votre réponse est attendue")).isVisible();
        assertThat(page.getByText("« Nous arrivons ! »")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications, 1 non lue")
                .setExact(true))).isVisible();
        shot(page, "demande-en-direct");

        fx.as(candidateEmail);
        groupements.cancel(request);
        fx.logout();
        assertThat(page.getByText("Votre réponse est attendue")).isHidden();
    }
}
