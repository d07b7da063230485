package fr.communs.messagerie;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.MESSAGE;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.STRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.db.tables.records.NotificationRecord;
import fr.communs.notification.NotificationType;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Fixtures.Transmis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The message thread of a file through the real service, on embedded PostgreSQL, notifications included. */
@SpringBootTest
@ActiveProfiles("test")
class MessageServiceIT {
    @Autowired MessageService messages;
    @Autowired CommunService communs;
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;

    Transmis file;
    String agent;
    String agent2;

    @BeforeEach
    void setUp() {
        fx.campagne();
        file = fx.transmis();
        agent = fx.account(Roles.AGENT);
        agent2 = fx.account(Roles.AGENT);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    // ------------------------------------------------------------------ helpers

    private long id(String email) {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    private String nomStructure(long structureId) {
        return dsl.select(STRUCTURE.NOM).from(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(structureId)).fetchOne().value1();
    }

    private String titre(long communId) {
        return dsl.select(COMMUN.TITRE).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).fetchOne().value1();
    }

    /** The MESSAGE notifications whose link leads to this commun (for structures or for agents). */
    private List<NotificationRecord> notificationsAbout(long communId) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.TYPE.eq(NotificationType.MESSAGE.name()))
                .and(NOTIFICATION.LIEN.in("communs/" + communId + "/messages", "dossiers/" + communId))
                .orderBy(NOTIFICATION.APP_USER_ID).fetch();
    }

    private List<Long> notified(long communId) {
        return notificationsAbout(communId).stream().map(NotificationRecord::getAppUserId).toList();
    }

    /** Every account a role notification reaches: active agents whose address is confirmed. */
    private List<Long> allAgents() {
        return dsl.select(APP_USER.APP_USER_ID).from(APP_USER)
                .where(APP_USER.ROLE.eq(Roles.AGENT)).and(APP_USER.ACTIF.isTrue()).and(APP_USER.EMAIL_CONFIRME.isTrue())
                .orderBy(APP_USER.APP_USER_ID).fetch(r -> r.value1());
    }

    private int stored(long communId) {
        return dsl.fetchCount(MESSAGE, MESSAGE.COMMUN_ID.eq(communId));
    }

    private void assign(long communId, String instructeurEmail) {
        dsl.insertInto(DOSSIER_SUIVI).set(DOSSIER_SUIVI.COMMUN_ID, communId)
                .set(DOSSIER_SUIVI.INSTRUCTEUR_ID, id(instructeurEmail))
                .set(DOSSIER_SUIVI.ATTRIBUE_PAR, id(instructeurEmail))
                .set(DOSSIER_SUIVI.ATTRIBUE_LE, java.time.OffsetDateTime.now()).execute();
    }

    // ------------------------------------------------------------------ agent → groupement

    @Test
    void an_agent_message_notifies_every_structure_of_the_groupement_and_not_the_agent() {
        fx.as(agent);
        long messageId = messages.post(file.communId(), null, "  Bonjour, pouvez-vous joindre vos statuts ?  ");

        assertThat(notified(file.communId())).containsExactlyInAnyOrder(
                id(file.porteurEmail()), id(file.membreEmail()), id(file.contributeurEmail()));
        assertThat(notified(file.communId())).doesNotContain(id(agent), id(agent2));
        NotificationRecord n = notificationsAbout(file.communId()).get(0);
        assertThat(n.getTitre()).isEqualTo("Nouveau message sur « " + titre(file.communId()) + " »");
        assertThat(n.getTexte()).isEqualTo("Bonjour, pouvez-vous joindre vos statuts ?");
        assertThat(n.getLien()).isEqualTo("communs/" + file.communId() + "/messages");

        List<Message> thread = messages.thread(file.communId());
        assertThat(thread).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(messageId);
            assertThat(m.communId()).isEqualTo(file.communId());
            assertThat(m.cote()).isEqualTo(Cote.AGENT);
            assertThat(m.auteurNom()).isEqualTo("Personne " + agent);
            assertThat(m.structureNom()).isNull();
            assertThat(m.texte()).isEqualTo("Bonjour, pouvez-vous joindre vos statuts ?");
            assertThat(m.date()).isNotNull();
        });
    }

    @Test
    void the_notification_quotes_only_the_first_200_characters_of_a_long_message() {
        fx.as(agent);
        String texte = "a".repeat(150) + "b".repeat(150);
        messages.post(file.communId(), null, texte);

        assertThat(notificationsAbout(file.communId())).isNotEmpty()
                .allSatisfy(n -> assertThat(n.getTexte()).isEqualTo("a".repeat(150) + "b".repeat(50) + "…"));
        assertThat(messages.thread(file.communId()).get(0).texte()).isEqualTo(texte);
    }

    @Test
    void an_agent_writes_for_the_departement_and_cannot_name_a_structure() {
        fx.as(agent);
        assertThatThrownBy(() -> messages.post(file.communId(), file.membreStructureId(), "Bonjour"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Un agent écrit au nom du Département");
        assertThat(stored(file.communId())).isZero();
        assertThat(messages.postingOptions(file.communId()))
                .isEqualTo(new PostingOptions(true, Cote.AGENT, List.of()));
    }

    // ------------------------------------------------------------------ groupement → agents

    @Test
    void a_member_message_notifies_every_agent_when_the_file_has_no_instructeur() {
        fx.as(file.membreEmail());
        messages.post(file.communId(), null, "Nous avons une question sur le budget.");

        assertThat(notified(file.communId())).containsExactlyElementsOf(allAgents())
                .contains(id(agent), id(agent2))
                .doesNotContain(id(file.porteurEmail()), id(file.membreEmail()), id(file.contributeurEmail()));
        assertThat(notificationsAbout(file.communId()))
                .allSatisfy(n -> assertThat(n.getLien()).isEqualTo("dossiers/" + file.communId()));

        Message m = messages.thread(file.communId()).get(0);
        assertThat(m.cote()).isEqualTo(Cote.GROUPEMENT);
        assertThat(m.structureNom()).isEqualTo(nomStructure(file.membreStructureId()));
        assertThat(m.auteurNom()).isEqualTo("Personne " + file.membreEmail());
    }

    @Test
    void a_member_message_notifies_only_the_instructeur_when_the_file_has_one() {
        assign(file.communId(), agent2);

        fx.as(file.porteurEmail());
        messages.post(file.communId(), null, "Voici la réponse à votre question.");

        assertThat(notified(file.communId())).containsExactly(id(agent2));
        assertThat(notificationsAbout(file.communId()).get(0).getLien()).isEqualTo("dossiers/" + file.communId());
    }

    @Test
    void a_member_message_reaches_every_agent_when_the_instructeur_account_is_deactivated() {
        assign(file.communId(), agent2);
        dsl.update(APP_USER).set(APP_USER.ACTIF, false).where(APP_USER.EMAIL.eq(agent2)).execute();

        fx.as(file.contributeurEmail());
        messages.post(file.communId(), null, "Le dossier est-il complet ?");

        assertThat(notified(file.communId())).containsExactlyElementsOf(allAgents()).contains(id(agent))
                .doesNotContain(id(agent2));
    }

    // ------------------------------------------------------------------ who reads

    @Test
    void the_thread_is_oldest_first_and_read_by_agents_administrators_and_every_structure_of_the_groupement() {
        fx.as(agent);
        messages.post(file.communId(), null, "Première question du Département.");
        fx.as(file.membreEmail());
        messages.post(file.communId(), null, "Réponse du membre.");
        fx.as(agent2);
        messages.post(file.communId(), null, "Merci, c'est noté.");

        for (String reader : List.of(agent, agent2, fx.admin(), file.porteurEmail(), file.membreEmail(),
                file.contributeurEmail())) {
            fx.as(reader);
            assertThat(messages.thread(file.communId())).extracting(Message::texte)
                    .as("thread read by %s", reader)
                    .containsExactly("Première question du Département.", "Réponse du membre.", "Merci, c'est noté.");
            assertThat(messages.count(file.communId())).isEqualTo(3);
            assertThat(messages.canRead(file.communId())).isTrue();
        }
        fx.as(file.porteurEmail());
        assertThat(messages.latest(file.communId(), 2)).extracting(Message::texte)
                .containsExactly("Réponse du membre.", "Merci, c'est noté.");
        assertThat(messages.communTitle(file.communId())).isEqualTo(titre(file.communId()));
    }

    @Test
    void another_structure_the_comite_and_anonymous_can_neither_read_nor_post_and_nothing_is_stored() {
        fx.as(agent);
        messages.post(file.communId(), null, "Un message du Département.");
        long outsider = fx.structure(true, "30");
        String outsiderEmail = fx.account(Roles.STRUCTURE, outsider);
        String comite = fx.account(Roles.COMITE);
        int notificationsBefore = notificationsAbout(file.communId()).size();

        List<String> people = new ArrayList<>(List.of(outsiderEmail, comite));
        people.add(null);
        for (String person : people) {
            if (person == null) {
                fx.logout();
            } else {
                fx.as(person);
            }
            assertThatThrownBy(() -> messages.thread(file.communId())).as("thread for %s", person)
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("Seuls les membres du groupement et les agents du Département voient ces messages.");
            assertThatThrownBy(() -> messages.count(file.communId())).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> messages.latest(file.communId(), 50)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> messages.communTitle(file.communId())).isInstanceOf(NotAllowedException.class);
            assertThat(messages.canRead(file.communId())).isFalse();
            assertThatThrownBy(() -> messages.post(file.communId(), null, "Je voudrais écrire."))
                    .as("post by %s", person).isInstanceOf(NotAllowedException.class);
        }
        fx.as(outsiderEmail);
        assertThatThrownBy(() -> messages.post(file.communId(), outsider, "Au nom de ma structure."))
                .isInstanceOf(NotAllowedException.class);

        assertThat(stored(file.communId())).isEqualTo(1);
        assertThat(notificationsAbout(file.communId())).hasSize(notificationsBefore);
    }

    @Test
    void an_administrator_reads_the_thread_but_cannot_write_in_it() {
        fx.as(fx.admin());
        assertThat(messages.postingOptions(file.communId()).canPost()).isFalse();
        assertThatThrownBy(() -> messages.post(file.communId(), null, "Bonjour"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(stored(file.communId())).isZero();
    }

    @Test
    void a_draft_has_no_thread_even_for_its_own_structure() {
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        fx.as(porteurEmail);
        long draft = communs.createDraft(porteur, new CommunData("Un brouillon", null, null, null, null, Set.of(),
                Set.of(), null, false, false, Set.of(), null));

        assertThatThrownBy(() -> messages.thread(draft)).isInstanceOf(ValidationException.class)
                .hasMessage("Ce commun n'existe pas.");
        assertThatThrownBy(() -> messages.post(draft, porteur, "Bonjour")).isInstanceOf(ValidationException.class);
        fx.as(agent);
        assertThatThrownBy(() -> messages.post(draft, null, "Bonjour")).isInstanceOf(ValidationException.class)
                .hasMessage("Ce commun n'existe pas.");
        assertThatThrownBy(() -> messages.thread(Long.MAX_VALUE)).isInstanceOf(ValidationException.class);
        assertThat(stored(draft)).isZero();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void an_empty_or_too_long_text_is_refused_and_nothing_is_stored() {
        fx.as(file.membreEmail());
        for (String blank : new String[] {null, "", "   \n\t "}) {
            assertThatThrownBy(() -> messages.post(file.communId(), null, blank))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("Le champ « Message » est obligatoire.");
        }
        assertThatThrownBy(() -> messages.post(file.communId(), null, "x".repeat(4001)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Le champ « Message » ne doit pas dépasser 4000 caractères.");
        assertThat(stored(file.communId())).isZero();
        assertThat(notificationsAbout(file.communId())).isEmpty();

        messages.post(file.communId(), null, "  " + "x".repeat(4000) + "  ");
        assertThat(messages.thread(file.communId())).singleElement()
                .satisfies(m -> assertThat(m.texte()).hasSize(4000));
    }

    @Test
    void a_member_of_two_structures_of_the_groupement_must_choose_which_one_they_write_for() {
        long elsewhere = fx.structure(true, "30");
        String both = fx.account(Roles.STRUCTURE, file.membreStructureId(), file.contributeurStructureId(), elsewhere);
        fx.as(both);

        PostingOptions options = messages.postingOptions(file.communId());
        assertThat(options.mustChooseStructure()).isTrue();
        assertThat(options.structures()).extracting(StructureOption::id)
                .containsExactlyInAnyOrder(file.membreStructureId(), file.contributeurStructureId());

        assertThatThrownBy(() -> messages.post(file.communId(), null, "Bonjour"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("choisissez celle au nom de laquelle vous écrivez");
        assertThatThrownBy(() -> messages.post(file.communId(), elsewhere, "Bonjour"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ne fait pas partie du groupement");
        assertThatThrownBy(() -> messages.post(file.communId(), file.porteurStructureId(), "Bonjour"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(stored(file.communId())).isZero();

        messages.post(file.communId(), file.contributeurStructureId(), "Au nom du contributeur.");
        assertThat(messages.thread(file.communId())).singleElement()
                .satisfies(m -> assertThat(m.structureNom()).isEqualTo(nomStructure(file.contributeurStructureId())));
    }

    @Test
    void a_member_of_a_single_structure_of_the_groupement_writes_for_it_without_choosing() {
        fx.as(file.membreEmail());
        PostingOptions options = messages.postingOptions(file.communId());
        assertThat(options.mustChooseStructure()).isFalse();
        assertThat(options.structures()).extracting(StructureOption::id).containsExactly(file.membreStructureId());

        messages.post(file.communId(), file.membreStructureId(), "En nommant la structure.");
        messages.post(file.communId(), null, "Sans la nommer.");
        assertThat(messages.thread(file.communId())).extracting(Message::structureNom)
                .containsOnly(nomStructure(file.membreStructureId()));
    }

    // ------------------------------------------------------------------ bulk

    @Test
    void post_to_many_posts_to_each_file_and_notifies_each_groupement() {
        Transmis other = fx.transmis();
        fx.as(agent);

        int posted = messages.postToMany(List.of(file.communId(), other.communId(), file.communId()),
                "Rappel : le comité se réunit le 12 mars.");

        assertThat(posted).isEqualTo(2);
        for (Transmis t : List.of(file, other)) {
            assertThat(messages.thread(t.communId())).singleElement().satisfies(m -> {
                assertThat(m.cote()).isEqualTo(Cote.AGENT);
                assertThat(m.texte()).isEqualTo("Rappel : le comité se réunit le 12 mars.");
            });
            assertThat(notified(t.communId())).containsExactlyInAnyOrder(
                    id(t.porteurEmail()), id(t.membreEmail()), id(t.contributeurEmail()));
        }
    }

    @Test
    void post_to_many_posts_nothing_at_all_when_one_file_is_unknown() {
        Transmis other = fx.transmis();
        long unknown = 987_654_321L;
        fx.as(agent);

        assertThatThrownBy(() -> messages.postToMany(List.of(file.communId(), other.communId(), unknown), "Bonjour"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(String.valueOf(unknown))
                .hasMessageContaining("Aucun message n'a été envoyé");

        assertThat(stored(file.communId())).isZero();
        assertThat(stored(other.communId())).isZero();
        assertThat(notificationsAbout(file.communId())).isEmpty();
        assertThat(notificationsAbout(other.communId())).isEmpty();
    }

    @Test
    void post_to_many_is_for_agents_only_and_checks_its_input() {
        fx.as(file.porteurEmail());
        assertThatThrownBy(() -> messages.postToMany(List.of(file.communId()), "Bonjour"))
                .isInstanceOf(NotAllowedException.class);

        fx.as(agent);
        assertThatThrownBy(() -> messages.postToMany(List.of(), "Bonjour"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("au moins un dossier");
        List<Long> tooMany = LongStream.rangeClosed(1, 201).boxed().toList();
        assertThatThrownBy(() -> messages.postToMany(tooMany, "Bonjour"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("au plus 200 dossiers");
        assertThatThrownBy(() -> messages.postToMany(List.of(file.communId()), " "))
                .isInstanceOf(ValidationException.class).hasMessage("Le champ « Message » est obligatoire.");
        assertThatThrownBy(() -> messages.postToMany(List.of(file.communId()), "y".repeat(4001)))
                .isInstanceOf(ValidationException.class);
        assertThat(stored(file.communId())).isZero();
    }
}
