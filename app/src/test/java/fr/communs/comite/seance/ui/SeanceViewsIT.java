package fr.communs.comite.seance.ui;

import static fr.communs.db.Tables.COMITE_DEPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import fr.communs.base.Dates;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.Creneau;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceData;
import fr.communs.comite.seance.SeanceService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.TestUi;
import fr.communs.support.Views;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The séance screens as an agent and as a comité member, built by Spring as the router does, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
class SeanceViewsIT {
    private static final AtomicInteger JOUR = new AtomicInteger(20);

    @Autowired ApplicationContext context;
    @Autowired Fixtures fx;
    @Autowired SeanceService seances;
    @Autowired DSLContext dsl;

    String agent;
    LocalDate jour;
    long d1;
    long d2;
    String titre1;
    String titre2;
    /** Held here: Vaadin keeps the current UI by a weak reference only. */
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        if (dsl.fetchCount(fr.communs.db.Tables.APP_USER, fr.communs.db.Tables.APP_USER.ROLE.eq(Roles.COMITE)) < 2) {
            fx.account(Roles.COMITE);
            fx.account(Roles.COMITE);
        }
        agent = fx.account(Roles.AGENT);
        jour = Dates.today().plusDays(JOUR.incrementAndGet());
        Fixtures.Transmis t1 = fx.transmis();
        fx.recevable(t1);
        Fixtures.Transmis t2 = fx.transmis();
        fx.recevable(t2);
        d1 = t1.communId();
        d2 = t2.communId();
        fx.as(agent);
        titre1 = seances.dossiersEnAttente().stream().filter(d -> d.communId() == d1).findFirst().orElseThrow().titre();
        titre2 = seances.dossiersEnAttente().stream().filter(d -> d.communId() == d2).findFirst().orElseThrow().titre();
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(Grid<T> grid) {
        return ((java.util.stream.Stream<T>) grid.getDataProvider().fetch(new Query<>())).toList();
    }

    private static void confirm(ConfirmDialog dialog) {
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
    }

    private SeanceFormDialog.Ligne ligne(SeanceFormDialog dialog, long communId) {
        return dialog.lignes.stream().filter(l -> l.dossier.communId() == communId).findFirst().orElseThrow();
    }

    @Test
    void an_agent_creates_a_seance_in_the_dialog_records_the_attendance_and_opens_it() {
        fx.as(agent);
        TestUi testUi = TestUi.open();
        ui = testUi;
        SeancesView liste = context.getAutowireCapableBeanFactory().createBean(SeancesView.class);
        assertThat(items(liste.attente)).extracting(DossierEnAttente::communId).contains(d1, d2);
        assertThat(liste.aucunEnAttente.isVisible()).isFalse();

        liste.nouvelle.click();
        SeanceFormDialog dialog = liste.dialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.debut.getHelperText()).isEqualTo("Obligatoire : une date à venir, heure de Paris.");
        dialog.debut.setValue(jour.atTime(14, 0));
        ligne(dialog, d1).inscrit.setValue(true);
        ligne(dialog, d2).inscrit.setValue(true);
        assertThat(ligne(dialog, d1).heure.getValue()).isEqualTo(LocalTime.of(14, 0));
        assertThat(ligne(dialog, d1).duree.getValue()).isEqualTo(30);
        assertThat(ligne(dialog, d2).heure.getValue()).as("proposed after the first slot").isEqualTo(LocalTime.of(14, 30));
        ligne(dialog, d1).duree.setValue(45);
        assertThat(ligne(dialog, d2).heure.getValue()).isEqualTo(LocalTime.of(14, 45));

        dialog.lienVisio.setValue("http://visio.example/comite");
        dialog.enregistrer.click();
        assertThat(dialog.errors.shown())
                .contains("Le lien de visioconférence doit être une adresse web complète (https://…).");
        assertThat(dialog.isOpened()).as("the dialog stays open with what was typed").isTrue();
        assertThat(dialog.debut.getValue()).isEqualTo(jour.atTime(14, 0));
        assertThat(ligne(dialog, d2).inscrit.getValue()).isTrue();
        assertThat(testUi.navigations()).isEmpty();

