package fr.communs.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import fr.communs.base.LiveChange;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open pages update live (Vaadin server push): a component registers, for the person logged in, what to do when a
 * {@link LiveChange} concerns them; services publish the change inside their transaction, and once it is committed
 * each open page concerned runs its reaction in {@link UI#access}, on a thread of its own (never inside the
 * transaction of the person who acted).
 *
 * <p>A registration lives while its component is attached: it is removed when the component is detached (navigation,
 * closed tab, expired session), and a page that can no longer be reached is dropped at the next delivery. The UI is
 * held through a weak reference.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final CurrentUser currentUser;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** One open page of one person waiting for changes. */
    private record Listener(long accountId, Set<Long> structureIds, WeakReference<UI> ui, Consumer<LiveChange> action) {
    }

    /**
     * While {@code component} is attached, runs {@code action} (in the component's UI, with its session locked) for
     * every change concerning the person logged in now. Nothing happens for a visitor who is not logged in.
     */
    public Registration register(Component component, Consumer<LiveChange> action) {
        Listener[] current = new Listener[1];
        Runnable attach = () -> {
            if (current[0] == null) {
                current[0] = listen(component, action);
            }
        };
        Runnable detach = () -> {
            if (current[0] != null) {
                listeners.remove(current[0]);
                current[0] = null;
            }
        };
        Registration onAttach = component.addAttachListener(e -> attach.run());
        Registration onDetach = component.addDetachListener(e -> detach.run());
        if (component.isAttached()) {
            attach.run();
        }
        return () -> {
            onAttach.remove();
            onDetach.remove();
            detach.run();
        };
    }

    private Listener listen(Component component, Consumer<LiveChange> action) {
        AppUser user = currentUser.get().orElse(null);
        UI ui = component.getUI().orElse(null);
        if (user == null || ui == null) {
            return null;
        }
        Listener listener = new Listener(user.id(), Set.copyOf(user.structureIds()), new WeakReference<>(ui), action);
        listeners.add(listener);
        return listener;
    }

    /** Open pages currently registered (for tests and monitoring). */
    public int registered() {
        return listeners.size();
    }

    /** After the transaction that published the change is committed (never if it is rolled back). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(LiveChange change) {
        if (!listeners.isEmpty()) {
            delivery.execute(() -> deliver(change));
        }
    }

    private void deliver(LiveChange change) {
        for (Listener listener : listeners) {
            UI ui = listener.ui().get();
            if (ui == null || ui.isClosing()) {
                listeners.remove(listener);
                continue;
            }
            if (!change.concerns(listener.accountId(), listener.structureIds())) {
                continue;
            }
            try {
                ui.access(() -> {
                    try {
                        listener.action().accept(change);
                    } catch (RuntimeException e) {
                        log.warn("Mise à jour en direct d'une page impossible", e);
                    }
                });
            } catch (UIDetachedException e) {
                listeners.remove(listener);
            }
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }
}
