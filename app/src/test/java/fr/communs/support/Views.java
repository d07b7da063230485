package fr.communs.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/** Drives a routed view without a browser: built by Spring as the router does, then entered with its parameters. */
public final class Views {
    private Views() {
    }

    /** Creates the view with its dependencies injected and enters it at {@code path} with one route parameter. */
    public static <T extends Component & BeforeEnterObserver> T enter(ApplicationContext context, UI ui, Class<T> type,
                                                                      String path, String parameter, String value) {
        T view = context.getAutowireCapableBeanFactory().createBean(type);
        Router router = new Router(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(((WebApplicationContext) context).getServletContext())));
        view.beforeEnter(new BeforeEnterEvent(router, NavigationTrigger.PROGRAMMATIC, new Location(path), type,
                new RouteParameters(parameter, value), ui, List.of()));
        return view;
    }

    /** The component and everything inside it. */
    public static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(Views::descendants));
    }

    /** The text of the component, non-breaking and narrow spaces read as plain spaces. */
    public static String text(Component c) {
        return c.getElement().getTextRecursively().replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
