package fr.communs.campagne.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/** Administrators set the appel's name, collectivité, territory and calendar. */
@Route(value = "admin/campagne", layout = MainLayout.class)
@PageTitle("Paramètres de l'appel — Communs")
@RolesAllowed(Roles.ADMIN)
class CampagneAdminView extends VerticalLayout {

    CampagneAdminView(CampagneService campagnes, fr.communs.campagne.ExigenceService exigences) {
        addClassName("page");
        add(new H1("Paramètres de l'appel à communs"));
        Campagne campagne = campagnes.current().orElse(null);
        if (campagne == null) {
            add(new Paragraph("Aucun appel n'est ouvert."));
            return;
        }
        ErrorPanel errors = new ErrorPanel();
        TextField nom = text("Nom de l'appel", campagne.nom(), 200);
        TextField collectivite = text("Collectivité", campagne.collectivite(), 200);
        TextField territoire = text("Territoire (ex. Gard)", campagne.territoireNom(), 100);
        TextField code = text("Code INSEE du département (ex. 30)", campagne.territoireCode(), 3);
        DateTimePicker limite = new DateTimePicker("Date limite de dépôt");
        limite.setLocale(Locale.FRANCE);
        limite.setValue(campagne.dateLimiteDepot().atZoneSameInstant(fr.communs.base.Dates.ZONE).toLocalDateTime());
        limite.setHelperText("Une nouvelle date s'applique aussi aux dossiers déposés mais pas encore transmis.");
        DatePicker comite = Ui.datePicker("Date du comité d'accompagnement");
        comite.setValue(campagne.dateComite());
        comite.setWidth("20em");
        limite.setWidth("32em");
        Button save = new Button("Enregistrer", e -> {
            int[] moved = new int[1];
            if (errors.run(() -> moved[0] = campagnes.update(campagne.id(), new CampagneSettings(nom.getValue(), collectivite.getValue(),
                    territoire.getValue(), code.getValue(),
                    limite.getValue() == null ? null : limite.getValue().atZone(fr.communs.base.Dates.ZONE).toOffsetDateTime(),
                    comite.getValue())))) {
                Ui.success("Les paramètres de l'appel sont enregistrés." + (moved[0] == 0 ? ""
                        : " La nouvelle date limite s'applique aux " + moved[0] + " dossiers non encore transmis."));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(errors, nom, collectivite, territoire, code, limite, comite, save);
        add(new ExigencesSection(exigences, campagne.id()));
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
