package fr.communs.support;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.History;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.server.Command;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A Vaadin UI for browserless tests, standing for one person's browser tab: a command pushed with {@link #access} runs
 * as that person (Vaadin runs it with the session's security context; here, the one logged in when the UI was created)
 * when the test calls {@link #awaitAccess()}; navigations, the title and the addresses given to the browser's history
 * are recorded instead of being sent to a browser.
 */
public class TestUi extends UI {
    private final Authentication person = SecurityContextHolder.getContext().getAuthentication();
    private final List<String> replacedLocations = new CopyOnWriteArrayList<>();
    private final List<String> navigations = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.BlockingQueue<Command> commands = new java.util.concurrent.LinkedBlockingQueue<>();
    private static final List<TestUi> OPEN = new CopyOnWriteArrayList<>();
    private final Page page = new Page(this) {
        private final History history = new History(TestUi.this) {
            @Override
            public void replaceState(elemental.json.JsonValue state, String location) {
                replacedLocations.add(location);
            }
        };

        @Override
        public History getHistory() {
            return history;
        }

        @Override
        public void setTitle(String title) {
            TestUi.this.title = title;
        }
    };
    private volatile String title;

    /** The title the page gave the browser's tab last, if it set one. */
    public String title() {
        return title;
    }

    /** Creates the UI of the person logged in now, and makes it the current one. */
    public static TestUi open() {
        TestUi ui = new TestUi();
        UI.setCurrent(ui);
        OPEN.add(ui);
        return ui;
    }

    @Override
    public Page getPage() {
        return page;
    }

    /** Records where the page navigates to (there is no router without a server). */
    @Override
    public void navigate(String location) {
        navigations.add(location);
    }

    @Override
    public void navigate(String location, com.vaadin.flow.router.QueryParameters queryParameters) {
        navigations.add(location);
    }

    /** Where the page asked to navigate to, in order. */
    public List<String> navigations() {
        return List.copyOf(navigations);
    }

    /**
     * Vaadin runs a command given from another thread once it holds the session's lock; here the test thread plays
     * that part: the command waits until {@link #awaitAccess()} runs it (no race with the test's own reading).
     */
    @Override
    public Future<Void> access(Command command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        commands.add(() -> {
            command.execute();
            done.complete(null);
        });
        return done;
    }

    /**
     * Waits (10 seconds at most) for a command pushed to this UI from another thread and runs it as the person of this
     * UI, as Vaadin would; false if none came.
     */
    public boolean awaitAccess() throws InterruptedException {
        Command command = commands.poll(10, TimeUnit.SECONDS);
        if (command == null) {
            return false;
        }
        UI previousUi = UI.getCurrent();
        var previous = SecurityContextHolder.getContext().getAuthentication();
        UI.setCurrent(this);
        SecurityContextHolder.getContext().setAuthentication(person);
        try {
            command.execute();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
            UI.setCurrent(previousUi);
        }
        return true;
    }

    /** Commands pushed to this UI and not run yet. */
    public int pendingAccesses() {
        return commands.size();
    }

    /** Detaches the content of every UI opened by {@link #open()} (as closing the tabs would): their registrations end. */
    public static void closeAll() {
        OPEN.forEach(UI::removeAll);
        OPEN.clear();
    }

    /** The addresses the page put in the browser's history with {@code replaceState}, in order. */
    public List<String> replacedLocations() {
        return List.copyOf(replacedLocations);
    }

    /** Sets a field's value as if the person had typed it in the browser (a value change "from the client"). */
    public static <T> void type(AbstractField<?, T> field, T value) {
        try {
            Method set = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            set.setAccessible(true);
            set.invoke(field, value, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The component and all its descendants. */
    public static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(TestUi::descendants));
    }

    /** The visible text of a component and its descendants (hidden parts excluded). */
    public static String visibleText(Component root) {
        if (!root.isVisible()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (root.getChildren().findAny().isEmpty()) {
            text.append(root.getElement().getTextRecursively());
        } else {
            root.getElement().getChildren().filter(e -> e.isTextNode()).forEach(e -> text.append(e.getText()));
            root.getChildren().forEach(c -> text.append(' ').append(visibleText(c)));
        }
        return text.toString();
    }
}
