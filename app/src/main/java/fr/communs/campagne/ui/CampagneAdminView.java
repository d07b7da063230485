package fr.communs.campagne.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * Administrators set the appel's name, collectivité, territory and calendar. A deposit deadline already past closes
 * the files not yet transmitted at once: it asks for a confirmation naming how many. Files closed by the deadline can
 * be brought back ("Rouvrir le dépôt", with a confirmation naming how many) once the deadline is to come again.
 */
@Route(value = "admin/campagne", layout = MainLayout.class)
@PageTitle("Paramètres de l'appel — Communs")
@RolesAllowed(Roles.ADMIN)
class CampagneAdminView extends VerticalLayout {
    private final CampagneService campagnes;
    final ErrorPanel errors = new ErrorPanel();
    TextField nom;
    TextField collectivite;
    TextField territoire;
    TextField code;
    final DateTimePicker limite = new DateTimePicker("Date limite de dépôt");
    DatePicker comite;
    final Button save = new Button("Enregistrer");
    /** "Rouvrir le dépôt" and what it would bring back. */
    final Div reouverture = new Div();
    final Button rouvrir = new Button("Rouvrir le dépôt…");
    /** The confirmation open now (closing files, or reopening), for the tests. */
    ConfirmDialog confirmation;
    private long campagneId;

