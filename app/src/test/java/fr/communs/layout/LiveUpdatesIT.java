package fr.communs.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.communs.base.LiveChange;
import fr.communs.base.UnreadNotifications;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-process broadcaster behind server push: a change reaches the open pages of the people it concerns, once
 * committed, and nobody else; a page that is closed is forgotten; the bell of an open page follows.
 */
@SpringBootTest
@ActiveProfiles("test")
class LiveUpdatesIT {
    @Autowired LiveUpdates live;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired GroupementService groupements;
    @Autowired UnreadNotifications unread;
    @Autowired Fixtures fx;

    /** A page of a person: what it was told. */
    record Page(TestUi ui, Div root, List<LiveChange> received) {
    }

    @BeforeEach
    void setUp() {
        fx.campagne();
    }

    @AfterEach
    void tearDown() {
        TestUi.closeAll();
        UI.setCurrent(null);
        fx.logout();
    }

    /** Opens a page for the person and registers it. */
    private Page open(String email) {
        fx.as(email);
        TestUi ui = TestUi.open();
        Div root = new Div();
        List<LiveChange> received = new CopyOnWriteArrayList<>();
        live.register(root, received::add);
        ui.add(root);
        return new Page(ui, root, received);
    }

    private void publishCommitted(LiveChange change) {
        transactions.executeWithoutResult(status -> events.publishEvent(change));
    }

    @Test
    void a_committed_change_reaches_the_open_pages_of_the_accounts_and_structures_it_names_and_no_other() throws Exception {
        long structure = fx.structure(true, "30");
        String member = fx.account(Roles.STRUCTURE, structure);
        String named = fx.account(Roles.STRUCTURE);
        String other = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        Page memberPage = open(member);
        Page namedPage = open(named);
        Page otherPage = open(other);
        AppUser namedUser = fx.as(named);

        LiveChange aboutTheStructure = LiveChange.ofCommun(42L, List.of(structure));
        publishCommitted(aboutTheStructure);
        assertThat(memberPage.ui().awaitAccess()).isTrue();
        assertThat(memberPage.received()).containsExactly(aboutTheStructure);

        LiveChange forTheAccount = LiveChange.forAccounts(List.of(namedUser.id()));
        publishCommitted(forTheAccount);
        assertThat(namedPage.ui().awaitAccess()).isTrue();
        assertThat(namedPage.received()).containsExactly(forTheAccount);

        // Deliveries run in order on one thread: once the last one has arrived, the others would have too.
        assertThat(otherPage.ui().pendingAccesses()).isZero();
        assertThat(otherPage.received()).isEmpty();
        assertThat(memberPage.received()).hasSize(1);
    }

    @Test
    void a_change_published_in_a_transaction_rolled_back_reaches_nobody() throws Exception {
        long structure = fx.structure(true, "30");
        Page page = open(fx.account(Roles.STRUCTURE, structure));

        transactions.executeWithoutResult(status -> {
            events.publishEvent(LiveChange.ofCommun(1L, List.of(structure)));
            status.setRollbackOnly();
        });
        LiveChange committed = LiveChange.ofCommun(2L, List.of(structure));
        publishCommitted(committed);

        assertThat(page.ui().awaitAccess()).isTrue();
        assertThat(page.received()).containsExactly(committed);
    }

    @Test
    void a_page_detached_or_closed_is_forgotten() throws Exception {
        long structure = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, structure);
        int before = live.registered();
        Page leaving = open(email);
        Page staying = open(email);
        assertThat(live.registered()).isEqualTo(before + 2);

        leaving.ui().remove(leaving.root());             // navigation away, tab closed, session expired
        assertThat(live.registered()).isEqualTo(before + 1);
        publishCommitted(LiveChange.ofCommun(3L, List.of(structure)));

        assertThat(staying.ui().awaitAccess()).isTrue();
        assertThat(staying.received()).hasSize(1);
        assertThat(leaving.ui().pendingAccesses()).isZero();
        assertThat(leaving.received()).isEmpty();

        staying.ui().close();                            // a UI being closed is dropped at the next delivery
        publishCommitted(LiveChange.ofCommun(4L, List.of(structure)));
        publishCommitted(LiveChange.ofCommun(5L, Set.of(structure)));
        long deadline = System.currentTimeMillis() + 10_000;
        while (live.registered() > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(live.registered()).isEqualTo(before);
    }

    @Test
    void a_visitor_who_is_not_logged_in_registers_nothing() {
        fx.logout();
        int before = live.registered();
        TestUi ui = TestUi.open();
        Div root = new Div();
        live.register(root, change -> { });
        ui.add(root);
        assertThat(live.registered()).isEqualTo(before);
    }

    @Test
    void the_bell_of_an_open_page_counts_a_new_notification_without_reloading() throws Exception {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long communId = fx.deposit(porteurEmail, porteur);
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);

        fx.as(porteurEmail);
        TestUi ui = TestUi.open();
        MainLayout layout = new MainLayout(new AuthenticationContext(), unread, live);
        ui.add(layout);
        layout.refreshUnreadNotifications();
        Span count = bellCount(layout);
        assertThat(count.isVisible()).isFalse();

        fx.as(candidateEmail);
        groupements.requestToJoin(communId, candidate, RoleGroupement.MEMBRE, null);   // notifies the porteur

        assertThat(ui.awaitAccess()).isTrue();
        while (ui.pendingAccesses() > 0) {
            ui.awaitAccess();
        }
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("1");
    }

    private static Span bellCount(Component layout) {
        return TestUi.descendants(layout).filter(c -> c instanceof Span && c.hasClassName("notification-count"))
                .map(Span.class::cast).findFirst().orElseThrow();
    }
}
