package fr.communs.comite.convocation;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.COMITE_DEPORT;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONVOCATION;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static fr.communs.db.Tables.OUTBOX_MAIL_PIECE;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fr.communs.base.Dates;
import fr.communs.comite.seance.SeanceEvents;
import fr.communs.db.tables.records.OutboxMailPieceRecord;
import fr.communs.db.tables.records.OutboxMailRecord;
import fr.communs.notification.NotificationType;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Convocations on the real services and database: the séance's rows are inserted here, its events published in a
 * transaction as the séance service does; notifications, outbox mails and their .ics (parsed with biweekly) are read
 * back from the database.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConvocationIT {
    private static final String LIEU = "Hôtel du Département, Nîmes";
    private static final String VISIO = "https://visio.example.org/comite-du-gard";
    /** 12/01/2027 at 14:00 in Paris (13:00 UTC, winter time). */
    private static final OffsetDateTime SEANCE_DEBUT = at(2027, 1, 12, 14, 0);

    @Autowired Fixtures fx;
    @Autowired Notified notified;
    @Autowired DSLContext dsl;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    private Fixtures.Transmis a;
    private Fixtures.Transmis b;
    private String titreA;
    private String titreB;
    private String membre;
    private String deporte;
    private List<String> inactifs;

    @BeforeEach
    void setUp() {
        fx.campagne();
        a = fx.transmis();
        b = fx.transmis();
        titreA = titre(a.communId());
        titreB = titre(b.communId());
        membre = fx.account(Roles.COMITE);
        deporte = fx.account(Roles.COMITE);
        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, a.communId()).set(COMITE_DEPORT.APP_USER_ID, fx.idOf(deporte))
                .set(COMITE_DEPORT.MOTIF, "Je conseille une structure du groupement").execute();
        String finie = fx.account(Roles.COMITE);            // mandate ended two days before the séance
        membreSet(finie, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 10), null);
        String desactive = fx.account(Roles.COMITE);        // deactivated by an administrator
        membreSet(desactive, LocalDate.of(2026, 1, 1), null, OffsetDateTime.now());
        String future = fx.account(Roles.COMITE);           // joins after the séance
        membreSet(future, LocalDate.of(2027, 2, 1), null, null);
        inactifs = List.of(finie, desactive, future);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void convoking_a_seance_tells_each_active_member_and_each_groupement_with_date_place_link_slot_and_an_ics_request() {
        long seance = seance(SEANCE_DEBUT, LIEU, VISIO);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        audition(seance, b.communId(), SEANCE_DEBUT.plusMinutes(45), 30);

        publish(new SeanceEvents.SeanceConvoquee(seance));

        String sujetMembre = "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00";
        assertThat(notified.of(membre, NotificationType.CONVOCATION, "seances/" + seance)).singleElement()
                .satisfies(n -> assertThat(n.getTexte()).contains("Date : 12/01/2027 à 14:00 (heure de Paris)",
                        "Lieu : " + LIEU, "- 14:00 à 14:45 : « " + titreA + " »", "- 14:45 à 15:15 : « " + titreB + " »",
                        "Visioconférence : " + VISIO));
        OutboxMailRecord mail = single(membre, sujetMembre);
        assertThat(mail.getTexte()).contains("Vous êtes convoqué(e) à la séance du Comité d'accompagnement des communs.",
                "Date : 12/01/2027 à 14:00 (heure de Paris)", "Lieu : Hôtel du Département, Nîmes",
                "Ordre du jour :\n- 14:00 à 14:45 : « " + titreA + " »\n- 14:45 à 15:15 : « " + titreB + " »",
                "Visioconférence :\n" + VISIO + "\n", "/seances/" + seance)
                .doesNotContain("déporté");
        OutboxMailPieceRecord piece = piece(mail);
        assertThat(piece.getNomFichier()).isEqualTo("convocation.ics");
        assertThat(piece.getTypeContenu()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        ICalendar ical = ics(piece);
        assertThat(ical.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent event = ical.getEvents().get(0);
        assertThat(event.getUid().getValue()).isEqualTo("seance-" + seance + "-membre-" + fx.idOf(membre) + "@communs.localhost");
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(SEANCE_DEBUT.toInstant())
                .hasToString("2027-01-12T13:00:00Z");
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(at(2027, 1, 12, 15, 15).toInstant());
        assertThat(event.getLocation().getValue()).isEqualTo(LIEU);
        assertThat(event.getUrl().getValue()).isEqualTo(VISIO);
        assertThat(event.getDescription().getValue()).contains("« " + titreA + " »", "« " + titreB + " »");
        assertThat(event.getAttendees()).singleElement().satisfies(att -> assertThat(att.getEmail()).isEqualTo(membre));
        assertThat(event.getOrganizer().getEmail()).isEqualTo("ne-pas-repondre@communs.localhost");
        assertThat(new String(piece.getContenu(), StandardCharsets.UTF_8)).contains("DTSTART:20270112T130000Z",
                "METHOD:REQUEST", "SEQUENCE:0");

        for (String email : List.of(a.porteurEmail(), a.membreEmail(), a.contributeurEmail())) {
            assertThat(notified.of(email, NotificationType.CONVOCATION, "communs/" + a.communId())).hasSize(1);
            OutboxMailRecord m = single(email, "[Communs] Convocation : audition de « " + titreA + " » le 12/01/2027 à 14:00");
            assertThat(m.getTexte()).contains("Le groupement du commun « " + titreA + " » est convoqué à son audition",
                    "Votre audition : 12/01/2027 à 14:00 (heure de Paris), durée 45 minutes.", "Lieu : " + LIEU,
                    "La séance du comité commence le 12/01/2027 à 14:00", VISIO)
                    .doesNotContain(titreB);
            VEvent audition = ics(piece(m)).getEvents().get(0);
            assertThat(audition.getUid().getValue()).isEqualTo("seance-" + seance + "-commun-" + a.communId() + "@communs.localhost");
            assertThat(audition.getSequence().getValue()).isZero();
            assertThat(audition.getDateStart().getValue().toInstant()).isEqualTo(SEANCE_DEBUT.toInstant());
            assertThat(audition.getDateEnd().getValue().toInstant()).isEqualTo(SEANCE_DEBUT.plusMinutes(45).toInstant());
            assertThat(audition.getAttendees()).singleElement().satisfies(att -> assertThat(att.getEmail()).isEqualTo(email));
        }
        OutboxMailRecord groupeB = single(b.membreEmail(),
                "[Communs] Convocation : audition de « " + titreB + " » le 12/01/2027 à 14:45");
        assertThat(groupeB.getTexte()).contains("Votre audition : 12/01/2027 à 14:45 (heure de Paris), durée 30 minutes.")
                .doesNotContain(titreA);

        // exactly: the members active on 12/01/2027 and the people of the two groupements, each once
        assertThat(recipients(NotificationType.CONVOCATION, "seances/" + seance))
                .containsExactlyInAnyOrderElementsOf(activeMemberEmails(LocalDate.of(2027, 1, 12)))
                .contains(membre, deporte).doesNotContainAnyElementsOf(inactifs);
        assertThat(recipients(NotificationType.CONVOCATION, "communs/" + a.communId()))
                .containsExactlyInAnyOrder(a.porteurEmail(), a.membreEmail(), a.contributeurEmail());
        assertThat(recipients(NotificationType.CONVOCATION, "communs/" + b.communId()))
                .containsExactlyInAnyOrder(b.porteurEmail(), b.membreEmail(), b.contributeurEmail());
        for (String inactif : inactifs) {
            assertThat(dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(inactif))).as(inactif).isZero();
        }
    }

    @Test
    void a_recused_member_has_the_file_neither_in_the_mail_nor_in_the_ics() {
        String membreDeB = fx.account(Roles.COMITE, b.membreStructureId());  // recused automatically (GROUPEMENT)
        fx.logout();
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        audition(seance, b.communId(), SEANCE_DEBUT.plusMinutes(45), 30);

        publish(new SeanceEvents.SeanceConvoquee(seance));

        OutboxMailRecord mail = single(deporte, "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        assertThat(mail.getTexte()).contains("Ordre du jour :\n- 14:45 à 15:15 : « " + titreB + " »",
                "(Les dossiers dont vous êtes déporté(e) ne figurent pas dans votre ordre du jour.)")
                .doesNotContain(titreA).doesNotContain("Visioconférence");
        VEvent event = ics(piece(mail)).getEvents().get(0);
        assertThat(event.getDescription().getValue()).contains(titreB).doesNotContain(titreA);
        assertThat(event.getUrl()).isNull();
        assertThat(notified.of(deporte, NotificationType.CONVOCATION, "seances/" + seance)).singleElement()
                .satisfies(n -> assertThat(n.getTexte()).doesNotContain(titreA));
        OutboxMailRecord auto = single(membreDeB, "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        assertThat(auto.getTexte()).contains("- 14:00 à 14:45 : « " + titreA + " »", "déporté(e)").doesNotContain(titreB);
        assertThat(ics(piece(auto)).getEvents().get(0).getDescription().getValue()).doesNotContain(titreB);
        assertThat(single(membre, "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00").getTexte())
                .contains(titreA, titreB).doesNotContain("déporté");
    }

    @Test
    void a_video_only_seance_gives_the_link_as_place_and_the_link_stays_clickable_in_the_mail() {
        long seance = seance(SEANCE_DEBUT, null, VISIO);
        audition(seance, a.communId(), SEANCE_DEBUT.plusMinutes(30), 20);

        publish(new SeanceEvents.SeanceConvoquee(seance));

        OutboxMailRecord mail = single(a.porteurEmail(), "[Communs] Convocation : audition de « " + titreA + " » le 12/01/2027 à 14:30");
        assertThat(mail.getTexte()).contains("Visioconférence : en ligne, lien ci-dessous.", "Visioconférence :\n" + VISIO + "\n")
                .doesNotContain("Lieu :");
        VEvent event = ics(piece(mail)).getEvents().get(0);
        assertThat(event.getLocation().getValue()).isEqualTo("Visioconférence");
        assertThat(event.getUrl().getValue()).isEqualTo(VISIO);
    }

    @Test
    void changing_the_date_sends_everyone_an_update_with_the_same_uid_and_the_next_sequence_and_nothing_when_nothing_changed() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        publish(new SeanceEvents.SeanceConvoquee(seance));
        VEvent avant = ics(piece(single(membre, "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00")))
                .getEvents().get(0);

        OffsetDateTime nouveau = at(2027, 1, 19, 9, 30);
        dsl.update(SEANCE).set(SEANCE.DEBUT, nouveau).set(SEANCE.LIEU, "Salle du conseil, Alès").where(SEANCE.SEANCE_ID.eq(seance)).execute();
        dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.DEBUT, nouveau).where(SEANCE_AUDITION.SEANCE_ID.eq(seance)).execute();
        publish(new SeanceEvents.SeanceModifiee(seance));

        OutboxMailRecord maj = single(membre, "[Communs] Convocation modifiée : séance du Comité d'accompagnement le 19/01/2027 à 09:30");
        assertThat(maj.getTexte()).contains("a changé : voici votre convocation à jour", "Date : 19/01/2027 à 09:30",
                "Lieu : Salle du conseil, Alès", "- 09:30 à 10:15 : « " + titreA + " »");
        assertThat(notified.of(membre, NotificationType.CONVOCATION_MODIFIEE, "seances/" + seance)).hasSize(1);
        ICalendar ical = ics(piece(maj));
        assertThat(ical.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent apres = ical.getEvents().get(0);
        assertThat(apres.getUid().getValue()).isEqualTo(avant.getUid().getValue());
        assertThat(apres.getSequence().getValue()).isEqualTo(avant.getSequence().getValue() + 1).isEqualTo(1);
        assertThat(apres.getDateStart().getValue().toInstant()).hasToString("2027-01-19T08:30:00Z");
        assertThat(apres.getLocation().getValue()).isEqualTo("Salle du conseil, Alès");

        VEvent groupe = ics(piece(single(a.membreEmail(),
                "[Communs] Convocation modifiée : audition de « " + titreA + " » le 19/01/2027 à 09:30"))).getEvents().get(0);
        assertThat(groupe.getSequence().getValue()).isEqualTo(1);
        assertThat(groupe.getUid().getValue()).isEqualTo("seance-" + seance + "-commun-" + a.communId() + "@communs.localhost");

        int mails = dsl.fetchCount(OUTBOX_MAIL);
        publish(new SeanceEvents.SeanceModifiee(seance));               // nothing changed since: nobody is mailed again
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).isEqualTo(mails);
    }

    @Test
    void a_slot_change_updates_that_groupement_and_the_members_who_have_the_file_but_not_the_recused_member_nor_the_other_groupement() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        long auditionA = audition(seance, a.communId(), SEANCE_DEBUT, 45);
        audition(seance, b.communId(), SEANCE_DEBUT.plusMinutes(45), 30);
        publish(new SeanceEvents.SeanceConvoquee(seance));

        // A later and shorter within the séance (which still ends at 15:15 with B)
        dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.DEBUT, SEANCE_DEBUT.plusMinutes(15)).set(SEANCE_AUDITION.DUREE_MINUTES, (short) 25)
                .where(SEANCE_AUDITION.SEANCE_AUDITION_ID.eq(auditionA)).execute();
        publish(new SeanceEvents.CreneauModifie(seance, a.communId()));

        OutboxMailRecord groupeMaj = single(a.porteurEmail(),
                "[Communs] Convocation modifiée : audition de « " + titreA + " » le 12/01/2027 à 14:15");
        assertThat(groupeMaj.getTexte()).contains("Votre audition : 12/01/2027 à 14:15 (heure de Paris), durée 25 minutes.");
        VEvent groupe = ics(piece(groupeMaj)).getEvents().get(0);
        assertThat(groupe.getSequence().getValue()).isEqualTo(1);
        assertThat(groupe.getDateStart().getValue().toInstant()).isEqualTo(at(2027, 1, 12, 14, 15).toInstant());
        assertThat(groupe.getDateEnd().getValue().toInstant()).isEqualTo(at(2027, 1, 12, 14, 40).toInstant());
        OutboxMailRecord membreMaj = single(membre, "[Communs] Convocation modifiée : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        assertThat(membreMaj.getTexte()).contains("- 14:15 à 14:40 : « " + titreA + " »\n- 14:45 à 15:15 : « " + titreB + " »");
        assertThat(ics(piece(membreMaj)).getEvents().get(0).getSequence().getValue()).isEqualTo(1);
        assertThat(notified.of(deporte, NotificationType.CONVOCATION_MODIFIEE, "seances/" + seance)).isEmpty();
        assertThat(notified.of(b.porteurEmail(), NotificationType.CONVOCATION_MODIFIEE, "communs/" + b.communId())).isEmpty();
    }

    @Test
    void a_file_taken_off_gets_a_cancel_with_the_reason_and_is_convoked_to_the_seance_it_moves_to() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        long auditionA = audition(seance, a.communId(), SEANCE_DEBUT, 45);
        audition(seance, b.communId(), SEANCE_DEBUT.plusMinutes(45), 30);
        publish(new SeanceEvents.SeanceConvoquee(seance));
        OffsetDateTime suivante = at(2027, 2, 9, 10, 0);
        long seance2 = seance(suivante, "Salle du conseil, Alès", null);
        publish(new SeanceEvents.SeanceConvoquee(seance2));

        dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.STATUT, "DEPLACEE").set(SEANCE_AUDITION.MOTIF, "Budget à compléter")
                .where(SEANCE_AUDITION.SEANCE_AUDITION_ID.eq(auditionA)).execute();
        audition(seance2, a.communId(), suivante, 45);
        publish(new SeanceEvents.AuditionRetiree(seance, a.communId(), "Budget à compléter", seance2));

        OutboxMailRecord retrait = single(a.membreEmail(), "[Communs] Audition retirée de la séance du 12/01/2027 : « " + titreA + " »");
        assertThat(retrait.getTexte()).contains("prévue le 12/01/2027 à 14:00, est retirée de l'ordre du jour",
                "Motif : Budget à compléter", "Le dossier est inscrit à la séance du 09/02/2027 à 10:00");
        assertThat(notified.of(a.membreEmail(), NotificationType.CONVOCATION_ANNULEE, "communs/" + a.communId())).hasSize(1);
        OutboxMailPieceRecord annulation = piece(retrait);
        assertThat(annulation.getNomFichier()).isEqualTo("annulation.ics");
        assertThat(annulation.getTypeContenu()).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        ICalendar cancel = ics(annulation);
        assertThat(cancel.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(cancel.getEvents().get(0).getUid().getValue()).isEqualTo("seance-" + seance + "-commun-" + a.communId() + "@communs.localhost");
        assertThat(cancel.getEvents().get(0).getSequence().getValue()).isEqualTo(1);
        assertThat(cancel.getEvents().get(0).getStatus().getValue()).isEqualTo("CANCELLED");

        VEvent nouvelle = ics(piece(single(a.membreEmail(),
                "[Communs] Convocation : audition de « " + titreA + " » le 09/02/2027 à 10:00"))).getEvents().get(0);
        assertThat(nouvelle.getUid().getValue()).isEqualTo("seance-" + seance2 + "-commun-" + a.communId() + "@communs.localhost");
        assertThat(nouvelle.getSequence().getValue()).isZero();

        OutboxMailRecord agenda = single(membre, "[Communs] Convocation modifiée : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        assertThat(agenda.getTexte()).contains(titreB).doesNotContain(titreA);
        assertThat(notified.of(b.porteurEmail(), NotificationType.CONVOCATION_ANNULEE, "communs/" + b.communId())).isEmpty();

        int mails = dsl.fetchCount(OUTBOX_MAIL);
        publish(new SeanceEvents.AuditionAjoutee(seance2, a.communId()));   // the move was already convoked: no double
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).isEqualTo(mails);
    }

    @Test
    void cancelling_the_seance_sends_everyone_convoked_a_method_cancel_with_the_reason() {
        long seance = seance(SEANCE_DEBUT, LIEU, VISIO);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        publish(new SeanceEvents.SeanceConvoquee(seance));
        dsl.update(SEANCE).set(SEANCE.STATUT, "ANNULEE").where(SEANCE.SEANCE_ID.eq(seance)).execute();

        publish(new SeanceEvents.SeanceAnnulee(seance, "Quorum impossible : trop de membres excusés"));

        OutboxMailRecord mail = single(membre, "[Communs] Séance annulée : Comité d'accompagnement du 12/01/2027 à 14:00");
        assertThat(mail.getTexte()).contains("est annulée", "Motif : Quorum impossible : trop de membres excusés");
        ICalendar ical = ics(piece(mail));
        assertThat(ical.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(ical.getEvents().get(0).getSequence().getValue()).isEqualTo(1);
        assertThat(ical.getEvents().get(0).getUid().getValue()).isEqualTo("seance-" + seance + "-membre-" + fx.idOf(membre) + "@communs.localhost");
        OutboxMailRecord groupe = single(a.contributeurEmail(),
                "[Communs] Séance annulée : audition de « " + titreA + " » du 12/01/2027 à 14:00");
        assertThat(groupe.getTexte()).contains("n'aura pas lieu", "Motif : Quorum impossible");
        assertThat(ics(piece(groupe)).getMethod().getValue()).isEqualTo("CANCEL");
        ICalendar recuse = ics(piece(single(deporte, "[Communs] Séance annulée : Comité d'accompagnement du 12/01/2027 à 14:00")));
        assertThat(recuse.getEvents().get(0).getDescription().getValue()).as("still without the file they are recused from")
                .doesNotContain(titreA);
        assertThat(recipients(NotificationType.CONVOCATION_ANNULEE, "seances/" + seance))
                .containsExactlyInAnyOrderElementsOf(recipients(NotificationType.CONVOCATION, "seances/" + seance));
        assertThat(dsl.fetchCount(CONVOCATION, CONVOCATION.SEANCE_ID.eq(seance).and(CONVOCATION.ANNULEE_LE.isNull()))).isZero();

        int mails = dsl.fetchCount(OUTBOX_MAIL);
        publish(new SeanceEvents.SeanceAnnulee(seance, "Deux fois"));
        publish(new SeanceEvents.RappelVeille(seance));
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).as("nothing after the cancellation").isEqualTo(mails);
    }

    @Test
    void the_reminder_of_the_day_before_goes_once_to_everyone_convoked_with_the_invitation_again() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        publish(new SeanceEvents.SeanceConvoquee(seance));

        publish(new SeanceEvents.RappelVeille(seance));
        publish(new SeanceEvents.RappelVeille(seance));                // a second timer firing: no second reminder

        OutboxMailRecord rappel = single(membre, "[Communs] Rappel : séance du Comité d'accompagnement le 12/01/2027 à 14:00");
        assertThat(rappel.getTexte()).contains("Rappel de votre convocation", "Date : 12/01/2027 à 14:00");
        VEvent event = ics(piece(rappel)).getEvents().get(0);
        assertThat(event.getSequence().getValue()).as("nothing changed: same SEQUENCE").isZero();
        assertThat(single(a.porteurEmail(), "[Communs] Rappel : audition de « " + titreA + " » le 12/01/2027 à 14:00").getTexte())
                .contains("Votre audition : 12/01/2027 à 14:00");
        assertThat(recipients(NotificationType.RAPPEL_CONVOCATION, "seances/" + seance))
                .containsExactlyInAnyOrderElementsOf(recipients(NotificationType.CONVOCATION, "seances/" + seance));
        assertThat(notified.of(deporte, NotificationType.RAPPEL_CONVOCATION, "seances/" + seance)).hasSize(1);
    }

    @Test
    void nothing_is_kept_nor_mailed_when_the_action_rolls_back_and_the_convocation_goes_later_from_sequence_zero() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        int mails = dsl.fetchCount(OUTBOX_MAIL);

        tx.executeWithoutResult(status -> {
            events.publishEvent(new SeanceEvents.SeanceConvoquee(seance));
            assertThat(dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(membre))).as("written in the action").isEqualTo(1);
            status.setRollbackOnly();                                // the séance service failed after publishing
        });

        assertThat(dsl.fetchCount(OUTBOX_MAIL)).isEqualTo(mails);
        assertThat(notified.of(membre, NotificationType.CONVOCATION, "seances/" + seance)).isEmpty();
        assertThat(dsl.fetchCount(CONVOCATION, CONVOCATION.SEANCE_ID.eq(seance))).isZero();

        publish(new SeanceEvents.SeanceConvoquee(seance));
        VEvent event = ics(piece(single(membre, "[Communs] Convocation : séance du Comité d'accompagnement le 12/01/2027 à 14:00")))
                .getEvents().get(0);
        assertThat(event.getSequence().getValue()).isZero();
    }

    @Test
    void events_of_a_seance_never_convoked_send_nothing_and_publishing_outside_a_transaction_is_refused() {
        long seance = seance(SEANCE_DEBUT, LIEU, null);
        audition(seance, a.communId(), SEANCE_DEBUT, 45);
        int mails = dsl.fetchCount(OUTBOX_MAIL);

        publish(new SeanceEvents.AuditionAjoutee(seance, a.communId()));
        publish(new SeanceEvents.SeanceModifiee(seance));
        publish(new SeanceEvents.RappelVeille(seance));
        publish(new SeanceEvents.SeanceAnnulee(seance, null));

        assertThat(dsl.fetchCount(CONVOCATION, CONVOCATION.SEANCE_ID.eq(seance))).isZero();
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).isEqualTo(mails);
        assertThatThrownBy(() -> events.publishEvent(new SeanceEvents.SeanceConvoquee(seance)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).isEqualTo(mails);
    }

    // ------------------------------------------------------------------ helpers

    private static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(Dates.ZONE).toOffsetDateTime();
    }

    private void publish(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
    }

    private String titre(long communId) {
        return dsl.select(COMMUN.TITRE).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).fetchOne().value1();
    }

    private void membreSet(String email, LocalDate du, LocalDate au, OffsetDateTime desactiveLe) {
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.ACTIF_DU, du).set(COMITE_MEMBRE.ACTIF_AU, au)
                .set(COMITE_MEMBRE.DESACTIVE_LE, desactiveLe).where(COMITE_MEMBRE.APP_USER_ID.eq(fx.idOf(email))).execute();
    }

    private long seance(OffsetDateTime debut, String lieu, String lienVisio) {
        long campagne = dsl.select(CAMPAGNE.CAMPAGNE_ID).from(CAMPAGNE).orderBy(CAMPAGNE.CAMPAGNE_ID.desc()).limit(1)
                .fetchOne().value1();
        return dsl.insertInto(SEANCE).set(SEANCE.CAMPAGNE_ID, campagne).set(SEANCE.DEBUT, debut).set(SEANCE.LIEU, lieu)
                .set(SEANCE.LIEN_VISIO, lienVisio).set(SEANCE.CREE_PAR, fx.idOf(fx.admin()))
                .returning(SEANCE.SEANCE_ID).fetchOne().getSeanceId();
    }

    private long audition(long seance, long communId, OffsetDateTime debut, int minutes) {
        return dsl.insertInto(SEANCE_AUDITION).set(SEANCE_AUDITION.SEANCE_ID, seance).set(SEANCE_AUDITION.COMMUN_ID, communId)
                .set(SEANCE_AUDITION.DEBUT, debut).set(SEANCE_AUDITION.DUREE_MINUTES, (short) minutes)
                .returning(SEANCE_AUDITION.SEANCE_AUDITION_ID).fetchOne().getSeanceAuditionId();
    }

    private OutboxMailRecord single(String email, String subject) {
        List<OutboxMailRecord> mails = notified.mails(email, subject);
        assertThat(mails).as(email + " : " + subject).hasSize(1);
        return mails.get(0);
    }

    private OutboxMailPieceRecord piece(OutboxMailRecord mail) {
        List<OutboxMailPieceRecord> pieces = dsl.selectFrom(OUTBOX_MAIL_PIECE)
                .where(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_ID.eq(mail.getOutboxMailId())).fetch();
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).getTaille()).isEqualTo(pieces.get(0).getContenu().length);
        return pieces.get(0);
    }

    private static ICalendar ics(OutboxMailPieceRecord piece) {
        List<ICalendar> all = Biweekly.parse(new String(piece.getContenu(), StandardCharsets.UTF_8)).all();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getEvents()).hasSize(1);
        return all.get(0);
    }

    /** E-mails of everyone who received a notification of this type with this link, once per notification. */
    private List<String> recipients(NotificationType type, String lien) {
        return dsl.select(APP_USER.EMAIL).from(NOTIFICATION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(NOTIFICATION.APP_USER_ID))
                .where(NOTIFICATION.TYPE.eq(type.name())).and(NOTIFICATION.LIEN.eq(lien))
                .fetch(r -> r.value1());
    }

    /** E-mails of the members active on that day whose account can be written to (computed here, independently). */
    private Set<String> activeMemberEmails(LocalDate day) {
        return dsl.select(APP_USER.EMAIL).from(COMITE_MEMBRE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .where(COMITE_MEMBRE.ACTIF_DU.le(day)).and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(day)))
                .and(COMITE_MEMBRE.DESACTIVE_LE.isNull()).and(APP_USER.ACTIF.isTrue()).and(APP_USER.EMAIL_CONFIRME.isTrue())
                .fetch(r -> r.value1()).stream().collect(Collectors.toSet());
    }
}
