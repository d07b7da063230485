package fr.communs.campagne.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import fr.communs.base.Dates;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.RoleGroupement;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** "Paramètres de l'appel": closing files and reopening the deposit both ask for a confirmation naming how many. */
@SpringBootTest
@ActiveProfiles("test")
class CampagneAdminViewIT {
    @Autowired CampagneService campagnes;
    @Autowired fr.communs.campagne.ExigenceService exigences;
    @Autowired CommunService communs;
    @Autowired ManagementService management;
    @Autowired Fixtures fx;

    Campagne initiale;
    long communId;
    /** Held here: Vaadin keeps the current UI by a weak reference only. */
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        initiale = campagnes.current().orElseThrow();
        long porteur = fx.structure(true, "30");
        communId = fx.deposit(fx.account(Roles.STRUCTURE, porteur), porteur);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.as(fx.admin());
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.as(fx.admin());
        Campagne c = initiale;
        campagnes.update(c.id(), new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(), c.territoireCode(),
                c.dateLimiteDepot(), c.dateComite()), true);
        fx.logout();
    }

    private static LocalDateTime nowInParis() {
        return LocalDateTime.now(Dates.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }

    private static void confirm(ConfirmDialog dialog) {
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
    }

    @Test
    void a_past_deadline_asks_to_confirm_closing_the_files_then_the_deposit_can_be_reopened_with_a_date_to_come() {
        CampagneAdminView view = new CampagneAdminView(campagnes, exigences);
        assertThat(view.reouverture.getElement().getTextRecursively()).contains("Rouvrir le dépôt");
        LocalDateTime past = nowInParis().minusMinutes(2);
        int closing = campagnes.filesClosedBy(initiale.id(), past.atZone(Dates.ZONE).toOffsetDateTime());
        assertThat(closing).isGreaterThanOrEqualTo(1);

        view.limite.setValue(past);
        view.save.click();

        assertThat(view.confirmation.isOpened()).isTrue();
        assertThat(view.confirmation.getElement().getProperty("header"))
                .isEqualTo(closing == 1 ? "Clore le dépôt d'un dossier ?" : "Clore le dépôt de " + closing + " dossiers ?");
        assertThat(view.confirmation.getElement().getProperty("message")).contains(closing == 1
                ? "le dossier non transmis sera clos immédiatement ; son groupement ne pourra plus le transmettre"
                : "les " + closing + " dossiers non transmis seront clos immédiatement ; les groupements ne pourront plus "
                + "les transmettre");
        assertThat(campagnes.current().orElseThrow().dateLimiteDepot()).as("nothing before the confirmation")
                .isEqualTo(initiale.dateLimiteDepot());

        confirm(view.confirmation);
        assertThat(view.errors.shown()).isEmpty();
        assertThat(campagnes.current().orElseThrow().dateLimiteDepot().toInstant())
                .isEqualTo(past.atZone(Dates.ZONE).toInstant());
        management.executeJob(management.createJobQuery().processInstanceId(fx.processInstanceId(communId))
                .activityId(CycleCommunProcess.TIMER_FIN_DEPOT).timers().singleResult().getId());
        fx.runJobs(communId);
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.DEPOT_CLOS);

        view = new CampagneAdminView(campagnes, exigences);
        assertThat(view.reouverture.getElement().getTextRecursively())
                .contains("clos par la date limite", "enregistrez d'abord une date limite à venir");
        assertThat(view.rouvrir.isEnabled()).isFalse();

        LocalDateTime future = nowInParis().plusDays(15);
        view.limite.setValue(future);
        view.confirmation = null;
        view.save.click();
        assertThat(view.confirmation).as("a date to come needs no confirmation").isNull();
        assertThat(view.errors.shown()).isEmpty();
        assertThat(view.rouvrir.isEnabled()).isTrue();
        int closed = campagnes.filesToReopen(initiale.id());
        assertThat(view.reouverture.getElement().getTextRecursively())
                .contains(closed == 1 ? "1 dossier a été clos" : closed + " dossiers ont été clos");

        view.rouvrir.click();
        assertThat(view.confirmation.isOpened()).isTrue();
        assertThat(view.confirmation.getElement().getProperty("header"))
                .isEqualTo(closed == 1 ? "Rouvrir le dépôt d'un dossier ?" : "Rouvrir le dépôt de " + closed + " dossiers ?");
        assertThat(view.confirmation.getElement().getProperty("message")).contains(
                closed == 1 ? "revient en constitution" : "reviennent en constitution",
                "jusqu'au " + campagnes.current().orElseThrow().dateLimiteTexte());
        assertThat(communs.get(communId).statut()).as("nothing before the confirmation").isEqualTo(CommunStatut.DEPOT_CLOS);

        confirm(view.confirmation);
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(view.reouverture.getElement().getTextRecursively()).contains("Aucun dossier n'a été clos");
        assertThat(view.rouvrir.isEnabled()).isFalse();
    }

    @Test
    void a_deadline_to_come_is_saved_without_confirmation_and_bad_settings_show_their_errors() {
        CampagneAdminView view = new CampagneAdminView(campagnes, exigences);
        view.nom.setValue("");
        view.save.click();
        assertThat(view.confirmation).isNull();
        assertThat(view.errors.shown()).contains("Le champ « Nom de l'appel » est obligatoire.");

        view.nom.setValue(initiale.nom());
        LocalDateTime later = nowInParis().plusDays(40);
        view.limite.setValue(later);
        view.save.click();
        assertThat(view.confirmation).isNull();
        assertThat(view.errors.shown()).isEmpty();
        assertThat(campagnes.current().orElseThrow().dateLimiteDepot().toInstant())
                .isEqualTo(later.atZone(Dates.ZONE).toInstant());
    }
}
