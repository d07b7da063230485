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

    /**
     * Fills a pager: "Page précédente", "Page x sur y", "Page suivante" (tertiary buttons, disabled at the ends);
     * hidden when there is only one page. {@code goTo} receives the page number asked for.
     */
    public static void fillPager(com.vaadin.flow.component.orderedlayout.HorizontalLayout pager, int page, int pages,
                                 java.util.function.IntConsumer goTo) {
        pager.removeAll();
        com.vaadin.flow.component.button.Button previous = new com.vaadin.flow.component.button.Button("Page précédente",
                com.vaadin.flow.component.icon.VaadinIcon.ARROW_LEFT.create(), e -> goTo.accept(page - 1));
        com.vaadin.flow.component.button.Button next = new com.vaadin.flow.component.button.Button("Page suivante",
                com.vaadin.flow.component.icon.VaadinIcon.ARROW_RIGHT.create(), e -> goTo.accept(page + 1));
        next.setIconAfterText(true);
        previous.setEnabled(page > 1);
        next.setEnabled(page < pages);
        previous.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        pager.add(previous, new Span("Page " + page + " sur " + pages), next);
        pager.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        pager.setVisible(pages > 1);
    }
}
