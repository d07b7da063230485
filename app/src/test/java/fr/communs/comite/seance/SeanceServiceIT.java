package fr.communs.comite.seance;

import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.COMITE_DEPORT;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.ValidationException;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The séances of the comité through the real service, on embedded PostgreSQL and the real Camunda engine. */
@SpringBootTest
@ActiveProfiles("test")
class SeanceServiceIT {
    /** Each test its own day (the checks of a séance look at its day). */
    private static final AtomicInteger JOUR = new AtomicInteger(3);

    @Autowired Fixtures fx;
    @Autowired SeanceService seances;
    @Autowired RuntimeService runtime;
    @Autowired DSLContext dsl;

    String agent;
    LocalDate jour;
    /** Members of other tests put out of the period of this test's séances, and their end of period to restore. */
    private final Map<Long, LocalDate> misDeCote = new HashMap<>();

    @BeforeEach
    void setUp() {
        fx.campagne();
        agent = fx.account(Roles.AGENT);
        jour = Dates.today().plusDays(JOUR.incrementAndGet());
    }

    @AfterEach
    void tearDown() {
        misDeCote.forEach((id, au) -> dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.ACTIF_AU, au)
                .where(COMITE_MEMBRE.APP_USER_ID.eq(id)).execute());
        fx.logout();
    }

    /** A transmitted file declared recevable: it waits for a séance. */
    private long recevable() {
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        return t.communId();
    }

    private LocalDateTime a(int heure, int minute) {
        return jour.atTime(LocalTime.of(heure, minute));
    }

    private boolean attendA(long communId, String activity) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .activityId(activity).count() > 0;
    }

    private long creer(List<Creneau> ordre) {
        fx.as(agent);
        return seances.create(new SeanceData(a(14, 0), "Hôtel du Département, Nîmes", null, ordre));
    }

    private static List<String> erreurs(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("refus attendu");
    }

    @Test
    void a_seance_created_with_its_agenda_convokes_its_files_which_then_wait_for_their_audition() {
        long d1 = recevable();
        long d2 = recevable();
        assertThat(attendA(d1, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isTrue();
        fx.as(agent);
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d1, d2);

        long id = creer(List.of(new Creneau(d1, a(14, 0), 30), new Creneau(d2, a(14, 30), 45)));
        fx.runJobs(d1);
        fx.runJobs(d2);

        fx.as(agent);
        Seance s = seances.get(id);
        assertThat(s.statut()).isEqualTo(Seance.Statut.PREPARATION);
        assertThat(s.debut()).isEqualTo(a(14, 0));
        assertThat(seances.ordreDuJour(id)).extracting(Audition::communId, Audition::debut, Audition::dureeMinutes,
                Audition::statut).containsExactly(
                org.assertj.core.groups.Tuple.tuple(d1, a(14, 0), 30, Audition.Statut.PREVUE),
                org.assertj.core.groups.Tuple.tuple(d2, a(14, 30), 45, Audition.Statut.PREVUE));
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).doesNotContain(d1, d2);
        assertThat(attendA(d1, CycleCommunProcess.TASK_ATTENDRE_AUDITION)).isTrue();
        assertThat(attendA(d2, CycleCommunProcess.TASK_ATTENDRE_AUDITION)).isTrue();
        assertThat(attendA(d1, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isFalse();
    }

    @Test
    void a_seance_in_the_past_without_place_nor_link_with_a_link_not_https_or_with_a_file_not_recevable_is_refused() {
        long d = recevable();
        Fixtures.Transmis pasRecevable = fx.transmis();
        fx.as(agent);
        int avant = seances.count();
        List<Creneau> ordre = List.of(new Creneau(d, a(14, 0), 30));

        LocalDateTime hier = Dates.today().minusDays(1).atTime(14, 0);
        assertThat(erreurs(() -> seances.create(new SeanceData(hier, "Nîmes", null,
                List.of(new Creneau(d, hier, 30)))))).contains("La séance doit avoir lieu à une date à venir.");
        assertThat(erreurs(() -> seances.create(new SeanceData(a(14, 0), " ", null, ordre))))
                .contains("Indiquez le lieu de la séance ou son lien de visioconférence.");
        assertThat(erreurs(() -> seances.create(new SeanceData(a(14, 0), null, "http://visio.example/comite", ordre))))
                .contains("Le lien de visioconférence doit être une adresse web complète (https://…).");
        assertThat(erreurs(() -> seances.create(new SeanceData(a(14, 0), null, "visio.example/comite", ordre))))
                .contains("Le lien de visioconférence doit être une adresse web complète (https://…).");
        assertThat(erreurs(() -> seances.create(new SeanceData(a(14, 0), "Nîmes", null,
                List.of(new Creneau(pasRecevable.communId(), a(14, 0), 30))))))
                .anySatisfy(e -> assertThat(e).contains("n'attend pas de séance"));
        assertThat(erreurs(() -> seances.create(new SeanceData(a(14, 0), "Nîmes", null, List.of()))))
                .contains("Ajoutez au moins un dossier à l'ordre du jour.");

        assertThat(seances.count()).as("nothing created").isEqualTo(avant);
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d);
        long ok = seances.create(new SeanceData(a(14, 0), null, "https://visio.example/comite", ordre));
        assertThat(seances.get(ok).lienVisio()).isEqualTo("https://visio.example/comite");
    }

    @Test
    void overlapping_slots_and_lengths_outside_5_to_240_minutes_are_refused_and_change_nothing() {
        long d1 = recevable();
        long d2 = recevable();
        fx.as(agent);
        int avant = seances.count();

        assertThat(erreurs(() -> creer(List.of(new Creneau(d1, a(14, 0), 30), new Creneau(d2, a(14, 20), 30)))))
                .contains("Deux auditions se chevauchent à 14:20 : décalez un créneau.");
        assertThat(erreurs(() -> creer(List.of(new Creneau(d1, a(14, 0), 4)))))
                .anySatisfy(e -> assertThat(e).contains("doit être de 5 à 240 minutes"));
        assertThat(erreurs(() -> creer(List.of(new Creneau(d1, a(14, 0), 241)))))
                .anySatisfy(e -> assertThat(e).contains("doit être de 5 à 240 minutes"));
        assertThat(erreurs(() -> creer(List.of(new Creneau(d1, a(13, 0), 30)))))
                .anySatisfy(e -> assertThat(e).contains("ne peut pas commencer avant la séance"));

        fx.as(agent);
        assertThat(seances.count()).isEqualTo(avant);
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d1, d2);
        long ok = creer(List.of(new Creneau(d1, a(14, 0), 5), new Creneau(d2, a(14, 5), 240)));
        fx.as(agent);
        assertThat(seances.ordreDuJour(ok)).hasSize(2);
    }

    @Test
    void a_file_is_ajourne_to_another_seance_in_preparation_or_back_to_the_files_waiting_for_a_seance() {
        long d1 = recevable();
        long d2 = recevable();
        long d3 = recevable();
        long premiere = creer(List.of(new Creneau(d1, a(14, 0), 30), new Creneau(d2, a(14, 30), 30)));
        LocalDate autreJour = jour.plusDays(7);
        fx.as(agent);
        long seconde = seances.create(new SeanceData(autreJour.atTime(9, 0), "Alès", null,
                List.of(new Creneau(d3, autreJour.atTime(9, 0), 30))));
        List.of(d1, d2, d3).forEach(fx::runJobs);

        fx.as(agent);
        assertThat(erreurs(() -> seances.ajourner(premiere, d1, " ", seconde, new Creneau(d1, autreJour.atTime(9, 30), 30))))
                .contains("Le champ « Motif de l'ajournement » est obligatoire.");
        assertThat(erreurs(() -> seances.ajourner(premiere, d1, "Pièces manquantes", seconde,
                new Creneau(d1, autreJour.atTime(9, 10), 30))))
                .contains("Deux auditions se chevauchent à 09:10 : décalez un créneau.");

        seances.ajourner(premiere, d1, "Le groupement demande un report", seconde, new Creneau(d1, autreJour.atTime(9, 30), 30));
        fx.runJobs(d1);
        fx.as(agent);
        assertThat(seances.ordreDuJour(premiere)).filteredOn(x -> x.communId() == d1).singleElement()
                .satisfies(x -> {
                    assertThat(x.statut()).isEqualTo(Audition.Statut.DEPLACEE);
                    assertThat(x.motif()).isEqualTo("Le groupement demande un report");
                });
        assertThat(seances.ordreDuJour(seconde)).filteredOn(x -> x.communId() == d1).singleElement()
                .satisfies(x -> {
                    assertThat(x.statut()).isEqualTo(Audition.Statut.PREVUE);
                    assertThat(x.debut()).isEqualTo(autreJour.atTime(9, 30));
                });
        assertThat(attendA(d1, CycleCommunProcess.TASK_ATTENDRE_AUDITION)).isTrue();
        assertThat(seances.auditionPrevue(d1)).map(Audition::seanceId).contains(seconde);

        seances.ajourner(premiere, d2, "Budget à revoir avant l'audition", null, null);
        fx.runJobs(d2);
        fx.as(agent);
        assertThat(attendA(d2, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isTrue();
        assertThat(attendA(d2, CycleCommunProcess.TASK_ATTENDRE_AUDITION)).isFalse();
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d2).doesNotContain(d1);
        assertThat(seances.auditionPrevue(d2)).isEmpty();
    }

    /** Four members active on the séance's day (the others' period ends before it), one of them recused from {@code d}. */
    private List<Long> quatreMembres(long recuseDe) {
        List<Long> membres = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = fx.account(Roles.COMITE);
            long id = fx.idOf(email);
            assertThat(dsl.fetchExists(COMITE_MEMBRE, COMITE_MEMBRE.APP_USER_ID.eq(id)))
                    .as("a comité account is a member of the comité").isTrue();
            membres.add(id);
        }
        dsl.select(COMITE_MEMBRE.APP_USER_ID, COMITE_MEMBRE.ACTIF_AU).from(COMITE_MEMBRE)
                .where(COMITE_MEMBRE.APP_USER_ID.notIn(membres))
                .and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(jour)))
                .and(COMITE_MEMBRE.ACTIF_DU.le(Dates.today()))
                .forEach(r -> misDeCote.put(r.value1(), r.value2()));
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.ACTIF_AU, Dates.today())
                .where(COMITE_MEMBRE.APP_USER_ID.in(misDeCote.keySet())).execute();
        dsl.update(CAMPAGNE).set(CAMPAGNE.COMITE_QUORUM_POURCENT, (short) 50).execute();
        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, recuseDe).set(COMITE_DEPORT.APP_USER_ID, membres.get(0))
                .set(COMITE_DEPORT.MOTIF, "Je préside une structure du groupement").execute();
        return membres;
    }

    @Test
    void the_quorum_is_half_of_the_active_members_rounded_up_and_a_recused_member_does_not_count() {
        long d1 = recevable();
        long d2 = recevable();
        List<Long> m = quatreMembres(d1);
        long id = creer(List.of(new Creneau(d1, a(14, 0), 30), new Creneau(d2, a(14, 30), 30)));

        fx.as(agent);
        assertThat(seances.membres(id)).extracting(MembreSeance::membreId).containsExactlyInAnyOrderElementsOf(m);
        Map<Long, Presence> presences = new LinkedHashMap<>();
        presences.put(m.get(0), Presence.PRESENT);
        presences.put(m.get(1), Presence.PRESENT);
        presences.put(m.get(2), Presence.EXCUSE);
        presences.put(m.get(3), Presence.ABSENT);
        seances.enregistrerPresences(id, presences);

        Map<Long, Quorum> q = new HashMap<>();
        seances.quorums(id).forEach(x -> q.put(x.communId(), x));
        assertThat(q.get(d1).actifs()).isEqualTo(4);
        assertThat(q.get(d1).requis()).isEqualTo(2);
        assertThat(q.get(d1).votants()).as("the recused member does not vote").containsExactly(m.get(1));
        assertThat(q.get(d1).deportes()).hasSize(1);
        assertThat(q.get(d1).atteint()).isFalse();
        assertThat(q.get(d2).votants()).containsExactlyInAnyOrder(m.get(0), m.get(1));
        assertThat(q.get(d2).deportes()).isEmpty();
        assertThat(q.get(d2).atteint()).isTrue();

        presences.put(m.get(2), Presence.PRESENT);
        seances.enregistrerPresences(id, presences);
        seances.quorums(id).forEach(x -> q.put(x.communId(), x));
        assertThat(q.get(d1).votants()).containsExactlyInAnyOrder(m.get(1), m.get(2));
        assertThat(q.get(d1).atteint()).isTrue();
    }

    @Test
    void a_seance_opens_only_once_every_member_s_attendance_is_recorded() {
        long d = recevable();
        List<Long> m = quatreMembres(d);
        long id = creer(List.of(new Creneau(d, a(14, 0), 30)));
        fx.as(agent);
        seances.enregistrerPresences(id, Map.of(m.get(0), Presence.PRESENT, m.get(1), Presence.PRESENT));

        assertThat(erreurs(() -> seances.ouvrir(id))).singleElement()
                .satisfies(e -> assertThat(e).startsWith("Relevez d'abord la présence de"));
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.PREPARATION);
        assertThat(fx.tasks(d, CycleCommunProcess.TASK_NOTER_SEANCE)).isEmpty();
    }

    @Test
    void opening_gives_a_scoring_task_per_file_to_the_present_non_recused_members_only_and_closing_waits_for_the_avis() {
        long d1 = recevable();
        long d2 = recevable();
        List<Long> m = quatreMembres(d1);
        long id = creer(List.of(new Creneau(d1, a(14, 0), 30), new Creneau(d2, a(14, 30), 30)));
        fx.as(agent);
        seances.enregistrerPresences(id, Map.of(m.get(0), Presence.PRESENT, m.get(1), Presence.PRESENT,
                m.get(2), Presence.PRESENT, m.get(3), Presence.ABSENT));

        List<Quorum> quorums = seances.ouvrir(id);
        fx.runJobs(d1);
        fx.runJobs(d2);

        assertThat(quorums).allSatisfy(q -> assertThat(q.atteint()).isTrue());
        fx.as(agent);
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.OUVERTE);
        assertThat(fx.tasks(d1, CycleCommunProcess.TASK_NOTER_SEANCE)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(String.valueOf(m.get(1)), String.valueOf(m.get(2)));
        assertThat(fx.tasks(d2, CycleCommunProcess.TASK_NOTER_SEANCE)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(String.valueOf(m.get(0)), String.valueOf(m.get(1)), String.valueOf(m.get(2)));
        assertThat(seances.ordreDuJour(id)).extracting(Audition::statut).containsOnly(Audition.Statut.TENUE);

        assertThat(erreurs(() -> seances.clore(id))).singleElement()
                .satisfies(e -> assertThat(e).startsWith("La séance ne peut pas encore être close")
                        .contains("attend encore son avis"));
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.OUVERTE);
    }
}
