package fr.communs.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.communs.security.AccountService;
import fr.communs.security.Roles;
import fr.communs.support.BrowserTest;
import fr.communs.support.Fixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell and the "Notifications" screen in a real headless Chromium, by keyboard-reachable buttons only. Same
 * Spring configuration as {@code CycleEndToEndIT}, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class NotificationNavigateurIT extends BrowserTest {
    @Autowired Fixtures fx;
    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate transactions;

    private Page login(String email) {
        Page page = newPage();
        page.navigate(url("login"));
        field(page, "Adresse électronique").fill(email);
        field(page, "Mot de passe").fill(Fixtures.PASSWORD);
        button(page, "Se connecter");
        assertThat(page.getByText("Se déconnecter")).isVisible();
        return page;
    }

    private static Locator bell(Page page, String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private void notify(long userId, String titre, String lien) {
        transactions.executeWithoutResult(s -> notifications.notifyUsers(List.of(userId), NotificationType.INVITATION,
                titre, "Votre structure est invitée à rejoindre un groupement.", lien));
    }

    @Test
    void the_bell_counts_unread_notifications_and_the_screen_opens_and_marks_them_read() {
        String email = fx.account(Roles.STRUCTURE);
        long userId = accounts.loadUserByUsername(email).id();
        notify(userId, "Invitation à « Jardins partagés »", "structures");
        notify(userId, "Invitation à « Tiers-lieu »", null);

        Page page = login(email);
        assertThat(bell(page, "Notifications, 2 non lues")).isVisible();
        assertThat(page.locator(".notification-count")).hasText("2");
        bell(page, "Notifications, 2 non lues").click();

        assertThat(page).hasURL(Pattern.compile(".*/notifications$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setLevel(1))).isVisible();
        assertThat(page.getByText("Non lue", new Page.GetByTextOptions().setExact(true))).hasCount(2);
        assertThat(page.getByText("2 notifications non lues sur 2.")).isVisible();
        shot(page, "notifications-non-lues");

        button(page, "Voir : Invitation à « Jardins partagés »");
        assertThat(page).hasURL(Pattern.compile(".*/structures$"));
        assertThat(bell(page, "Notifications, 1 non lue")).isVisible();

        bell(page, "Notifications, 1 non lue").click();
        assertThat(page.getByText("Non lue", new Page.GetByTextOptions().setExact(true))).hasCount(1);
        button(page, "Tout marquer comme lu");
        assertThat(page.getByText("Toutes vos notifications sont lues.")).isVisible();
        assertThat(page.getByText("Non lue", new Page.GetByTextOptions().setExact(true))).hasCount(0);
        assertThat(bell(page, "Notifications, aucune non lue")).isVisible();
        assertThat(page.locator(".notification-count")).isHidden();

        notify(userId, "Une nouvelle offre de contribution", "structures");
        page.navigate(url("structures"));
        assertThat(bell(page, "Notifications, 1 non lue")).isVisible(); // read again after a navigation
        page.context().close();
    }

    @Test
    void someone_without_notifications_is_told_so_and_visitors_have_no_bell() {
        Page page = login(fx.account(Roles.STRUCTURE));   // not COMITE: the demo context counts its comité members
        bell(page, "Notifications, aucune non lue").click();
        assertThat(page.getByText("Vous n'avez aucune notification.")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tout marquer comme lu"))).isHidden();
        page.context().close();

        Page visitor = newPage();
        visitor.navigate(url("structures"));
        assertThat(visitor.getByText("Se connecter").first()).isVisible();
        assertThat(visitor.locator(".notification-bell")).hasCount(0);
        visitor.context().close();
    }
}
