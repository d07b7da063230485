package fr.communs.comite.notation;

import static fr.communs.db.Tables.COMITE_DEPORT;
import static fr.communs.db.Tables.COMITE_NOTATION;
import static fr.communs.db.Tables.COMITE_SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.Quorum;
import fr.communs.comite.seance.SeanceService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.TaskNotAvailableException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's scoring at a séance through the real service, on embedded PostgreSQL and the real Camunda engine:
 * one task per present, non-recused member and file, independent scores, scores of the others shown only after one's
 * own, corrections until the séance closes, the recused kept out, the grid's scale enforced.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotationServiceIT {
    private static final String PREMIER_CRITERE = "Nombre et typologie des contributeurs";

    @Autowired Fixtures fx;
    @Autowired NotationService notation;
    @Autowired SeanceService seances;
    @Autowired DSLContext dsl;

    @BeforeEach
    void setUp() {
        fx.campagne();
        // At least two members score every file: "the others" always exist.
        while (dsl.fetchCount(fr.communs.db.Tables.APP_USER, fr.communs.db.Tables.APP_USER.ROLE.eq(Roles.COMITE)) < 2) {
            fx.account(Roles.COMITE);
        }
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** A recevable file put on a new séance, opened with every member present: the scoring tasks are open. */
    private Heard heard() {
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        long seanceId = fx.enAudition(t.communId());
        return new Heard(t, t.communId(), seanceId, fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE));
    }

    private record Heard(Fixtures.Transmis t, long communId, long seanceId, List<Task> taches) {
        Task tache(int i) {
            return taches.get(i);
        }
    }

    private String membreDe(Task task) {
        return fx.emailOf(Long.parseLong(task.getAssignee()));
    }

    private List<Critere> grille(Task task) {
        fx.as(membreDe(task));
        List<Critere> grille = notation.fiche(task.getId()).grille();
        fx.logout();
        return grille;
    }

    private static List<NoteCritere> partout(List<Critere> grille, int note, String commentaire) {
        return grille.stream().map(c -> new NoteCritere(c.id(), note, commentaire)).toList();
    }

    private int notationsEnBase(long seanceId, long communId) {
        return dsl.fetchCount(COMITE_NOTATION, COMITE_NOTATION.SEANCE_ID.eq(seanceId).and(COMITE_NOTATION.COMMUN_ID.eq(communId)));
    }

    private int scoresEnBase(long seanceId, long communId) {
        return dsl.fetchCount(COMITE_SCORE, COMITE_SCORE.SEANCE_ID.eq(seanceId).and(COMITE_SCORE.COMMUN_ID.eq(communId)));
    }

    private List<Integer> notesDe(long seanceId, long communId, long membreId) {
        return dsl.select(COMITE_SCORE.NOTE).from(COMITE_SCORE).where(COMITE_SCORE.SEANCE_ID.eq(seanceId))
                .and(COMITE_SCORE.COMMUN_ID.eq(communId)).and(COMITE_SCORE.APP_USER_ID.eq(membreId))
                .orderBy(COMITE_SCORE.COMITE_CRITERE_ID).fetch(r -> (int) r.value1());
    }

    @Autowired org.camunda.bpm.engine.TaskService engineTasks;

    private boolean taskOpen(String taskId) {
        return engineTasks.createTaskQuery().taskId(taskId).count() == 1;
    }

    private static List<String> erreurs(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("refus attendu");
    }

    private void deporter(long membreId, long communId) {
        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, communId).set(COMITE_DEPORT.APP_USER_ID, membreId)
                .set(COMITE_DEPORT.MOTIF, "Je suis bénévole dans une structure du groupement").execute();
    }

    @Test
    void each_present_non_recused_member_gets_one_task_per_file_and_absent_excused_or_recused_members_none() {
        List<Long> presents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            presents.add(fx.idOf(fx.account(Roles.COMITE)));
        }
        long absent = fx.idOf(fx.account(Roles.COMITE));
        long excuse = fx.idOf(fx.account(Roles.COMITE));
        long recuse = fx.idOf(fx.account(Roles.COMITE));
        Fixtures.Transmis t1 = fx.transmis();
        fx.recevable(t1);
        Fixtures.Transmis t2 = fx.transmis();
        fx.recevable(t2);
        long d1 = t1.communId();
        long d2 = t2.communId();
        deporter(recuse, d1);
        long seanceId = fx.seance(d1, d2);

        fx.as(fx.account(Roles.AGENT));
        Map<Long, Presence> presences = new HashMap<>();
        for (MembreSeance m : seances.membres(seanceId)) {
            presences.put(m.membreId(), m.membreId() == absent ? Presence.ABSENT
                    : m.membreId() == excuse ? Presence.EXCUSE : Presence.PRESENT);
        }
        seances.enregistrerPresences(seanceId, presences);
        List<Quorum> quorums = seances.ouvrir(seanceId);
        fx.logout();
        fx.runJobs(d1);
        fx.runJobs(d2);

        Set<String> presentsTous = presences.entrySet().stream().filter(e -> e.getValue() == Presence.PRESENT)
                .map(e -> String.valueOf(e.getKey())).collect(Collectors.toSet());
        List<String> assignes1 = fx.tasks(d1, CycleCommunProcess.TASK_NOTER_SEANCE).stream().map(Task::getAssignee).toList();
        List<String> assignes2 = fx.tasks(d2, CycleCommunProcess.TASK_NOTER_SEANCE).stream().map(Task::getAssignee).toList();

        assertThat(assignes1).as("one task per member: no duplicate").doesNotHaveDuplicates();
        assertThat(assignes2).doesNotHaveDuplicates();
        assertThat(assignes2).containsExactlyInAnyOrderElementsOf(presentsTous);
        Set<String> attendus1 = new java.util.HashSet<>(presentsTous);
        attendus1.remove(String.valueOf(recuse));
        assertThat(assignes1).containsExactlyInAnyOrderElementsOf(attendus1);
        assertThat(assignes1).doesNotContain(String.valueOf(absent), String.valueOf(excuse), String.valueOf(recuse));
        assertThat(assignes2).doesNotContain(String.valueOf(absent), String.valueOf(excuse)).contains(String.valueOf(recuse));
        presents.forEach(p -> {
            assertThat(assignes1).contains(String.valueOf(p));
            assertThat(assignes2).contains(String.valueOf(p));
        });
        Quorum q1 = quorums.stream().filter(q -> q.communId() == d1).findFirst().orElseThrow();
        assertThat(q1.votants()).map(String::valueOf).containsExactlyInAnyOrderElementsOf(assignes1);

        // Independent: one member's submission completes their own task only.
        Task premiere = fx.tasks(d1, CycleCommunProcess.TASK_NOTER_SEANCE).stream()
                .filter(t -> t.getAssignee().equals(String.valueOf(presents.get(0)))).findFirst().orElseThrow();
        fx.score(premiere, 4);
        List<Task> restantes = fx.tasks(d1, CycleCommunProcess.TASK_NOTER_SEANCE);
        assertThat(restantes).extracting(Task::getAssignee).doesNotContain(String.valueOf(presents.get(0)))
                .hasSize(assignes1.size() - 1);
        assertThat(fx.tasks(d2, CycleCommunProcess.TASK_NOTER_SEANCE)).as("the other file's task is untouched")
                .extracting(Task::getAssignee).contains(String.valueOf(presents.get(0)));
        assertThat(notesDe(seanceId, d1, presents.get(0))).hasSize(4).containsOnly(4);
        assertThat(notationsEnBase(seanceId, d1)).isEqualTo(1);
        assertThat(notationsEnBase(seanceId, d2)).isZero();
        assertThat(fx.task(d1, CycleCommunProcess.TASK_AVIS_SEANCE)).as("the avis waits for every member").isNull();
    }

    @Test
    void a_member_sees_the_others_scores_only_after_submitting_their_own_and_cannot_change_them() {
        Heard h = heard();
        Task mienne = h.tache(0);
        Task autre = h.tache(1);
        String moi = membreDe(mienne);
        long moiId = Long.parseLong(mienne.getAssignee());
        long autreId = Long.parseLong(autre.getAssignee());

        fx.as(moi);
        assertThatThrownBy(() -> notation.notes(h.seanceId(), h.communId())).isInstanceOf(NotAllowedException.class)
                .hasMessage("Vous verrez les notes des autres membres après avoir soumis les vôtres.");

        List<Critere> grille = grille(autre);
        fx.as(membreDe(autre));
        notation.soumettre(autre.getId(), partout(grille, 4, "Groupement solide"));

        fx.as(moi);
        assertThatThrownBy(() -> notation.notes(h.seanceId(), h.communId())).as("still hidden: another one submitted, not me")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Vous verrez les notes des autres membres après avoir soumis les vôtres.");
        FicheNotation avant = notation.fiche(mienne.getId());
        assertThat(avant.mienne()).isNull();
        assertThat(avant.corrigible()).isTrue();
        assertThat(avant.communId()).isEqualTo(h.communId());
        assertThat(avant.seanceId()).isEqualTo(h.seanceId());

        notation.soumettre(mienne.getId(), partout(grille, 2, "À approfondir"));

        fx.as(moi);
        List<Notation> toutes = notation.notes(h.seanceId(), h.communId());
        assertThat(toutes).extracting(Notation::membreId).contains(moiId, autreId);
        Notation sienne = toutes.stream().filter(n -> n.membreId() == autreId).findFirst().orElseThrow();
        assertThat(sienne.notes()).hasSize(grille.size()).allSatisfy(n -> {
            assertThat(n.note()).isEqualTo(4);
            assertThat(n.commentaire()).isEqualTo("Groupement solide");
        });
        assertThat(sienne.soumiseLe()).isNotNull();
        Notation miennes = notation.fiche(h.seanceId(), h.communId()).mienne();
        assertThat(miennes.membreId()).isEqualTo(moiId);
        assertThat(miennes.notes()).extracting(NoteCritere::note).containsOnly(2);

        // Read-only: a correction changes one's own scores only.
        notation.corriger(h.seanceId(), h.communId(), partout(grille, 5, null), miennes.version());
        assertThat(notesDe(h.seanceId(), h.communId(), autreId)).containsOnly(4);
        assertThat(notesDe(h.seanceId(), h.communId(), moiId)).containsOnly(5);

        // An agent sees every score; a structure none.
        fx.as(fx.account(Roles.AGENT));
        assertThat(notation.notes(h.seanceId(), h.communId())).extracting(Notation::membreId).contains(moiId, autreId);
        fx.as(h.t().porteurEmail());
        assertThatThrownBy(() -> notation.notes(h.seanceId(), h.communId())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_member_corrects_their_scores_with_the_version_read_while_the_seance_is_open_and_not_once_it_is_closed() {
        Heard h = heard();
        Task mienne = h.tache(0);
        String moi = membreDe(mienne);
        long moiId = Long.parseLong(mienne.getAssignee());
        List<Critere> grille = grille(mienne);

        fx.as(moi);
        assertThat(erreurs(() -> notation.corriger(h.seanceId(), h.communId(), partout(grille, 3, null), 0)))
                .containsExactly("Vous n'avez pas encore noté cette audition.");
        notation.soumettre(mienne.getId(), partout(grille, 3, "Premier avis"));
        Notation lue = notation.fiche(h.seanceId(), h.communId()).mienne();
        assertThat(lue.version()).isZero();
        assertThat(lue.modifieeLe()).isNull();

        notation.corriger(h.seanceId(), h.communId(), partout(grille, 1, "  Après l'audition  "), lue.version());
        Notation corrigee = notation.fiche(h.seanceId(), h.communId()).mienne();
        assertThat(corrigee.version()).isEqualTo(1);
        assertThat(corrigee.modifieeLe()).isNotNull();
        assertThat(corrigee.notes()).allSatisfy(n -> {
            assertThat(n.note()).isEqualTo(1);
            assertThat(n.commentaire()).isEqualTo("Après l'audition");
        });

        assertThat(erreurs(() -> notation.corriger(h.seanceId(), h.communId(), partout(grille, 5, null), lue.version())))
                .as("the version read before the correction is stale")
                .containsExactly("Vos notes viennent d'être modifiées dans un autre onglet : rechargez la page.");
        assertThat(erreurs(() -> notation.corriger(h.seanceId(), h.communId(), partout(grille, 6, null), corrigee.version())))
                .contains("La note « " + PREMIER_CRITERE + " » doit être un nombre entier de 0 à 5.");
        assertThat(notesDe(h.seanceId(), h.communId(), moiId)).containsOnly(1);
        fx.as(moi);
        assertThat(notation.fiche(h.seanceId(), h.communId()).mienne().version()).isEqualTo(1);

        // Everyone else scores, the avis is recorded and the séance closes: no more corrections.
        for (Task t : fx.tasks(h.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)) {
            fx.score(t, 3);
        }
        fx.runJobs(h.communId());
        fx.avisSeance(h.communId(), new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("1000")));
        fx.close(h.seanceId());

        fx.as(moi);
        FicheNotation close = notation.fiche(h.seanceId(), h.communId());
        assertThat(close.corrigible()).isFalse();
        assertThat(erreurs(() -> notation.corriger(h.seanceId(), h.communId(), partout(grille, 4, null), 1)))
                .containsExactly("La séance est close : les notes ne se corrigent plus.");
        assertThat(notesDe(h.seanceId(), h.communId(), moiId)).containsOnly(1);
    }

    @Test
    void a_recused_member_can_neither_score_nor_read_the_scores_of_the_file() {
        long deporteAvant = fx.idOf(fx.account(Roles.COMITE));
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        deporter(deporteAvant, t.communId());
        long seanceId = fx.enAudition(t.communId());
        List<Task> taches = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE);
        assertThat(taches).extracting(Task::getAssignee).doesNotContain(String.valueOf(deporteAvant));

        Task sienne = taches.get(0);
        Task autre = taches.get(1);
        fx.score(autre, 4);
        long deporteApres = Long.parseLong(sienne.getAssignee());
        List<Critere> grille = grille(sienne);
        deporter(deporteApres, t.communId());

        String message = "Vous êtes déporté(e) de ce dossier : vous ne pouvez ni le noter ni voir "
                + "les notes et les échanges du comité à son sujet.";
        for (long membre : List.of(deporteAvant, deporteApres)) {
            fx.as(fx.emailOf(membre));
            assertThatThrownBy(() -> notation.fiche(seanceId, t.communId())).isInstanceOf(NotAllowedException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> notation.notes(seanceId, t.communId())).isInstanceOf(NotAllowedException.class)
                    .hasMessage(message);
        }
        fx.as(fx.emailOf(deporteApres));
        assertThatThrownBy(() -> notation.fiche(sienne.getId())).isInstanceOf(NotAllowedException.class).hasMessage(message);
        assertThatThrownBy(() -> notation.soumettre(sienne.getId(), partout(grille, 5, null)))
                .isInstanceOf(NotAllowedException.class).hasMessage(message);
        assertThatThrownBy(() -> notation.corriger(seanceId, t.communId(), partout(grille, 5, null), 0))
                .isInstanceOf(NotAllowedException.class).hasMessage(message);

        assertThat(notesDe(seanceId, t.communId(), deporteApres)).as("nothing stored").isEmpty();
        assertThat(notationsEnBase(seanceId, t.communId())).isEqualTo(1);
    }

    @Test
    void a_note_out_of_the_scale_or_missing_is_refused_in_french_and_nothing_is_stored() {
        Heard h = heard();
        Task mienne = h.tache(0);
        List<Critere> grille = grille(mienne);
        assertThat(grille).as("the campagne's grid: four criteria scored 0 to 5").hasSize(4)
                .allSatisfy(c -> assertThat(c.noteMax()).isEqualTo(5));
        assertThat(grille.get(0).libelle()).isEqualTo(PREMIER_CRITERE);
        String horsEchelle = "La note « " + PREMIER_CRITERE + " » doit être un nombre entier de 0 à 5.";

        fx.as(membreDe(mienne));
        List<NoteCritere> six = new ArrayList<>(partout(grille, 3, null));
        six.set(0, new NoteCritere(grille.get(0).id(), 6, null));
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), six))).containsExactly(horsEchelle);
        List<NoteCritere> negative = new ArrayList<>(partout(grille, 3, null));
        negative.set(0, new NoteCritere(grille.get(0).id(), -1, null));
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), negative))).containsExactly(horsEchelle);
        List<NoteCritere> vide = new ArrayList<>(partout(grille, 3, null));
        vide.set(0, new NoteCritere(grille.get(0).id(), null, "Sans note"));
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), vide))).containsExactly(horsEchelle);
        List<NoteCritere> manquante = partout(grille, 3, null).subList(1, grille.size());
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), manquante))).containsExactly(horsEchelle);
        List<NoteCritere> inconnue = new ArrayList<>(partout(grille, 3, null));
        inconnue.add(new NoteCritere(-42L, 3, null));
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), inconnue)))
                .containsExactly("Une note ne correspond à aucun critère de la grille : rechargez la page.");
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), null))).containsExactly("Notez chaque critère.");
        List<NoteCritere> bavard = new ArrayList<>(partout(grille, 3, null));
        bavard.set(0, new NoteCritere(grille.get(0).id(), 3, "x".repeat(NotationService.COMMENTAIRE_MAX + 1)));
        assertThat(erreurs(() -> notation.soumettre(mienne.getId(), bavard)))
                .containsExactly("Le champ « Commentaire sur « " + PREMIER_CRITERE + " » » ne doit pas dépasser 2000 caractères.");

        assertThat(notationsEnBase(h.seanceId(), h.communId())).as("nothing stored").isZero();
        assertThat(scoresEnBase(h.seanceId(), h.communId())).isZero();
        assertThat(taskOpen(mienne.getId())).as("the task stays open").isTrue();

        // The bounds of the scale and a comment of exactly 2000 characters are accepted.
        List<NoteCritere> bornes = new ArrayList<>();
        for (int i = 0; i < grille.size(); i++) {
            bornes.add(new NoteCritere(grille.get(i).id(), i % 2 == 0 ? 0 : 5,
                    i == 0 ? "y".repeat(NotationService.COMMENTAIRE_MAX) : null));
        }
        fx.as(membreDe(mienne));
        notation.soumettre(mienne.getId(), bornes);
        assertThat(notesDe(h.seanceId(), h.communId(), Long.parseLong(mienne.getAssignee()))).containsExactly(0, 5, 0, 5);
        assertThat(taskOpen(mienne.getId())).isFalse();
    }

    @Test
    void a_second_submission_is_refused_with_a_french_message_and_changes_nothing() {
        Heard h = heard();
        Task mienne = h.tache(0);
        long moiId = Long.parseLong(mienne.getAssignee());
        List<Critere> grille = grille(mienne);
        fx.as(membreDe(mienne));
        notation.soumettre(mienne.getId(), partout(grille, 2, "Premier envoi"));

        assertThatThrownBy(() -> notation.soumettre(mienne.getId(), partout(grille, 5, "Second envoi")))
                .isInstanceOf(NotAllowedException.class).hasMessage(TaskNotAvailableException.DONE);

        assertThat(notesDe(h.seanceId(), h.communId(), moiId)).containsOnly(2).hasSize(grille.size());
        assertThat(notationsEnBase(h.seanceId(), h.communId())).isEqualTo(1);
        fx.as(membreDe(mienne));
        Notation lue = notation.fiche(h.seanceId(), h.communId()).mienne();
        assertThat(lue.version()).isZero();
        assertThat(lue.notes()).extracting(NoteCritere::commentaire).containsOnly("Premier envoi");
    }

    @Test
    void a_member_can_neither_open_nor_submit_another_member_s_task_and_an_agent_cannot_score() {
        Heard h = heard();
        Task mienne = h.tache(0);
        Task autre = h.tache(1);
        List<Critere> grille = grille(autre);

        fx.as(membreDe(mienne));
        assertThatThrownBy(() -> notation.soumettre(autre.getId(), partout(grille, 5, null)))
                .isInstanceOf(TaskNotAvailableException.class).hasMessage(TaskNotAvailableException.NOT_FOR_YOU);
        assertThatThrownBy(() -> notation.fiche(autre.getId()))
                .isInstanceOf(TaskNotAvailableException.class).hasMessage(TaskNotAvailableException.NOT_FOR_YOU);

        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> notation.soumettre(autre.getId(), partout(grille, 5, null)))
                .isInstanceOf(NotAllowedException.class);

        assertThat(notationsEnBase(h.seanceId(), h.communId())).isZero();
        assertThat(taskOpen(autre.getId())).isTrue();
        assertThat(taskOpen(mienne.getId())).isTrue();
        assertThat(engineTasks.createTaskQuery().taskId(autre.getId()).singleResult().getAssignee())
                .isEqualTo(autre.getAssignee());
    }
}
