package fr.communs.layout;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small shared UI helpers: French notifications, error panels, dates. */
public final class Ui {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private Ui() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** A date picker with French labels and the dd/MM/yyyy format. */
    public static com.vaadin.flow.component.datepicker.DatePicker datePicker(String label) {
        var picker = new com.vaadin.flow.component.datepicker.DatePicker(label);
        picker.setLocale(java.util.Locale.FRANCE);
        var i18n = new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n();
        i18n.setMonthNames(List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre"));
        i18n.setWeekdays(List.of("dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"));
        i18n.setWeekdaysShort(List.of("dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday("Aujourd'hui");
        i18n.setCancel("Annuler");
        i18n.setDateFormat("dd/MM/yyyy");
        picker.setI18n(i18n);
        return picker;
    }

    /** A badge: green when ok, red when not. */
    public static Span badge(String text, boolean ok) {
        Span span = new Span(text);
        span.addClassNames("badge", ok ? "ok" : "ko");
        return span;
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public static String dateTime(LocalDateTime d) {
        return d == null ? "" : DATE_TIME.format(d);
    }

    public static String dateTime(OffsetDateTime d) {
        return d == null ? "" : DATE_TIME.format(d.atZoneSameInstant(fr.communs.base.Dates.ZONE));
    }
}
