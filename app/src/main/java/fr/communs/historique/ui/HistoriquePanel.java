package fr.communs.historique.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.historique.Evenement;
import fr.communs.historique.HistoriqueService;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of a file for the agents' back office: every event, newest first, with its date ("23/11/2026 14h32"),
 * what happened (in bold), who did it and the detail; chips to show everything, the decisions, the messages or the
 * tasks of the engine.
 */
public class HistoriquePanel extends VerticalLayout {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH'h'mm");

    private final HistoriqueService service;
    private final long communId;
    private final ErrorPanel errors = new ErrorPanel();
    private final HorizontalLayout chips = new HorizontalLayout();
    private final OrderedList timeline = new OrderedList();
    private final Paragraph empty = new Paragraph();
    private final Map<Evenement.Filtre, Button> chipButtons = new EnumMap<>(Evenement.Filtre.class);
    private List<Evenement> evenements = List.of();
    private Evenement.Filtre filtre = Evenement.Filtre.TOUT;

    public HistoriquePanel(HistoriqueService service, long communId) {
        this.service = service;
        this.communId = communId;
        setPadding(false);
        addClassName("historique");

        Button actualiser = new Button("Actualiser", VaadinIcon.REFRESH.create(), e -> refresh());
        actualiser.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new H3("Historique du dossier"), actualiser);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));

        chips.setSpacing(true);
        chips.getStyle().set("flex-wrap", "wrap");
        chips.getElement().setAttribute("role", "group");
        chips.getElement().setAttribute("aria-label", "Filtrer l'historique");
        for (Evenement.Filtre f : Evenement.Filtre.values()) {
            Button chip = new Button(f.libelle(), e -> select(f));
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL);
            chip.getStyle().set("border-radius", "999px");
            chipButtons.put(f, chip);
            chips.add(chip);
        }

        timeline.getStyle().set("list-style", "none").set("padding", "0").set("margin", "0")
                .set("border-left", "2px solid var(--lumo-contrast-20pct)");
        timeline.setWidthFull();
        empty.addClassName("muted");

        add(header, errors, chips, timeline, empty);
        refresh();
    }

    /** Reads the events again (after a decision, a message…), keeping the chosen filter. */
    public void refresh() {
        List<Evenement> read = new ArrayList<>();
        if (errors.run(() -> read.addAll(service.evenements(communId)))) {
            evenements = List.copyOf(read);
        } else {
            evenements = List.of();
        }
        show();
    }

    private void select(Evenement.Filtre f) {
        filtre = f;
        show();
    }

    private void show() {
        for (Map.Entry<Evenement.Filtre, Button> entry : chipButtons.entrySet()) {
            Evenement.Filtre f = entry.getKey();
            Button chip = entry.getValue();
            long count = evenements.stream().filter(f::retient).count();
            chip.setText(f.libelle() + " (" + count + ")");
            boolean selected = f == filtre;
            chip.getElement().setAttribute("aria-pressed", String.valueOf(selected));
            if (selected) {
                chip.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                chip.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
        timeline.removeAll();
        List<Evenement> shown = evenements.stream().filter(filtre::retient).toList();
        shown.forEach(e -> timeline.add(item(e)));
        timeline.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        empty.setText(evenements.isEmpty() ? "Aucun événement n'est encore enregistré pour ce dossier."
                : "Aucun événement de ce type pour ce dossier.");
    }

    private static ListItem item(Evenement e) {
        ListItem li = new ListItem();
        li.addClassName("historique-evenement");
        li.getStyle().set("padding", "var(--lumo-space-xs) 0 var(--lumo-space-s) var(--lumo-space-m)")
                .set("position", "relative");

        Span date = new Span(DATE.format(e.date().atZoneSameInstant(Dates.ZONE)));
        date.addClassName("muted");
        date.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Span type = new Span(e.type().libelle());
        type.addClassName("badge");
        HorizontalLayout meta = new HorizontalLayout(date, type);
        meta.setSpacing(true);
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);

        Span titre = new Span(e.titre());
        titre.getStyle().set("font-weight", "600").set("display", "block");
        Div body = new Div(meta, titre);
        if (e.acteur() != null && !e.acteur().isBlank()) {
            Span acteur = new Span("Par " + e.acteur());
            acteur.addClassName("muted");
            acteur.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
            body.add(acteur);
        }
        if (e.detail() != null && !e.detail().isBlank()) {
            Paragraph detail = new Paragraph(e.detail());
            detail.addClassName("texte");
            detail.getStyle().set("margin", "var(--lumo-space-xs) 0 0 0");
            body.add(detail);
        }
        li.add(body);
        return li;
    }
}
