package fr.communs.comite.membre.ui;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.data.provider.Query;
import fr.communs.comite.membre.College;
import fr.communs.comite.membre.Membre;
import fr.communs.comite.membre.MembreService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Comité d'accompagnement": inviting a member through the dialog, deactivating one through its confirmation. */
@SpringBootTest
@ActiveProfiles("test")
class ComiteAdminViewIT {
    @Autowired MembreService membres;
    @Autowired StructureService structures;
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    /** Held here: Vaadin keeps the current UI by a weak reference only. */
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private static List<Membre> lignes(ComiteAdminView view) {
        return view.grid.getDataProvider().fetch(new Query<>()).toList();
    }

    @Test
    void an_administrator_invites_a_member_through_the_dialog_and_bad_input_is_shown_in_french() {
        fx.as(fx.admin());
        ComiteAdminView view = new ComiteAdminView(membres, structures);
        int comptes = dsl.fetchCount(APP_USER);

        view.inviter.click();
        InvitationDialog dialog = (InvitationDialog) view.ouvert;
        assertThat(dialog.isOpened()).isTrue();
        dialog.form.sorte.setValue(MembreForm.ORGANISME);
        dialog.envoyer.click();
        assertThat(dialog.errors.shown()).contains("Le champ « Collège » est obligatoire.",
                "Indiquez l'organisation représentée : une structure de l'annuaire ou, à défaut, le nom de l'organisme.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dsl.fetchCount(APP_USER)).as("nothing created").isEqualTo(comptes);

        String adresse = "urscop-" + System.nanoTime() + "@exemple.org";
        dialog.email.setValue(adresse);
        dialog.nom.setValue("Camille Urscop");
        dialog.form.college.setValue(College.ACTEUR_ESS);
        dialog.form.organisme.setValue("URSCOP");
        dialog.envoyer.click();

        assertThat(dialog.errors.shown()).isEmpty();
        assertThat(dialog.isOpened()).isFalse();
        Membre invite = lignes(view).stream().filter(m -> m.email().equals(adresse)).findFirst().orElseThrow();
        assertThat(invite.organisationAffichee()).isEqualTo("URSCOP");
        assertThat(invite.invitationEnAttente()).isTrue();
        assertThat(ComiteAdminView.periode(invite)).startsWith("depuis le ");
        assertThat(dsl.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.DESTINATAIRE.eq(adresse))).isEqualTo(1);

        view.ouvrirModification(invite.id());
        MembreDialog fiche = (MembreDialog) view.ouvert;
        assertThat(fiche.form.college.getValue()).isEqualTo(College.ACTEUR_ESS);
        assertThat(fiche.form.organisme.getValue()).isEqualTo("URSCOP");
        assertThat(fiche.relancer.isVisible()).isTrue();
        fiche.form.au.setValue(fiche.form.du.getValue().minusDays(1));
        fiche.enregistrer.click();
        assertThat(fiche.errors.shown()).containsExactly("La fin de la période d'activité ne peut pas précéder son début.");
    }

    @Test
    void deactivating_asks_for_a_confirmation_naming_the_scoring_task_it_retires() {
        String partant = fx.account(Roles.COMITE);
        long partantId = fx.idOf(partant);
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.enAudition(t.communId());
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE))
                .extracting(task -> task.getAssignee()).contains(String.valueOf(partantId));
        fx.as(fx.admin());
        ComiteAdminView view = new ComiteAdminView(membres, structures);
        Membre m = lignes(view).stream().filter(l -> l.id() == partantId).findFirst().orElseThrow();

        view.confirmerDesactivation(m);
        ConfirmDialog confirmation = (ConfirmDialog) view.ouvert;
        assertThat(confirmation.isOpened()).isTrue();
        assertThat(confirmation.getElement().getProperty("header")).isEqualTo("Désactiver " + m.nomComplet() + " ?");
        assertThat(confirmation.getElement().getProperty("message"))
                .contains("ne fera plus partie du comité à partir d'aujourd'hui",
                        "Sa notation en cours sera retirée : les dossiers concernés poursuivent leur cycle");
        assertThat(confirmation.getElement().getProperty("confirmText")).isEqualTo("Désactiver et retirer sa notation");
        assertThat(membres.membre(partantId).desactiveLe()).as("nothing before the confirmation").isNull();

        ComponentUtil.fireEvent(confirmation, new ConfirmDialog.ConfirmEvent(confirmation, true));

        assertThat(view.errors.shown()).isEmpty();
        assertThat(membres.membre(partantId).desactiveLe()).isNotNull();
        fx.runJobs(t.communId());
        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE))
                .extracting(task -> task.getAssignee()).doesNotContain(String.valueOf(partantId));
        assertThat(lignes(view)).extracting(Membre::id).as("inactive members are hidden by default").doesNotContain(partantId);
        view.inactifs.setValue(true);
        assertThat(lignes(view)).extracting(Membre::id).contains(partantId);
    }
}
