package fr.communs.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.notification.Notification;
import fr.communs.notification.NotificationService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The logged-in person's notifications, newest first, 20 per page; unread ones are marked in words, not only colour. */
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications — Communs")
@PermitAll
class NotificationsView extends VerticalLayout {
    static final int PAGE_SIZE = 20;

    private final NotificationService notifications;
    private final H1 title = new H1("Notifications");
    private final Span summary = new Span();
    private final Button markAll = new Button("Tout marquer comme lu", VaadinIcon.CHECK.create());
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph("Vous n'avez aucune notification.");
    private final HorizontalLayout pager = new HorizontalLayout();
    private int page = 1;

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("page");
        summary.addClassName("muted");
        markAll.addClickListener(e -> markAllRead());
        HorizontalLayout actions = new HorizontalLayout(summary, markAll);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWidthFull();
        actions.expand(summary);
        list.addClassName("notification-list");
        list.setWidthFull();
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.getElement().setAttribute("tabindex", "-1");
        add(title, actions, empty, list, pager);
        refresh();
    }

    private void refresh() {
        int count = notifications.countMine();
        int unread = notifications.unreadCount();
        int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(Math.max(1, page), pages);
        summary.setText(count == 0 ? "" : unread == 0 ? "Toutes vos notifications sont lues."
                : unread + (unread > 1 ? " notifications non lues" : " notification non lue") + " sur " + count + ".");
        markAll.setVisible(unread > 0);
        empty.setVisible(count == 0);
        list.removeAll();
        List<Notification> shown = notifications.mine((page - 1) * PAGE_SIZE, PAGE_SIZE);
        shown.forEach(n -> list.add(item(n)));
        list.setVisible(!shown.isEmpty());
        Ui.fillPager(pager, page, pages, target -> {
            page = target;
            refresh();
            focusTitle();
        });
        refreshBell();
    }

    private ListItem item(Notification n) {
        ListItem item = new ListItem();
        item.addClassNames("card", "notification-item", n.lue() ? "lue" : "non-lue");
        Div meta = new Div();
        meta.addClassName("notification-meta");
        Span date = new Span(Ui.dateTime(n.createdAt()));
        date.addClassName("muted");
        Span type = new Span(n.type().libelle());
        type.addClassName("hashtags");
        meta.add(date, type);
        if (!n.lue()) {
            Span badge = new Span("Non lue");
            badge.addClassNames("badge", "notification-non-lue");
            meta.addComponentAsFirst(badge);
        }
        H2 titre = new H2(n.titre());
        titre.addClassName("notification-titre");
        Paragraph texte = new Paragraph(n.texte());
        texte.addClassName("texte");
        item.add(meta, titre, texte);
        if (n.lien() != null) {
            Button voir = new Button("Voir", VaadinIcon.ARROW_RIGHT.create(), e -> open(n));
            voir.setIconAfterText(true);
            voir.setAriaLabel("Voir : " + n.titre());
            voir.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            item.add(voir);
        } else if (!n.lue()) {
            Button lue = new Button("Marquer comme lue", e -> {
                markRead(n);
                refresh();
                focusTitle();
            });
            lue.setAriaLabel("Marquer comme lue : " + n.titre());
            lue.addThemeVariants(ButtonVariant.LUMO_SMALL);
            item.add(lue);
        }
        return item;
    }

    private void open(Notification n) {
        if (!markRead(n)) {
            return;
        }
        Location location = new Location(n.lien());
        getUI().ifPresent(ui -> ui.navigate(location.getPath(), location.getQueryParameters()));
    }

    private boolean markRead(Notification n) {
        try {
            notifications.markRead(n.id());
            return true;
        } catch (NotAllowedException e) {
            Ui.error(e.getMessage());
            refresh();
            return false;
        }
    }

    private void markAllRead() {
        notifications.markAllRead();
        refresh();
        focusTitle();
        Ui.success("Toutes vos notifications sont marquées comme lues.");
    }

    /** Keyboard focus goes back to the page title when the button that had it disappears or the page changes. */
    private void focusTitle() {
        title.getElement().executeJs("this.focus()");
    }

    /** The frame's bell shows the count again (navigation refreshes it too). */
    private void refreshBell() {
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshUnreadNotifications();
        }
    }
}
