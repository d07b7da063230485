package fr.communs.dossier.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A label to add to files: one of the known labels, or a new one typed in. */
class EtiquetteField extends ComboBox<String> {
    private final List<String> labels = new ArrayList<>();

    EtiquetteField(String ariaLabel) {
        setPlaceholder("Ajouter une étiquette");
        setAriaLabel(ariaLabel);
        setAllowCustomValue(true);
        setClearButtonVisible(true);
        addCustomValueSetListener(e -> {
            String v = e.getDetail() == null ? "" : e.getDetail().strip();
            if (!v.isEmpty()) {
                if (!labels.contains(v)) {
                    labels.add(v);
                    setItems(labels);
                }
                setValue(v);
            }
        });
    }

    /** The known labels (suggestions and those in use). */
    void setLabels(Collection<String> known) {
        labels.clear();
        labels.addAll(known);
        setItems(labels);
    }
}
