package fr.communs.commun.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.communs.layout.Ui;
import fr.communs.commun.Commun;
import fr.communs.commun.Eligibility;
import fr.communs.commun.MembreGroupement;
import java.util.List;

/** The content of a commun's file (texts, défis, groupement, eligibility), shown on its page and in task screens. */
public class CommunFileView extends VerticalLayout {

    public CommunFileView(Commun commun, List<MembreGroupement> membres, Eligibility eligibility, String territoireCode) {
        setPadding(false);
        section("Résumé", commun.resume());
        section("Besoin du territoire (diagnostic)", commun.besoin());
        section("Caractère d'intérêt général", commun.interetGeneral());
        section("Gouvernance démocratique, coopérative et transparente", commun.gouvernance());
        add(new H3("Défis de l'appel"));
        UnorderedList defis = new UnorderedList();
        commun.defis().forEach(d -> defis.add(new ListItem("Défi " + d.numero() + " — " + d.libelle())));
        add(defis);
        add(new H3("Groupement (" + membres.size() + (membres.size() > 1 ? " structures)" : " structure)")));
        add(membresGrid(membres, territoireCode));
        add(eligibilityPanel(eligibility));
    }

    private void section(String title, String text) {
        add(new H3(title));
        Paragraph p = new Paragraph(text == null || text.isBlank() ? "Non renseigné." : text);
        p.addClassName("texte");
        if (text == null || text.isBlank()) {
            p.addClassName("muted");
        }
        add(p);
    }

    static Grid<MembreGroupement> membresGrid(List<MembreGroupement> membres, String territoireCode) {
        Grid<MembreGroupement> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(m -> new com.vaadin.flow.component.html.Anchor("structures/" + m.structure().id(),
                m.structure().nom())).setHeader("Structure").setFlexGrow(3);
        grid.addColumn(m -> m.role().libelle()).setHeader("Rôle").setFlexGrow(2);
        grid.addColumn(m -> m.structure().formeJuridique().libelle()).setHeader("Forme juridique").setFlexGrow(2);
        grid.addColumn(m -> m.structure().commune() + " (" + m.structure().codeDepartement() + ")").setHeader("Commune").setFlexGrow(2);
        grid.addComponentColumn(m -> Ui.badge(m.structure().ess()
                        ? (m.structure().verifiee() ? "ESS (vérifié)" : "ESS (déclaré)") : "Hors ESS", m.structure().ess()))
                .setHeader("ESS").setFlexGrow(1);
        grid.addComponentColumn(m -> Ui.badge(territoireCode.equals(m.structure().codeDepartement()) ? "Oui" : "Non",
                territoireCode.equals(m.structure().codeDepartement()))).setHeader("Sur le territoire").setFlexGrow(1);
        grid.setItems(membres);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The eligibility rules, each green or red with its explanation. */
    public static Div eligibilityPanel(Eligibility eligibility) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.getElement().setAttribute("aria-live", "polite");
        H3 title = new H3(eligibility.eligible() ? "Éligibilité : le groupement remplit les règles de l'appel"
                : "Éligibilité : le groupement ne remplit pas encore les règles de l'appel");
        panel.add(title);
        for (Eligibility.Rule rule : eligibility.rules()) {
            Div line = new Div();
            line.addClassNames("rule", rule.ok() ? "ok" : "ko");
            Span mark = new Span(rule.ok() ? "✓" : "✗");
            mark.addClassName("mark");
            mark.getElement().setAttribute("aria-label", rule.ok() ? "règle remplie" : "règle non remplie");
            line.add(mark, new Span(rule.libelle() + " — " + rule.explication()));
            panel.add(line);
        }
        Paragraph note = new Paragraph("Les statuts ESS et les implantations sont déclarés par les structures, puis "
                + "vérifiés par le Département : « déclaré » signifie que la vérification n'a pas encore eu lieu.");
        note.addClassName("muted");
        panel.add(note);
        return panel;
    }
}
