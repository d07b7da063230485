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
import fr.communs.budget.ui.BudgetSummary;
import fr.communs.layout.Ui;
import fr.communs.commun.Commun;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.Eligibility;
import fr.communs.commun.MembreGroupement;
import java.util.List;

/** The content of a commun's file (texts, défis, groupement, eligibility), shown on its page and in task screens. */
public class CommunFileView extends VerticalLayout {

    /** The live file: its content only (the groupement is shown apart, with its actions). */
    public CommunFileView(Commun commun) {
        setPadding(false);
        content(commun.resume(), commun.besoin(), commun.interetGeneral(), commun.gouvernance(),
                commun.defis().stream().map(d -> "Défi " + d.numero() + " — " + d.libelle()).toList(),
                commun.enjeux().stream().sorted().map(fr.communs.commun.Enjeu::libelle).toList(),
                commun.echelle() == null ? null : commun.echelle().libelle(), commun.zoneRurale(), commun.zoneQpv(),
                commun.communes().stream().map(fr.communs.commune.Commune::libelle).toList(), commun.productions());
    }

    /** A frozen version of the file (what was transmitted), with the groupement as it stood then. */
    public CommunFileView(DossierVersion version) {
        setPadding(false);
        DossierVersion.Contenu c = version.contenu();
        Paragraph origin = new Paragraph("Version " + version.numero() + " — " + version.motif().libelle().toLowerCase()
                + " le " + Ui.dateTime(version.createdAt()) + ". C'est cette version, figée, qui est instruite.");
        origin.addClassName("muted");
        add(origin, new H3("Titre"), new Paragraph(c.titre()));
        content(c.resume(), c.besoin(), c.interetGeneral(), c.gouvernance(), c.defis(), c.enjeux(), c.echelle(),
                c.zoneRurale(), c.zoneQpv(), c.communes(), c.productions());
        add(new H3("Groupement à cette version (" + c.membres().size() + " structures)"));
        Grid<DossierVersion.Membre> grid = membresGrid(c.membres(), m -> m, c.territoireCode());
        add(grid);
        list("Besoins de contributions", c.demandesContribution(), "Aucun besoin de contribution.");
        list("Contributions acceptées", c.contributionsAcceptees(), "Aucune contribution acceptée.");
        if (c.piecesJointes() != null) {
            list("Pièces jointes à cette version", c.piecesJointes(), "Aucune pièce jointe.");
        }
        add(new H3("Montant demandé et budget prévisionnel"), budget(c));
    }

    /** The budget of a frozen version; versions frozen before the platform asked for one say so. */
    public static com.vaadin.flow.component.Component budget(DossierVersion.Contenu c) {
        return BudgetSummary.of(c.budget() == null ? null : c.budget().budget(),
                "Aucun budget prévisionnel n'a été saisi dans cette version du dossier.");
    }

    private void content(String resume, String besoin, String interet, String gouvernance, List<String> defis,
                         List<String> enjeux, String echelle, boolean rurale, boolean qpv, List<String> communes,
                         String productions) {
        section("Résumé", resume);
        section("Besoin du territoire (diagnostic)", besoin);
        section("Caractère d'intérêt général", interet);
        section("Gouvernance démocratique, coopérative et transparente", gouvernance);
        section("Productions attendues, accessibles et appropriables par toutes et tous", productions);
        list("Défis de l'appel", defis, "Aucun défi choisi.");
        list("Enjeux", enjeux, "Aucun enjeu choisi.");
        List<String> territoire = new java.util.ArrayList<>();
        if (echelle != null) {
            territoire.add("Échelle : " + echelle.toLowerCase());
        }
        if (rurale) {
            territoire.add("Zone rurale");
        }
        if (qpv) {
            territoire.add("Quartier politique de la ville (QPV)");
        }
        if (!communes.isEmpty()) {
            territoire.add("Communes concernées : " + String.join(", ", communes));
        }
        list("Territoire", territoire, "Non renseigné.");
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

    private void list(String title, List<String> items, String empty) {
        add(new H3(title));
        if (items == null || items.isEmpty()) {
            Paragraph p = new Paragraph(empty);
            p.addClassName("muted");
            add(p);
            return;
        }
        UnorderedList ul = new UnorderedList();
        items.forEach(i -> ul.add(new ListItem(i)));
        add(ul);
    }

    /** The live groupement; the porteur proposal shows in the role. */
    static Grid<MembreGroupement> membresGrid(List<MembreGroupement> membres, String territoireCode) {
        return membresGrid(membres, m -> {
            DossierVersion.Membre membre = DossierVersion.Membre.of(m);
            return m.porteurPropose() ? new DossierVersion.Membre(membre.structureId(), membre.nom(),
                    membre.role() + " (rôle de porteur proposé)", membre.formeJuridique(), membre.ess(), membre.verifiee(),
                    membre.commune(), membre.codeDepartement(), membre.confirmeLe()) : membre;
        }, territoireCode);
    }

    /** One grid for the live groupement and for a frozen version: the same columns, read through {@code membre}. */
    private static <T> Grid<T> membresGrid(List<T> items, java.util.function.Function<T, DossierVersion.Membre> membre,
                                           String territoireCode) {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(t -> new com.vaadin.flow.component.html.Anchor("structures/" + membre.apply(t).structureId(),
                membre.apply(t).nom())).setHeader("Structure").setFlexGrow(3);
        grid.addColumn(t -> membre.apply(t).role()).setHeader("Rôle").setFlexGrow(2);
        grid.addColumn(t -> membre.apply(t).formeJuridique()).setHeader("Forme juridique").setFlexGrow(1);
        grid.addColumn(t -> membre.apply(t).commune() + " (" + membre.apply(t).codeDepartement() + ")")
                .setHeader("Commune").setFlexGrow(2);
        grid.addComponentColumn(t -> {
            DossierVersion.Membre m = membre.apply(t);
            return Ui.badge(m.ess() ? (m.verifiee() ? "ESS (vérifié)" : "ESS (déclaré)") : "Hors ESS", m.ess());
        }).setHeader("ESS").setFlexGrow(1);
        grid.addComponentColumn(t -> {
            boolean ici = territoireCode.equals(membre.apply(t).codeDepartement());
            return Ui.badge(ici ? "Oui" : "Non", ici);
        }).setHeader("Sur le territoire").setFlexGrow(1);
        grid.addComponentColumn(t -> {
            DossierVersion.Membre m = membre.apply(t);
            var badge = Ui.badge(m.confirmeLe() != null ? "Confirmée" : "À confirmer", m.confirmeLe() != null);
            if (m.confirmeLe() != null) {
                badge.setTitle("Confirmée le " + Ui.dateTime(m.confirmeLe()));
            }
            return badge;
        }).setHeader("Participation").setFlexGrow(1);
        grid.setItems(items);
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