        dialog.lienVisio.setValue("https://visio.example/comite");
        dialog.lieu.setValue("Hôtel du Département, Nîmes");
        dialog.enregistrer.click();
        assertThat(dialog.errors.shown()).isEmpty();
        assertThat(testUi.navigations()).singleElement().satisfies(n -> assertThat(n).startsWith("seances/"));
        long id = Long.parseLong(testUi.navigations().get(0).substring("seances/".length()));
        assertThat(seances.ordreDuJour(id)).extracting(Audition::communId, Audition::debut, Audition::dureeMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(d1, jour.atTime(14, 0), 45),
                        org.assertj.core.groups.Tuple.tuple(d2, jour.atTime(14, 45), 30));
        fx.runJobs(d1);
        fx.runJobs(d2);

        fx.as(agent);
        SeanceView page = Views.enter(context, ui, SeanceView.class, "seances/" + id, "seanceId", String.valueOf(id));
        String texte = Views.text(page);
        assertThat(texte).contains("En préparation", "Hôtel du Département, Nîmes", "https://visio.example/comite",
                "Ordre du jour", "Présences");
        assertThat(items(page.ordre)).extracting(Audition::titre).containsExactly(titre1, titre2);
        assertThat(Views.descendants(page).anyMatch(c -> c == page.modifier)).isTrue();
        assertThat(Views.descendants(page).anyMatch(c -> c == page.ouvrir)).isTrue();
        assertThat(Views.descendants(page).anyMatch(c -> c == page.documents)).as("no documents before opening").isFalse();

