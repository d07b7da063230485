package fr.communs.structure.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/** The structure a person acts for in this session (a person can belong to several). */
public final class ActingStructure {
    private static final String KEY = "communs.structureActive";

    private ActingStructure() {
    }

    public static Optional<Long> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((Long) session.getAttribute(KEY));
    }

    public static void set(long structureId) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEY, structureId);
        }
    }
}