    CampagneAdminView(CampagneService campagnes, fr.communs.campagne.ExigenceService exigences) {
        this.campagnes = campagnes;
        addClassName("page");
        add(new H1("Paramètres de l'appel à communs"));
        Campagne campagne = campagnes.current().orElse(null);
        if (campagne == null) {
            add(new Paragraph("Aucun appel n'est ouvert."));
            return;
        }
        campagneId = campagne.id();
        nom = text("Nom de l'appel", campagne.nom(), 200);
        collectivite = text("Collectivité", campagne.collectivite(), 200);
        territoire = text("Territoire (ex. Gard)", campagne.territoireNom(), 100);
        code = text("Code INSEE du département (ex. 30)", campagne.territoireCode(), 3);
        limite.setLocale(Locale.FRANCE);
        limite.setValue(campagne.dateLimiteDepot().atZoneSameInstant(Dates.ZONE).toLocalDateTime());
        limite.setHelperText("Une nouvelle date s'applique aussi aux dossiers déposés mais pas encore transmis. "
                + "Une date déjà passée clôt aussitôt le dépôt des dossiers non transmis (une confirmation est demandée).");
        comite = Ui.datePicker("Date du comité d'accompagnement");
        comite.setValue(campagne.dateComite());
        comite.setHelperText("Les membres du comité notent les auditions au plus tard ce jour-là ; l'avis du comité est "
                + "attendu dans la semaine qui suit.");
        comite.setWidth("32em");
        limite.setWidth("32em");
        save.addClickListener(e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rouvrir.addClickListener(e -> confirmReopen());
        reouverture.addClassName("card");
        add(errors, nom, collectivite, territoire, code, limite, comite, save, reouverture);
        showReopening();
        add(new ExigencesSection(exigences, campagne.id()));
    }

    private CampagneSettings read() {
        return new CampagneSettings(nom.getValue(), collectivite.getValue(), territoire.getValue(), code.getValue(),
                limite.getValue() == null ? null : limite.getValue().atZone(Dates.ZONE).toOffsetDateTime(),
                comite.getValue());
    }

    /** Saves at once, or first asks for a confirmation when the new deadline closes files. */
    private void save() {
        CampagneSettings settings = read();
        int[] closing = new int[1];
        if (!errors.run(() -> closing[0] = campagnes.filesClosedBy(campagneId, settings.dateLimiteDepot()))) {
            return;
        }
        if (closing[0] == 0) {
            store(settings, false);
            return;
        }
        confirmation = new ConfirmDialog();
        confirmation.setHeader(closing[0] == 1 ? "Clore le dépôt d'un dossier ?"
                : "Clore le dépôt de " + closing[0] + " dossiers ?");
        confirmation.setText(CampagneService.closingWarning(settings.dateLimiteDepot(), closing[0]));
        confirmation.setCancelable(true);
        confirmation.setCancelText("Annuler");
        confirmation.setConfirmText(closing[0] == 1 ? "Clore le dossier" : "Clore les " + closing[0] + " dossiers");
        confirmation.setConfirmButtonTheme("error primary");
        confirmation.addConfirmListener(e -> store(settings, true));
        confirmation.open();
    }

    private void store(CampagneSettings settings, boolean clotureConfirmee) {
        int[] moved = new int[1];
        if (errors.run(() -> moved[0] = campagnes.update(campagneId, settings, clotureConfirmee))) {
            Ui.success("Les paramètres de l'appel sont enregistrés." + (moved[0] == 0 ? ""
                    : clotureConfirmee ? " Le dépôt des dossiers non transmis est clos."
                    : moved[0] == 1 ? " La nouvelle date limite s'applique au dossier non encore transmis."
                    : " La nouvelle date limite s'applique aux " + moved[0] + " dossiers non encore transmis."));
            showReopening();
        }
    }

    /** What "Rouvrir le dépôt" would do now, and whether it can. */
    private void showReopening() {
        reouverture.removeAll();
        reouverture.add(new H2("Rouvrir le dépôt"));
        Campagne campagne = campagnes.get(campagneId);
        int closed = campagnes.filesToReopen(campagneId);
        boolean ouvert = campagne.depotOuvert(java.time.OffsetDateTime.now());
        Paragraph state = new Paragraph(closed == 0
                ? "Aucun dossier n'a été clos par la date limite."
                : (closed == 1 ? "1 dossier a été clos par la date limite sans être transmis."
                : closed + " dossiers ont été clos par la date limite sans être transmis.")
                + (ouvert ? " Rouvrir le dépôt les remet en constitution jusqu'au " + campagne.dateLimiteTexte() + "."
                : " Pour les rouvrir, enregistrez d'abord une date limite à venir."));
        rouvrir.setEnabled(closed > 0 && ouvert);
        reouverture.add(state, rouvrir);
    }

    private void confirmReopen() {
        Campagne campagne = campagnes.get(campagneId);
        int closed = campagnes.filesToReopen(campagneId);
        confirmation = new ConfirmDialog();
        confirmation.setHeader(closed == 1 ? "Rouvrir le dépôt d'un dossier ?" : "Rouvrir le dépôt de " + closed + " dossiers ?");
        confirmation.setText((closed == 1
                ? "Le dossier clos par la date limite revient en constitution : son groupement pourra de nouveau le "
                + "compléter et le transmettre jusqu'au " + campagne.dateLimiteTexte() + ", et en est prévenu."
                : "Les " + closed + " dossiers clos par la date limite reviennent en constitution : leurs groupements "
                + "pourront de nouveau les compléter et les transmettre jusqu'au " + campagne.dateLimiteTexte()
                + ", et en sont prévenus.")
                + " Les dossiers terminés autrement (non recevables, rejetés…) ne changent pas.");
        confirmation.setCancelable(true);
        confirmation.setCancelText("Annuler");
        confirmation.setConfirmText("Rouvrir le dépôt");
        confirmation.addConfirmListener(e -> {
            int[] reopened = new int[1];
            if (errors.run(() -> reopened[0] = campagnes.reopenDeposit(campagneId))) {
                Ui.success(reopened[0] == 1 ? "Le dépôt est rouvert : 1 dossier revient en constitution."
                        : "Le dépôt est rouvert : " + reopened[0] + " dossiers reviennent en constitution.");
            }
            showReopening();
        });
        confirmation.open();
    }

    private static TextField text(String label, String value, int max) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setMaxLength(max);
        field.setRequiredIndicatorVisible(true);
        field.setWidth("32em");
        return field;
    }
}
