package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import fr.communs.base.Dates;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Fields and wording shared by the séance screens: French pickers on Paris time, slots, routes. */
final class SeanceUi {
    /** Default length of an audition, in minutes. */
    static final int DUREE_PAR_DEFAUT = 30;
    /** The séance's page. */
    static final String SEANCE_ROUTE = "seances/";
    /** The comité's scores of one file (screen of the comité's scoring). */
    static final String NOTES_ROUTE = "comite/seances/%d/dossiers/%d";
    /** Results and ranking of the séance. */
    static final String RESULTATS_ROUTE = "comite/seances/%d/resultats";
    static final String AIDE_DATE = "Obligatoire : une date à venir, heure de Paris.";

    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH'h'mm");

    private SeanceUi() {
    }

    static String seancePath(long seanceId) {
        return SEANCE_ROUTE + seanceId;
    }

    /** Date and time of a séance: French calendar, 5-minute steps, no date in the past. */
    static DateTimePicker dateTimePicker() {
        DateTimePicker picker = new DateTimePicker("Date et heure de la séance");
        picker.setLocale(Locale.FRANCE);
        picker.setDatePickerI18n(Ui.datePicker("").getI18n());
        picker.setStep(Duration.ofMinutes(5));
        picker.setMin(LocalDateTime.now(Dates.ZONE).withSecond(0).withNano(0));
        picker.setDateAriaLabel("Date de la séance");
        picker.setTimeAriaLabel("Heure de la séance (heure de Paris)");
        // Required, said in the helper text: the indicator would put aria-required on the picker's group, where ARIA
        // does not allow it (axe: aria-allowed-attr, critical).
        picker.setHelperText(AIDE_DATE);
        return picker;
    }

    static TextField lieu() {
        TextField lieu = new TextField("Lieu");
        lieu.setHelperText("Par exemple « Hôtel du Département, salle 3, Nîmes ». Le lieu, le lien de visioconférence, ou les deux.");
        CharacterLimit.apply(lieu, SeanceService.LIEU_MAX);
        lieu.setWidthFull();
        return lieu;
    }

    static TextField lienVisio() {
        TextField lien = new TextField("Lien de visioconférence");
        lien.setHelperText("Une adresse complète commençant par https://");
        lien.setPlaceholder("https://");
        CharacterLimit.apply(lien, SeanceService.LIEN_MAX);
        lien.setWidthFull();
        return lien;
    }

    /** Start time of an audition (the day is the séance's). */
    static TimePicker heure(String label, String titre) {
        TimePicker heure = new TimePicker(label);
        heure.setLocale(Locale.FRANCE);
        heure.setStep(Duration.ofMinutes(5));
        heure.setAriaLabel(label + " de « " + titre + " »");
        return heure;
    }

    /** Length of an audition in minutes (5 to 240, 30 by default). */
    static IntegerField duree(String titre) {
        IntegerField duree = new IntegerField("Durée (minutes)");
        duree.setMin(SeanceService.DUREE_MIN);
        duree.setMax(SeanceService.DUREE_MAX);
        duree.setStep(5);
        duree.setStepButtonsVisible(true);
        duree.setValue(DUREE_PAR_DEFAUT);
        duree.setAriaLabel("Durée de l'audition de « " + titre + " », en minutes");
        duree.setHelperText("De " + SeanceService.DUREE_MIN + " à " + SeanceService.DUREE_MAX + " minutes.");
        return duree;
    }

    /** "14h00 – 14h30". */
    static String creneau(Audition a) {
        return HEURE.format(a.debut()) + " – " + HEURE.format(a.fin());
    }

    static String heure(LocalDateTime t) {
        return t == null ? "" : HEURE.format(t);
    }

    /** "Hôtel du Département" / "en visio" / both. */
    static String ou(Seance s) {
        if (s.lieu() != null && s.lienVisio() != null) {
            return s.lieu() + " et en visioconférence";
        }
        return s.lieu() != null ? s.lieu() : "En visioconférence";
    }

    /** A confirmation with French buttons; the caller adds the listener and opens it. */
    static ConfirmDialog confirmation(String header, String text, String confirm, boolean danger) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText("Annuler");
        dialog.setConfirmText(confirm);
        if (danger) {
            dialog.setConfirmButtonTheme("error primary");
        }
        return dialog;
    }
}
