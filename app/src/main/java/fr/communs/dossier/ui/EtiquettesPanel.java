package fr.communs.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import fr.communs.dossier.DossierLigne;
import fr.communs.dossier.DossierService;
import fr.communs.layout.Ui;
import java.util.List;

/**
 * The labels of one file with "×" to take one off, and a field to add one (chosen or typed): for the file's own
 * screen ({@code dossiers/<id>}).
 */
class EtiquettesPanel extends FlexLayout {
    private final DossierService dossiers;
    private final long communId;
    private final FlexLayout badges = new FlexLayout();
    private final EtiquetteField label = new EtiquetteField("Étiquette à ajouter au dossier (choisissez ou saisissez-en une)");

    EtiquettesPanel(DossierService dossiers, long communId) {
        this.dossiers = dossiers;
        this.communId = communId;
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s)");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Étiquettes du dossier");
        badges.setFlexWrap(FlexWrap.WRAP);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        Button add = new Button("Ajouter", VaadinIcon.TAG.create(), e -> {
            String value = label.getValue();
            if (DossiersView.run(() -> dossiers.addLabel(List.of(communId), value))) {
                Ui.success("Étiquette « " + value.strip() + " » ajoutée.");
                label.clear();
                refresh();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(badges, label, add);
        refresh();
    }

    private void refresh() {
        badges.removeAll();
        List<String> etiquettes = dossiers.find(communId).map(DossierLigne::etiquettes).orElse(List.of());
        if (etiquettes.isEmpty()) {
            Span none = new Span("Aucune étiquette");
            none.addClassName("muted");
            badges.add(none);
        }
        for (String e : etiquettes) {
            Span badge = new Span(e);
            badge.addClassName("badge");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                if (DossiersView.run(() -> dossiers.removeLabel(communId, e))) {
                    Ui.success("Étiquette « " + e + " » retirée.");
                }
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Retirer l'étiquette « " + e + " »");
            remove.setTooltipText("Retirer l'étiquette");
            badge.add(remove);
            badges.add(badge);
        }
        label.setLabels(dossiers.labels());
    }
}
