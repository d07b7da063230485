package fr.communs.notification;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.db.tables.records.OutboxMailRecord;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications through the real service on embedded PostgreSQL. Mails are kept in the outbox (as in the demo
 * profile), in the caller's transaction, so the test reads exactly what each person was sent.
 */
@SpringBootTest(properties = "communs.mail.outbox=true")
@ActiveProfiles("test")
class NotificationServiceIT {
    private static final Pattern ANY_LINK = Pattern.compile("(?i)\\bhttps?://\\S+");

    @Autowired NotificationService notifications;
    @Autowired Fixtures fx;
    @Autowired TransactionTemplate transactions;
    @Autowired DSLContext dsl;

    @AfterEach
    void logout() {
        fx.logout();
    }

    private void inTransaction(Runnable action) {
        transactions.executeWithoutResult(status -> action.run());
    }

    private long id(String email) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    private static String unique(String text) {
        return text + " " + System.nanoTime();
    }

    /** Accounts that received a notification with this title. */
    private List<Long> notifiedWith(String titre) {
        return dsl.select(NOTIFICATION.APP_USER_ID).from(NOTIFICATION).where(NOTIFICATION.TITRE.eq(titre))
                .orderBy(NOTIFICATION.APP_USER_ID).fetch(r -> r.value1());
    }

    private List<OutboxMailRecord> mailsTo(String email) {
        return dsl.selectFrom(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.eq(email)).fetch();
    }

    private List<OutboxMailRecord> mailsWithSubject(String subject) {
        return dsl.selectFrom(OUTBOX_MAIL).where(OUTBOX_MAIL.SUJET.eq(subject)).fetch();
    }

    private long notify(String email, String titre) {
        long userId = id(email);
        inTransaction(() -> notifications.notifyUsers(List.of(userId), NotificationType.INVITATION, titre,
                "Le texte de « " + titre + " ».", "communs/1"));
        return dsl.select(NOTIFICATION.NOTIFICATION_ID).from(NOTIFICATION)
                .where(NOTIFICATION.APP_USER_ID.eq(userId).and(NOTIFICATION.TITRE.eq(titre))).fetchOne().value1();
    }

    @Test
    void the_confirmed_active_members_of_the_structures_are_notified_once_each_except_the_person_who_acts() {
        long s1 = fx.structure(true, "30");
        long s2 = fx.structure(true, "30");
        long s3 = fx.structure(true, "34");
        String actor = fx.account(Roles.STRUCTURE, s1, s2);
        String inBoth = fx.account(Roles.STRUCTURE, s1, s2);
        String inOne = fx.account(Roles.STRUCTURE, s2);
        String elsewhere = fx.account(Roles.STRUCTURE, s3);
        String applicant = fx.account(Roles.STRUCTURE);
        dsl.insertInto(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.STRUCTURE_ID, s1).set(STRUCTURE_MEMBRE.APP_USER_ID, id(applicant))
                .set(STRUCTURE_MEMBRE.STATUT, "DEMANDE").execute();
        String deactivated = fx.account(Roles.STRUCTURE, s1);
        dsl.update(APP_USER).set(APP_USER.ACTIF, false).where(APP_USER.EMAIL.eq(deactivated)).execute();
        String unconfirmed = fx.account(Roles.STRUCTURE, s2);
        dsl.update(APP_USER).set(APP_USER.EMAIL_CONFIRME, false).where(APP_USER.EMAIL.eq(unconfirmed)).execute();
        String titre = unique("Nouvelle demande d'adhésion");

        fx.as(actor);
        inTransaction(() -> notifications.notifyStructures(List.of(s1, s2, s1), NotificationType.DEMANDE_ADHESION,
                titre, "La structure « Les Jardins » demande à rejoindre votre groupement.", "communs/12"));

        assertThat(notifiedWith(titre)).containsExactly(id(inBoth), id(inOne));
        for (String recipient : List.of(inBoth, inOne)) {
            List<OutboxMailRecord> mails = mailsTo(recipient);
            assertThat(mails).hasSize(1);
            OutboxMailRecord mail = mails.get(0);
            assertThat(mail.getSujet()).isEqualTo("[Communs] " + titre);
            assertThat(mail.getTexte()).startsWith("La structure « Les Jardins » demande à rejoindre votre groupement.\n\n")
                    .containsPattern("\n\nhttp://localhost:\\d+/communs/12\n\n")
                    .contains("Vous recevez ce courriel parce que vous êtes membre d'une structure concernée");
        }
        for (String nobody : List.of(actor, elsewhere, applicant, deactivated, unconfirmed)) {
            assertThat(mailsTo(nobody)).as(nobody).isEmpty();
        }
        assertThat(mailsWithSubject("[Communs] " + titre)).hasSize(2);
    }

