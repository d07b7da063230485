package fr.communs.comite.notation.ui;

import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_DEPORT;
import static fr.communs.db.Tables.COMITE_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.base.ui.MontantField;
import fr.communs.budget.Budget;
import fr.communs.budget.LigneBudget;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.notation.Notation;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.support.Views;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

/**
 * The séance's scoring and avis screens, built by Spring as the router does and driven without a browser: a member
 * scores on the task screen, reads the others' scores once theirs are submitted, an agent records the comité's avis
 * after confirming it.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotationViewsIT {
    private static final String PREMIER_CRITERE = "Nombre et typologie des contributeurs";

    @Autowired ApplicationContext context;
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    @Autowired org.camunda.bpm.engine.TaskService engineTasks;

    /** Held here: Vaadin keeps the current UI by a weak reference only. */
    TestUi ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        while (dsl.fetchCount(fr.communs.db.Tables.APP_USER, fr.communs.db.Tables.APP_USER.ROLE.eq(Roles.COMITE)) < 2) {
            fx.account(Roles.COMITE);
        }
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    /** Enters a routed view with its route parameters, as the router would. */
    private <T extends Component & BeforeEnterObserver> T enter(Class<T> type, String path, Map<String, String> parameters) {
        T view = context.getAutowireCapableBeanFactory().createBean(type);
        Router router = new Router(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(((WebApplicationContext) context).getServletContext())));
        view.beforeEnter(new BeforeEnterEvent(router, NavigationTrigger.PROGRAMMATIC, new Location(path), type,
                new RouteParameters(parameters), ui, List.of()));
        return view;
    }

    private static <C extends Component> List<C> all(Component root, Class<C> type) {
        return Views.descendants(root).filter(type::isInstance).map(type::cast).toList();
    }

    private static Button bouton(Component root, String texte) {
        return all(root, Button.class).stream().filter(b -> texte.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("pas de bouton « " + texte + " »"));
    }

    private static List<String> erreurs(Component view) {
        return all(view, ErrorPanel.class).get(0).shown();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(Grid<T> grid) {
        return ((java.util.stream.Stream<T>) grid.getDataProvider().fetch(new Query<>())).toList();
    }

    private List<Integer> notesDe(long seanceId, long communId, long membreId) {
        return dsl.select(COMITE_SCORE.NOTE).from(COMITE_SCORE).where(COMITE_SCORE.SEANCE_ID.eq(seanceId))
                .and(COMITE_SCORE.COMMUN_ID.eq(communId)).and(COMITE_SCORE.APP_USER_ID.eq(membreId))
                .orderBy(COMITE_SCORE.COMITE_CRITERE_ID).fetch(r -> (int) r.value1());
    }

    private NoterSeanceTaskView noter(Task task) {
        fx.as(fx.emailOf(Long.parseLong(task.getAssignee())));
        ui = TestUi.open();
        return enter(NoterSeanceTaskView.class, "taches/notation/" + task.getId(), Map.of("taskId", task.getId()));
    }

    private NotesDossierView notes(long seanceId, long communId) {
        ui = TestUi.open();
        return enter(NotesDossierView.class, NotesDossierView.path(seanceId, communId),
                Map.of("seanceId", String.valueOf(seanceId), "communId", String.valueOf(communId)));
    }

    @Test
    void a_member_fills_the_grid_on_the_task_screen_and_submits_their_scores() {
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        long d = t.communId();
        long seanceId = fx.enAudition(d);
        Task task = fx.tasks(d, CycleCommunProcess.TASK_NOTER_SEANCE).get(0);
        long membreId = Long.parseLong(task.getAssignee());

        NoterSeanceTaskView view = noter(task);
        assertThat(Views.text(view)).contains("Noter l'audition", "Vous notez seul(e)", "1. " + PREMIER_CRITERE + " (poids 1)",
                "4. Pertinence de la proposition relativement à la notion de communs");
        List<IntegerField> champs = all(view.form, IntegerField.class);
        List<TextArea> commentaires = all(view.form, TextArea.class);
        assertThat(champs).hasSize(4).allSatisfy(f -> {
            assertThat(f.getMax()).isEqualTo(5);
            assertThat(f.getValue()).isNull();
        });
        assertThat(commentaires).hasSize(4);

        // A criterion left empty: refused, nothing stored, the typed values stay.
        champs.get(1).setValue(4);
        champs.get(2).setValue(2);
        champs.get(3).setValue(5);
        commentaires.get(1).setValue("Gouvernance partagée entre les membres");
        view.soumettre.click();
        assertThat(erreurs(view)).containsExactly("La note « " + PREMIER_CRITERE + " » doit être un nombre entier de 0 à 5.");
        assertThat(notesDe(seanceId, d, membreId)).isEmpty();
        assertThat(engineTasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(ui.navigations()).isEmpty();
        assertThat(view.soumettre.isEnabled()).as("the button can be clicked again").isTrue();
        assertThat(champs.get(1).getValue()).isEqualTo(4);

        champs.get(0).setValue(3);
        view.soumettre.click();
        assertThat(erreurs(view)).isEmpty();
        assertThat(ui.navigations()).containsExactly("comite/seances/" + seanceId + "/dossiers/" + d);
        assertThat(engineTasks.createTaskQuery().taskId(task.getId()).count()).as("the task is completed").isZero();
        assertThat(notesDe(seanceId, d, membreId)).containsExactly(3, 4, 2, 5);
        assertThat(dsl.select(COMITE_SCORE.COMMENTAIRE).from(COMITE_SCORE).where(COMITE_SCORE.SEANCE_ID.eq(seanceId))
                .and(COMITE_SCORE.COMMUN_ID.eq(d)).and(COMITE_SCORE.APP_USER_ID.eq(membreId))
                .orderBy(COMITE_SCORE.COMITE_CRITERE_ID).fetch(r -> r.value1()))
                .containsExactly(null, "Gouvernance partagée entre les membres", null, null);
    }

    @Test
    void the_notes_page_shows_the_others_scores_only_once_the_member_submitted_and_lets_them_correct_their_own() {
        fx.account(Roles.COMITE);   // a third member: one to be recused below
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        long d = t.communId();
        long seanceId = fx.enAudition(d);
        List<Task> taches = fx.tasks(d, CycleCommunProcess.TASK_NOTER_SEANCE);
        Task mienne = taches.get(0);
        Task autre = taches.get(1);
        String moi = fx.emailOf(Long.parseLong(mienne.getAssignee()));
        long moiId = Long.parseLong(mienne.getAssignee());
        long autreId = Long.parseLong(autre.getAssignee());
        String autreNom = dsl.select(fr.communs.db.Tables.APP_USER.NOM_COMPLET).from(fr.communs.db.Tables.APP_USER)
                .where(fr.communs.db.Tables.APP_USER.APP_USER_ID.eq(autreId)).fetchOne().value1();
        fx.score(autre, 4);

        fx.as(moi);
        NotesDossierView avant = notes(seanceId, d);
        assertThat(Views.text(avant)).contains("Notes du comité",
                "Vous verrez les notes des autres membres après avoir soumis les vôtres.").doesNotContain(autreNom)
                .doesNotContain("Vos notes");
        assertThat(all(avant, Grid.class)).isEmpty();

        NoterSeanceTaskView tache = noter(mienne);
        all(tache.form, IntegerField.class).forEach(f -> f.setValue(2));
        tache.soumettre.click();
        assertThat(erreurs(tache)).isEmpty();

        fx.as(moi);
        NotesDossierView apres = notes(seanceId, d);
        assertThat(Views.text(apres)).contains("Vos notes", "Les notes des autres membres")
                .doesNotContain("Vous verrez les notes des autres membres");
        @SuppressWarnings("unchecked")
        Grid<Notation> grille = all(apres, Grid.class).get(0);
        assertThat(items(grille)).extracting(Notation::membreId).contains(autreId).doesNotContain(moiId);
        assertThat(items(grille)).filteredOn(n -> n.membreId() == autreId).singleElement()
                .satisfies(n -> assertThat(n.membreNom()).isEqualTo(autreNom));

        // Their own scores are corrigible while the séance is open.
        List<IntegerField> miens = all(apres, IntegerField.class);
        assertThat(miens).hasSize(4).allSatisfy(f -> {
            assertThat(f.getValue()).isEqualTo(2);
            assertThat(f.isReadOnly()).isFalse();
        });
        miens.get(0).setValue(6);
        bouton(apres, "Corriger mes notes").click();
        assertThat(erreurs(apres)).containsExactly("La note « " + PREMIER_CRITERE + " » doit être un nombre entier de 0 à 5.");
        assertThat(notesDe(seanceId, d, moiId)).containsOnly(2);
        miens.get(0).setValue(5);
        bouton(apres, "Corriger mes notes").click();
        assertThat(erreurs(apres)).isEmpty();
        assertThat(notesDe(seanceId, d, moiId)).containsExactly(5, 2, 2, 2);
        assertThat(notesDe(seanceId, d, autreId)).as("the others' scores are untouched").containsOnly(4);

        // A member recused from the file is told so and sees no score.
        assertThat(taches).hasSizeGreaterThanOrEqualTo(3);
        long deporte = Long.parseLong(taches.get(2).getAssignee());
        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, d).set(COMITE_DEPORT.APP_USER_ID, deporte)
                .set(COMITE_DEPORT.MOTIF, "Lien avec le porteur").execute();
        fx.as(fx.emailOf(deporte));
        NotesDossierView recuse = notes(seanceId, d);
        assertThat(Views.text(recuse)).contains("Vous êtes déporté(e) de ce dossier").doesNotContain(autreNom)
                .doesNotContain("Vos notes");
        assertThat(all(recuse, Grid.class)).isEmpty();
    }

    @Test
    void an_agent_records_the_comite_s_avis_once_confirmed_and_a_subsidy_above_the_amount_asked_is_refused() throws Exception {
        Fixtures.Transmis t = fx.transmis(new Budget(new BigDecimal("7000"),
                List.of(new LigneBudget("Animation du lieu", new BigDecimal("9000")),
                        new LigneBudget("Aménagement", new BigDecimal("5000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("7000")))));
        long d = t.communId();
        long seanceId = fx.enAttenteDAvis(t);
        String taskId = fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE).getId();

        fx.as(fx.account(Roles.AGENT));
        ui = TestUi.open();
        @SuppressWarnings("unchecked")
        Class<? extends Component> type = (Class<? extends Component>) Class.forName(
                "fr.communs.comite.deliberation.ui.AvisSeanceTaskView");
        Component view = enterTask(type, taskId);
        assertThat(Views.text(view)).contains("Enregistrer l'avis du comité", "Ce que demande le groupement",
                "Notes du comité sur ce dossier");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<AvisSeance.Type> avis = all(view, RadioButtonGroup.class).get(0);
        MontantField subvention = all(view, MontantField.class).get(0);
        TextArea reserves = all(view, TextArea.class).stream().filter(a -> "Réserves du comité".equals(a.getLabel()))
                .findFirst().orElseThrow();
        assertThat(subvention.getHelperText()).startsWith("Au plus le montant demandé par le groupement : ").contains("7");
        assertThat(reserves.isVisible()).isFalse();

        avis.setValue(AvisSeance.Type.DEFAVORABLE);
        assertThat(subvention.isVisible()).as("no subsidy with a défavorable avis").isFalse();
        avis.setValue(AvisSeance.Type.RESERVE);
        assertThat(reserves.isVisible()).isTrue();
        assertThat(subvention.isVisible()).isTrue();
        reserves.setValue("Associer une deuxième commune au comité de pilotage.");
        subvention.setValue("9 000");
        bouton(view, "Enregistrer l'avis").click();
        ConfirmDialog refusee = dialogue();
        assertThat(refusee.getElement().getProperty("header")).isEqualTo("Enregistrer l'avis « favorable avec réserves » ?");
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).as("nothing before the confirmation").isZero();
        confirm(refusee);
        assertThat(erreurs(view)).singleElement()
                .satisfies(e -> assertThat(e).contains("dépasse le montant demandé par le groupement"));
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).isZero();
        assertThat(fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE)).isNotNull();
        assertThat(ui.navigations()).isEmpty();

        subvention.setValue("6 000");
        bouton(view, "Enregistrer l'avis").click();
        ConfirmDialog confirmation = dialogue();
        assertThat(confirmation).isNotSameAs(refusee);
        assertThat(confirmation.getElement().getProperty("message").replace('\u202f', ' ').replace('\u00a0', ' '))
                .startsWith("L'avis ne pourra plus être modifié")
                .contains("avec la subvention proposée de 6 000,00 €");
        confirm(confirmation);
        assertThat(erreurs(view)).isEmpty();
        assertThat(ui.navigations()).containsExactly("taches");
        assertThat(fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE)).isNull();
        var enregistre = dsl.selectFrom(COMITE_AVIS).where(COMITE_AVIS.COMMUN_ID.eq(d)).fetchOne();
        assertThat(enregistre.getAvis()).isEqualTo("RESERVE");
        assertThat(enregistre.getSeanceId()).isEqualTo(seanceId);
        assertThat(enregistre.getSubventionProposee()).isEqualByComparingTo("6000");
        assertThat(enregistre.getReserves()).isEqualTo("Associer une deuxième commune au comité de pilotage.");
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_CLOTURE)).isTrue();
    }

    @Test
    void an_agent_ajourne_a_file_from_the_avis_screen_and_it_waits_again_for_a_seance() throws Exception {
        Fixtures.Transmis t = fx.transmis();
        long d = t.communId();
        fx.enAttenteDAvis(t);
        String taskId = fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE).getId();

        fx.as(fx.account(Roles.AGENT));
        ui = TestUi.open();
        @SuppressWarnings("unchecked")
        Class<? extends Component> type = (Class<? extends Component>) Class.forName(
                "fr.communs.comite.deliberation.ui.AvisSeanceTaskView");
        Component view = enterTask(type, taskId);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<AvisSeance.Type> avis = all(view, RadioButtonGroup.class).get(0);
        TextArea motivation = all(view, TextArea.class).stream().filter(a -> "Motivation".equals(a.getLabel()))
                .findFirst().orElseThrow();

        avis.setValue(AvisSeance.Type.AJOURNE);
        bouton(view, "Enregistrer l'avis").click();
        ConfirmDialog sansMotif = dialogue();
        assertThat(sansMotif.getElement().getProperty("message"))
                .isEqualTo("Le dossier sera retiré de cette séance et attendra une séance suivante ; le groupement recevra le motif.");
        confirm(sansMotif);
        assertThat(erreurs(view)).containsExactly("Motivez l'avis « ajourné » : le groupement la recevra.");
        assertThat(fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE)).isNotNull();

        motivation.setValue("Le groupement doit préciser son budget.");
        bouton(view, "Enregistrer l'avis").click();
        confirm(dialogue());
        assertThat(erreurs(view)).isEmpty();
        assertThat(ui.navigations()).containsExactly("taches");
        fx.runJobs(d);
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isTrue();
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).isZero();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Component enterTask(Class<? extends Component> type, String taskId) {
        return enter((Class) type, "taches/avis-seance/" + taskId, Map.of("taskId", taskId));
    }

    /** The confirmation dialog the last click opened (Vaadin attaches it to the UI before its response). */
    private ConfirmDialog dialogue() {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<ConfirmDialog> ouverts = all(ui, ConfirmDialog.class).stream().filter(ConfirmDialog::isOpened).toList();
        assertThat(ouverts).as("a confirmation dialog is open").isNotEmpty();
        return ouverts.get(ouverts.size() - 1);
    }

    private static void confirm(ConfirmDialog dialog) {
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        dialog.close();
    }
}
