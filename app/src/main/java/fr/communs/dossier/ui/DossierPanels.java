package fr.communs.dossier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.Map;

/** The panels of the other features shown on a file's screen (attachments, avis, messages, timeline, labels). */
@org.springframework.stereotype.Component
class DossierPanels {

    DossierPanels() {
    }

    /** The labels of the file, with add / remove. */
    Component labels(long communId) {
        return new Div();
    }

    /** Tab title → content, in display order. */
    Map<String, Component> tabs(long communId) {
        return new LinkedHashMap<>();
    }
}