        page.ouvrir.click();
        confirm(page.confirmation);
        assertThat(page.errors.shown()).singleElement().satisfies(e -> assertThat(e).startsWith("Relevez d'abord la présence de"));
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.PREPARATION);

        assertThat(page.presences).isNotEmpty();
        page.presences.values().forEach(g -> g.setValue(Presence.PRESENT));
        page.enregistrerPresences.click();
        assertThat(page.errors.shown()).isEmpty();
        assertThat(seances.membres(id)).extracting(MembreSeance::presence).containsOnly(Presence.PRESENT);
        Audition premiere = items(page.ordre).get(0);
        int membres = seances.membres(id).size();
        assertThat(page.quorumTexte(premiere)).startsWith(membres + " votant").contains("(atteint)");

        page.ouvrir.click();
        assertThat(page.confirmation.getElement().getProperty("message"))
                .containsIgnoringCase("les membres présents non déportés recevront une tâche de notation par dossier");
        confirm(page.confirmation);
        assertThat(page.errors.shown()).isEmpty();
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.OUVERTE);
        fx.runJobs(d1);
        assertThat(fx.tasks(d1, CycleCommunProcess.TASK_NOTER_SEANCE)).hasSize(membres);
        texte = Views.text(page);
        assertThat(texte).contains("Ouverte", "Documents", "Projet de procès-verbal (PDF)", "Résultats et classement de la séance");
        assertThat(page.documents.getId()).contains("seance-documents");
        assertThat(Views.descendants(page.documents).filter(com.vaadin.flow.component.html.Anchor.class::isInstance)
                .map(a -> ((com.vaadin.flow.component.html.Anchor) a).getHref()))
                .satisfiesExactly(h -> assertThat(h).isEqualTo("comite/seances/" + id + "/resultats"),
                        h -> assertThat(h).as("the PV is served by the page itself").startsWith("VAADIN/dynamic/resource/"));
        assertThat(Views.text(page.actions(items(page.ordre).get(0)))).contains("Notes du comité");
        assertThat(Views.descendants(page).anyMatch(c -> c == page.clore)).isTrue();

        page.clore.click();
        assertThat(page.confirmation.getElement().getProperty("message")).containsIgnoringCase(
                "les avis seront transmis et les dossiers passeront au vote de l'Assemblée ; les notes ne pourront plus être corrigées");
        confirm(page.confirmation);
        assertThat(page.errors.shown()).singleElement().satisfies(e -> assertThat(e).contains("attend encore son avis"));
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.OUVERTE);
    }

    @Test
    void a_comite_member_reads_the_seance_without_the_agents_actions_and_is_told_which_files_they_are_recused_from() {
        String membre = fx.account(Roles.COMITE);
        long membreId = fx.idOf(membre);
        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, d1).set(COMITE_DEPORT.APP_USER_ID, membreId)
                .set(COMITE_DEPORT.MOTIF, "Je suis salariée d'une structure du groupement").execute();
        fx.as(agent);
        LocalDateTime debut = jour.atTime(9, 0);
        long id = seances.create(new SeanceData(debut, "Alès", null,
                List.of(new Creneau(d1, debut, 30), new Creneau(d2, debut.plusMinutes(30), 30))));

        fx.as(membre);
        ui = TestUi.open();
        SeancesView liste = context.getAutowireCapableBeanFactory().createBean(SeancesView.class);
        assertThat(items(liste.seances)).extracting(Seance::id).contains(id);
        assertThat(Views.descendants(liste).anyMatch(c -> c == liste.nouvelle)).as("no « Nouvelle séance »").isFalse();
        assertThat(Views.descendants(liste).anyMatch(c -> c == liste.attente)).isFalse();

        SeanceView page = Views.enter(context, ui, SeanceView.class, "seances/" + id, "seanceId", String.valueOf(id));
        assertThat(Views.text(page)).contains("Alès", "En préparation", "Présences");
        assertThat(Views.descendants(page).anyMatch(c -> c == page.ouvrir || c == page.modifier || c == page.annuler
                || c == page.ajouter || c == page.enregistrerPresences)).as("read-only").isFalse();
        assertThat(page.presences).isEmpty();
        List<Audition> ordre = items(page.ordre);
        Audition recuse = ordre.stream().filter(a -> a.communId() == d1).findFirst().orElseThrow();
        Audition autre = ordre.stream().filter(a -> a.communId() == d2).findFirst().orElseThrow();
        assertThat(Views.text(page.actions(recuse))).contains("Vous êtes déporté(e) de ce dossier");
        assertThat(Views.text(page.actions(autre))).doesNotContain("déporté").doesNotContain("Ajourner");
    }

    @Test
    void the_list_tells_when_there_is_no_file_waiting_and_the_dialog_needs_a_date() {
        fx.as(agent);
        ui = TestUi.open();
        SeancesView liste = context.getAutowireCapableBeanFactory().createBean(SeancesView.class);
        liste.nouvelle.click();
        SeanceFormDialog dialog = liste.dialog;
        ligne(dialog, d1).inscrit.setValue(true);
        assertThat(ligne(dialog, d1).heure.isEnabled()).isTrue();
        assertThat(ligne(dialog, d2).heure.isEnabled()).isFalse();
        dialog.lieu.setValue("Nîmes");
        dialog.enregistrer.click();
        assertThat(dialog.errors.shown()).containsExactly("Le champ « Date et heure de la séance » est obligatoire.");
        assertThat(dialog.lieu.getValue()).isEqualTo("Nîmes");

        SeanceFormDialog vide = new SeanceFormDialog(seances, List.of(), x -> { });
        assertThat(Views.text(vide)).contains("Aucun dossier n'attend de séance");
        assertThat(vide.enregistrer.isEnabled()).isFalse();
    }

    private static com.vaadin.flow.component.button.Button bouton(com.vaadin.flow.component.Component c, String texte) {
        return Views.descendants(c).filter(com.vaadin.flow.component.button.Button.class::isInstance)
                .map(com.vaadin.flow.component.button.Button.class::cast).filter(b -> texte.equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("pas de bouton « " + texte + " »"));
    }

    @Test
    void an_agent_changes_a_seance_in_preparation_through_its_dialogs_and_each_refusal_keeps_the_input() {
        Fixtures.Transmis t3 = fx.transmis();
        fx.recevable(t3);
        long d3 = t3.communId();
        fx.as(agent);
        LocalDateTime debut = jour.atTime(10, 0);
        long id = seances.create(new SeanceData(debut, "Nîmes", null,
                List.of(new Creneau(d1, debut, 30), new Creneau(d2, debut.plusMinutes(30), 30))));
        ui = TestUi.open();
        SeanceView page = Views.enter(context, ui, SeanceView.class, "seances/" + id, "seanceId", String.valueOf(id));

        // Modifier la séance
        page.modifier.click();
        SeanceEditDialog edit = (SeanceEditDialog) page.dialog;
        assertThat(edit.lieu.getValue()).isEqualTo("Nîmes");
        edit.lieu.setValue("");
        edit.enregistrer.click();
        assertThat(edit.errors.shown()).contains("Indiquez le lieu de la séance ou son lien de visioconférence.");
        assertThat(edit.debut.getValue()).isEqualTo(debut);
        edit.lieu.setValue("Alès, salle du conseil");
        edit.enregistrer.click();
        assertThat(edit.errors.shown()).isEmpty();
        assertThat(seances.get(id).lieu()).isEqualTo("Alès, salle du conseil");
        assertThat(Views.text(page)).contains("Alès, salle du conseil");

        // Modifier le créneau
        Audition premiere = items(page.ordre).stream().filter(a -> a.communId() == d1).findFirst().orElseThrow();
        bouton(page.actions(premiere), "Modifier le créneau").click();
        CreneauDialog creneau = (CreneauDialog) page.dialog;
        assertThat(creneau.heure.getValue()).isEqualTo(LocalTime.of(10, 0));
        creneau.heure.setValue(LocalTime.of(10, 15));
        creneau.enregistrer.click();
        assertThat(creneau.errors.shown()).contains("Deux auditions se chevauchent à 10:30 : décalez un créneau.");
        assertThat(creneau.heure.getValue()).isEqualTo(LocalTime.of(10, 15));
        creneau.heure.setValue(LocalTime.of(11, 0));
        creneau.enregistrer.click();
        assertThat(creneau.errors.shown()).isEmpty();
        assertThat(seances.ordreDuJour(id)).filteredOn(a -> a.communId() == d1).extracting(Audition::debut)
                .containsExactly(jour.atTime(11, 0));

        // Ajouter un dossier: proposed after the last audition
        page.ajouter.click();
        CreneauDialog ajout = (CreneauDialog) page.dialog;
        assertThat(ajout.heure.getValue()).isEqualTo(LocalTime.of(11, 30));
        ajout.enregistrer.click();
        assertThat(ajout.errors.shown()).containsExactly("Choisissez le dossier à ajouter.");
        ajout.dossier.setValue(ajout.dossier.getListDataView().getItems().filter(d -> d.communId() == d3).findFirst().orElseThrow());
        ajout.enregistrer.click();
        assertThat(ajout.errors.shown()).isEmpty();
        assertThat(seances.ordreDuJour(id)).extracting(Audition::communId).contains(d3);
        fx.runJobs(d3);

        // Ajourner, back to the files waiting for a séance
        fx.as(agent);
        Audition seconde = items(page.ordre).stream().filter(a -> a.communId() == d2).findFirst().orElseThrow();
        bouton(page.actions(seconde), "Ajourner").click();
        AjournementDialog ajournement = (AjournementDialog) page.dialog;
        ajournement.ajourner.click();
        assertThat(ajournement.errors.shown()).containsExactly("Le champ « Motif de l'ajournement » est obligatoire.");
        assertThat(ajournement.confirmation).as("no confirmation without a reason").isNull();
        ajournement.motif.setValue("Le budget doit être revu avant l'audition.");
        ajournement.ajourner.click();
        assertThat(ajournement.confirmation.getElement().getProperty("message"))
                .contains("remis en attente d'une séance", "le groupement sera prévenu du motif");
        assertThat(seances.ordreDuJour(id)).filteredOn(a -> a.communId() == d2).extracting(Audition::statut)
                .as("nothing before the confirmation").containsExactly(Audition.Statut.PREVUE);
        confirm(ajournement.confirmation);
        assertThat(ajournement.errors.shown()).isEmpty();
        fx.runJobs(d2);
        fx.as(agent);
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d2);
        assertThat(items(page.ordre)).filteredOn(a -> a.communId() == d2).singleElement().satisfies(a -> {
            assertThat(a.statut()).isEqualTo(Audition.Statut.DEPLACEE);
            assertThat(a.motif()).isEqualTo("Le budget doit être revu avant l'audition.");
        });

        // Annuler la séance
        page.annuler.click();
        MotifDialog annulation = (MotifDialog) page.dialog;
        annulation.annulerSeance.click();
        assertThat(annulation.errors.shown()).containsExactly("Le champ « Motif de l'annulation » est obligatoire.");
        annulation.motif.setValue("La salle n'est plus disponible.");
        annulation.annulerSeance.click();
        confirm(annulation.confirmation);
        assertThat(annulation.errors.shown()).isEmpty();
        assertThat(seances.get(id).statut()).isEqualTo(Seance.Statut.ANNULEE);
        assertThat(Views.text(page)).contains("Annulée");
        assertThat(Views.descendants(page).anyMatch(c -> c == page.ouvrir || c == page.modifier)).isFalse();
    }

    @Test
    void an_agent_ajourne_a_file_to_another_seance_in_preparation_with_a_slot_proposed_after_its_last_audition() {
        fx.as(agent);
        LocalDateTime debut = jour.atTime(15, 0);
        long id = seances.create(new SeanceData(debut, "Nîmes", null, List.of(new Creneau(d1, debut, 30))));
        LocalDateTime autre = jour.plusDays(14).atTime(9, 0);
        long cible = seances.create(new SeanceData(autre, "Uzès", null, List.of(new Creneau(d2, autre, 40))));
        fx.runJobs(d1);
        fx.runJobs(d2);
        fx.as(agent);
        ui = TestUi.open();
        SeanceView page = Views.enter(context, ui, SeanceView.class, "seances/" + id, "seanceId", String.valueOf(id));

        bouton(page.actions(items(page.ordre).get(0)), "Ajourner").click();
        AjournementDialog dialog = (AjournementDialog) page.dialog;
        dialog.motif.setValue("Le groupement ne peut pas venir ce jour-là.");
        dialog.destination.setValue(AjournementDialog.Destination.AUTRE_SEANCE);
        dialog.ajourner.click();
        assertThat(dialog.errors.shown()).containsExactly("Le champ « Séance d'accueil » est obligatoire.");
        Seance accueil = dialog.cible.getListDataView().getItems().filter(x -> x.id() == cible).findFirst().orElseThrow();
        dialog.cible.setValue(accueil);
        assertThat(dialog.heure.getValue()).isEqualTo(LocalTime.of(9, 40));
        dialog.ajourner.click();
        assertThat(dialog.confirmation.getElement().getProperty("message"))
                .contains("inscrit à la séance du", "le groupement sera prévenu du motif");
        confirm(dialog.confirmation);
        assertThat(dialog.errors.shown()).isEmpty();
        fx.runJobs(d1);
        fx.as(agent);
        assertThat(seances.ordreDuJour(cible)).filteredOn(a -> a.communId() == d1).singleElement()
                .satisfies(a -> assertThat(a.debut()).isEqualTo(jour.plusDays(14).atTime(9, 40)));
        assertThat(seances.auditionPrevue(d1)).map(Audition::seanceId).contains(cible);
    }
}
