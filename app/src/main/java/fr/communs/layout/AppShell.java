package fr.communs.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The application shell: server push (Vaadin's own push client, served from its jar: the pre-compiled front-end
 * bundle is untouched), so that open pages update live ({@link LiveUpdates}).
 */
@Push
public class AppShell implements AppShellConfigurator {
}
