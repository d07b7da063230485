package fr.communs.comite.deport.ui;

import com.vaadin.flow.component.Component;
import fr.communs.comite.deport.DeportService;

/** The recusal components other screens of the comité embed (a séance's agenda, a file's page for the comité). */
public final class DeportComponents {
    private DeportComponents() {
    }

    /**
     * "Je me déporte…" for the comité member looking at the file: a button and its dialog (reason required, the
     * consequences named), or why they are recused; invisible to anyone who may not declare. {@code apres} runs after a
     * declaration (to refresh the screen around it).
     */
    public static Component boutonDeport(DeportService deports, long communId, Runnable apres) {
        return new DeportButton(deports, communId, apres);
    }

    /** The members recused from the file and why; invisible to anyone who may not see them. */
    public static Component listeDeports(DeportService deports, long communId) {
        return new DeportsPanel(deports, communId);
    }
}