    @Test
    void a_role_notification_reaches_the_active_accounts_with_that_role_but_not_the_agent_who_acts() {
        String agent = fx.account(Roles.AGENT);
        String actingAgent = fx.account(Roles.AGENT);
        String formerAgent = fx.account(Roles.AGENT);
        dsl.update(APP_USER).set(APP_USER.ACTIF, false).where(APP_USER.EMAIL.eq(formerAgent)).execute();
        String comite = fx.account(Roles.COMITE);
        String titre = unique("Un dossier a été transmis");

        fx.as(actingAgent);
        inTransaction(() -> notifications.notifyRole(Roles.AGENT, NotificationType.TRANSMISSION, titre,
                "Un groupement a transmis son dossier.", "communs/3"));

        assertThat(notifiedWith(titre)).contains(id(agent))
                .doesNotContain(id(actingAgent), id(formerAgent), id(comite));
        assertThat(mailsTo(agent)).extracting(OutboxMailRecord::getSujet).containsExactly("[Communs] " + titre);
        assertThat(mailsTo(agent).get(0).getTexte()).contains("« Agent du Département »");
        assertThat(mailsTo(actingAgent)).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> notifications.notifyRole("PIRATE", NotificationType.TRANSMISSION,
                titre, "texte", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listed_accounts_are_notified_once_even_when_listed_twice_and_without_link_the_mail_has_only_the_notifications_link() {
        String first = fx.account(Roles.STRUCTURE);
        String second = fx.account(Roles.COMITE);
        String titre = unique("Votre rôle a changé");

        inTransaction(() -> notifications.notifyUsers(List.of(id(first), id(second), id(first)),
                NotificationType.ROLE_MODIFIE, titre, "Vous êtes désormais contributeur.", null));

        assertThat(notifiedWith(titre)).containsExactlyInAnyOrder(id(first), id(second));
        String text = mailsTo(first).get(0).getTexte();
        Matcher links = ANY_LINK.matcher(text);
        assertThat(links.find()).isTrue();
        assertThat(links.group()).matches("http://localhost:\\d+/notifications");
        assertThat(links.find()).isFalse();
    }

    @Test
    void the_reader_counts_lists_newest_first_and_marks_read_only_for_the_logged_in_person() {
        String reader = fx.account(Roles.STRUCTURE);
        String other = fx.account(Roles.STRUCTURE);
        long oldest = notify(reader, unique("Première"));
        long middle = notify(reader, unique("Deuxième"));
        long newest = notify(reader, unique("Troisième"));
        notify(other, unique("Pour quelqu'un d'autre"));

        assertThat(notifications.unreadCount()).as("nobody logged in").isZero();
        assertThatThrownBy(() -> notifications.mine(0, 20)).isInstanceOf(NotAllowedException.class);
        fx.as(reader);
        assertThat(notifications.unreadCount()).isEqualTo(3);
        assertThat(notifications.countMine()).isEqualTo(3);
        List<Notification> mine = notifications.mine(0, 20);
        assertThat(mine).extracting(Notification::id).containsExactly(newest, middle, oldest);
        assertThat(mine).allSatisfy(n -> {
            assertThat(n.lue()).isFalse();
            assertThat(n.type()).isEqualTo(NotificationType.INVITATION);
            assertThat(n.lien()).isEqualTo("communs/1");
            assertThat(n.createdAt()).isNotNull();
        });
        assertThat(notifications.mine(1, 1)).extracting(Notification::id).containsExactly(middle);

        notifications.markRead(middle);
        assertThat(notifications.unreadCount()).isEqualTo(2);
        Notification read = notifications.mine(0, 20).get(1);
        assertThat(read.lue()).isTrue();
        var firstReading = read.luLe();
        notifications.markRead(middle);
        assertThat(notifications.mine(0, 20).get(1).luLe()).as("read once, date kept").isEqualTo(firstReading);

        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.mine(0, 20)).allMatch(Notification::lue);

        fx.as(other);
        assertThat(notifications.unreadCount()).as("someone else's notifications are untouched").isEqualTo(1);
    }

    @Test
    void nobody_can_mark_someone_elses_notification_read_and_it_stays_unread() {
        String owner = fx.account(Roles.STRUCTURE);
        String intruder = fx.account(Roles.STRUCTURE);
        long notification = notify(owner, unique("Personnelle"));

        fx.as(intruder);
        assertThatThrownBy(() -> notifications.markRead(notification)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Cette notification n'existe pas ou ne vous est pas destinée.");
        assertThatThrownBy(() -> notifications.markRead(Long.MAX_VALUE)).isInstanceOf(NotAllowedException.class);
        notifications.markAllRead();
        fx.logout();
        assertThatThrownBy(() -> notifications.markRead(notification)).isInstanceOf(NotAllowedException.class);

        fx.as(owner);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        assertThat(notifications.mine(0, 20)).singleElement().satisfies(n -> assertThat(n.lue()).isFalse());
    }

    @Test
    void writers_refuse_to_run_outside_the_callers_transaction() {
        String person = fx.account(Roles.STRUCTURE);
        long structure = fx.structure(true, "30");
        fx.account(Roles.STRUCTURE, structure);
        String titre = unique("Hors transaction");

        assertThatThrownBy(() -> notifications.notifyUsers(List.of(id(person)), NotificationType.INVITATION, titre, "t", null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> notifications.notifyStructures(List.of(structure), NotificationType.INVITATION, titre, "t", null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> notifications.notifyRole(Roles.AGENT, NotificationType.INVITATION, titre, "t", null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(notifiedWith(titre)).isEmpty();
        assertThat(mailsWithSubject("[Communs] " + titre)).isEmpty();
    }

    @Test
    void a_rolled_back_action_leaves_neither_notification_nor_mail() {
        String person = fx.account(Roles.STRUCTURE);
        String titre = unique("Action annulée");

        transactions.executeWithoutResult(status -> {
            notifications.notifyUsers(List.of(id(person)), NotificationType.OFFRE_CONTRIBUTION, titre, "texte", "communs/2");
            status.setRollbackOnly();
        });

        assertThat(notifiedWith(titre)).isEmpty();
        assertThat(mailsTo(person)).isEmpty();
    }

    @Test
    void names_that_look_like_web_addresses_reach_mails_neutralised_and_the_application_unchanged() {
        String person = fx.account(Roles.STRUCTURE);
        String titre = unique("Invitation de « https://pirate.example/login »");
        String texte = "La structure « www.pirate.fr » (contact@pirate.fr) vous invite : HTTP://autre.example.org/x\r\nFin.";

        inTransaction(() -> notifications.notifyUsers(List.of(id(person)), NotificationType.INVITATION, titre, texte,
                "communs/7"));

        OutboxMailRecord mail = mailsTo(person).get(0);
        assertThat(mail.getSujet()).doesNotContain("://").doesNotContain("pirate.example").contains("https[:]//pirate[.]example/login");
        assertThat(mail.getTexte()).doesNotContain("www.pirate").doesNotContain("pirate.fr").doesNotContain("autre.example")
                .doesNotContain("\r").contains("« www[.]pirate[.]fr » (contact@pirate[.]fr)");
        Matcher links = ANY_LINK.matcher(mail.getTexte());
        List<String> found = links.results().map(m -> m.group()).toList();
        assertThat(found).hasSize(2).allMatch(l -> l.matches("http://localhost:\\d+/(communs/7|notifications)"));
        fx.as(person);
        Notification shown = notifications.mine(0, 1).get(0);
        assertThat(shown.titre()).isEqualTo(titre);
        assertThat(shown.texte()).isEqualTo(texte.strip());
    }

    @Test
    void a_link_must_be_a_route_of_the_platform_and_title_and_text_are_required() {
        String person = fx.account(Roles.STRUCTURE);
        for (String lien : List.of("https://pirate.example", "//pirate.example", "/communs/1", "javascript:alert(1)",
                "communs/../admin", "communs/1 2")) {
            assertThatThrownBy(() -> inTransaction(() -> notifications.notifyUsers(List.of(id(person)),
                    NotificationType.INVITATION, "Titre", "Texte", lien))).as(lien).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> inTransaction(() -> notifications.notifyUsers(List.of(id(person)),
                NotificationType.INVITATION, " ", "Texte", null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> inTransaction(() -> notifications.notifyUsers(List.of(id(person)),
                null, "Titre", "Texte", null))).isInstanceOf(ValidationException.class);
        assertThat(mailsTo(person)).isEmpty();

        String longTitre = "T".repeat(500);
        inTransaction(() -> notifications.notifyUsers(List.of(id(person)), NotificationType.INVITATION, longTitre,
                "Texte", "communs/5?onglet=groupement"));
        fx.as(person);
        Notification n = notifications.mine(0, 1).get(0);
        assertThat(n.titre()).hasSize(300).endsWith("…");
        assertThat(n.lien()).isEqualTo("communs/5?onglet=groupement");
        assertThat(mailsTo(person)).singleElement().satisfies(m -> assertThat(m.getSujet()).hasSize(200).startsWith("[Communs] TTT"));
    }

    @Test
    void pages_hold_at_most_the_requested_number_and_together_every_notification() {
        String person = fx.account(Roles.STRUCTURE);
        for (int i = 0; i < 25; i++) {
            notify(person, unique("Notification " + i));
        }
        fx.as(person);

        assertThat(notifications.countMine()).isEqualTo(25);
        List<Notification> first = notifications.mine(0, 20);
        List<Notification> second = notifications.mine(20, 20);
        assertThat(first).hasSize(20);
        assertThat(second).hasSize(5);
        assertThat(first.get(0).titre()).startsWith("Notification 24 ");
        assertThat(second.get(4).titre()).startsWith("Notification 0 ");
        assertThat(Set.copyOf(first.stream().map(Notification::id).toList()))
                .doesNotContainAnyElementsOf(second.stream().map(Notification::id).toList());
        assertThat(notifications.mine(0, 10_000)).hasSize(25);
    }
}
