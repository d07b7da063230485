package fr.communs.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.communs.base.UnreadNotifications;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;

/**
 * The application frame: header with the notification bell, the person and their role, navigation adapted to the
 * role. The frame survives navigation: the bell's count is read again after each one.
 */
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private final UnreadNotifications unreadNotifications;
    /** The page's single main landmark, around the view shown. */
    private final Main main = new Main();
    private Button bell;
    private Span bellCount;

    public MainLayout(AuthenticationContext auth, UnreadNotifications unreadNotifications, LiveUpdates live) {
        this.unreadNotifications = unreadNotifications;
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Afficher ou masquer le menu");
        Span title = new Span("Appel à communs");
        title.addClassName("app-title");
        // Keyboard users jump over the menu: visible only when it has the focus (first stop of the page).
        Button skip = new Button("Aller au contenu", e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs(
                "const main = document.querySelector('vaadin-app-layout > main');"
                        + "if (main) { main.setAttribute('tabindex', '-1'); main.focus(); }")));
        skip.addClassName("skip-link");
        HorizontalLayout header = new HorizontalLayout(skip, toggle, title);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        header.addAndExpand(spacer);
        auth.getAuthenticatedUser(AppUser.class).ifPresentOrElse(user -> {
            Span who = new Span(user.nomComplet() + " — " + Roles.label(user.role()));
            who.addClassName("app-user");
            bell = new Button(VaadinIcon.BELL.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("notifications")));
            bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            bell.addClassName("notification-bell");
            bellCount = new Span();
            bellCount.addClassName("notification-count");
            bellCount.getElement().setAttribute("aria-hidden", "true");
            bell.setSuffixComponent(bellCount);
            header.add(bell);
            Button logout = new Button("Se déconnecter", VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(who, logout);
            live.register(this, change -> refreshUnreadNotifications());      // the bell follows, live
        }, () -> {
            Anchor signUp = new Anchor("inscription", "Créer un compte");
            signUp.addClassName("app-login");
            Anchor login = new Anchor("login", "Se connecter");
            login.addClassName("app-login");
            header.add(signUp, login);
        });
        // The header is the page's banner landmark (a <header> outside <main>).
        Header banner = new Header(header);
        banner.addClassName("app-header");
        banner.setWidthFull();
        addToNavbar(banner);

        Span brand = new Span("Communs");
        brand.addClassName("app-brand");
        // The name repeats the banner's title: read once, there.
        brand.getElement().setAttribute("aria-hidden", "true");
        SideNav nav = new SideNav();
        nav.setLabel("Navigation principale");
        nav.addItem(new SideNavItem("Accueil", "", VaadinIcon.HOME.create()));
        nav.addItem(new SideNavItem("Communs déposés", "communs", VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem("Liste des structures", "structures", VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Carte du réseau", "carte", VaadinIcon.MAP_MARKER.create()));
        if (auth.hasRole(Roles.STRUCTURE)) {
            nav.addItem(new SideNavItem("Mes structures", "mes-structures", VaadinIcon.BUILDING.create()));
            nav.addItem(new SideNavItem("Mes communs", "mes-communs", VaadinIcon.CLUSTER.create()));
            nav.addItem(new SideNavItem("Déposer une idée", "deposer", VaadinIcon.LIGHTBULB.create()));
        }
        if (auth.isAuthenticated()) {
            nav.addItem(new SideNavItem("Mes tâches", "taches", VaadinIcon.TASKS.create()));
        }
        if (auth.hasRole(Roles.AGENT)) {
            nav.addItem(new SideNavItem("Dossiers", "dossiers", VaadinIcon.FOLDER_OPEN_O.create()));
            nav.addItem(new SideNavItem("Vérifier les structures", "verifications", VaadinIcon.CHECK_SQUARE_O.create()));
        }
        if (auth.hasRole(Roles.AGENT) || auth.hasRole(Roles.COMITE)) {
            nav.addItem(new SideNavItem("Séances du comité", "seances", VaadinIcon.CALENDAR_USER.create()));
        }
        if (auth.hasRole(Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Paramètres de l'appel", "admin/campagne", VaadinIcon.COG.create()));
            nav.addItem(new SideNavItem("Comité d'accompagnement", "admin/comite", VaadinIcon.GROUP.create()));
            nav.addItem(new SideNavItem("Courriels envoyés", "admin/courriels", VaadinIcon.ENVELOPE.create()));
        }
        Div drawer = new Div(brand, nav);
        drawer.addClassName("app-drawer");
        addToDrawer(drawer);
    }

    /**
     * The view goes inside a {@code <main>} element: every page of the frame has exactly one main landmark, the target
     * of "Aller au contenu" (views must not add another).
     */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);      // AppLayout's own steps after a navigation
        if (content != null) {
            main.getElement().removeAllChildren();
            setContent(main);
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshUnreadNotifications();
    }

    /** Reads the bell's count again (screens that mark notifications read call it). */
    public void refreshUnreadNotifications() {
        if (bell == null) {
            return;
        }
        int count = unreadNotifications.unreadCount();
        bellCount.setText(count > 99 ? "99+" : String.valueOf(count));
        bellCount.setVisible(count > 0);
        String label = count == 0 ? "Notifications, aucune non lue"
                : "Notifications, " + count + (count > 1 ? " non lues" : " non lue");
        bell.setAriaLabel(label);
        bell.setTooltipText("Voir mes notifications");
    }
}
