package fr.communs.budget.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.communs.base.Montants;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import java.math.BigDecimal;
import java.util.List;

/**
 * A budget prévisionnel read-only: the amount requested from the Département (and its share of the expenses), then
 * two tables, expenses and resources (the amount requested first), each with its total. Used for the live budget, the
 * frozen versions of the file and the comité's and Assemblée's screens.
 */
public class BudgetSummary extends Div {

    public BudgetSummary(Budget budget) {
        addClassName("budget-resume");
        Paragraph demande = new Paragraph();
        demande.addClassName("budget-demande");
        Span montant = new Span(Montants.format(budget.montantDemande()));
        montant.getStyle().set("font-weight", "700");
        demande.add(new Span(BudgetService.MONTANT_DEMANDE + " : "), montant,
                new Span(budget.totalDepenses().signum() > 0 ? ", soit " + budget.partDemandee()
                        + " % des dépenses prévues (" + Montants.format(budget.totalDepenses()) + ")." : "."));
        Div tables = new Div(table("Dépenses", "Poste de dépense", budget.depenses(), null, null,
                        "Total des dépenses", budget.totalDepenses()),
                table("Ressources", "Ressource", budget.ressources(), "Subvention demandée au Département",
                        budget.montantDemande(), "Total des ressources", budget.totalRessources()));
        tables.addClassName("budget-tables");
        add(demande, tables);
        if (!budget.equilibre()) {
            Paragraph ecart = new Paragraph(BudgetService.desequilibre(budget));
            ecart.addClassName("budget-ecart");
            add(ecart);
        }
    }

    /** The budget, or {@code vide} in a muted paragraph when there is none. */
    public static com.vaadin.flow.component.Component of(Budget budget, String vide) {
        if (budget != null) {
            return new BudgetSummary(budget);
        }
        Paragraph none = new Paragraph(vide);
        none.addClassName("muted");
        return none;
    }

    private static NativeTable table(String caption, String colonne, List<LigneBudget> lignes, String premierLibelle,
                                     BigDecimal premierMontant, String totalLibelle, BigDecimal total) {
        NativeTable table = new NativeTable();
        table.addClassName("budget-table");
        table.setCaptionText(caption);
        NativeTableRow head = table.getHead().addRow();
        header(head, colonne, "col");
        header(head, "Montant", "col").addClassName("montant");
        if (premierLibelle != null) {
            row(table, premierLibelle, premierMontant).addClassName("budget-demande-ligne");
        }
        for (LigneBudget l : lignes) {
            row(table, l.libelle(), l.montant());
        }
        if (lignes.isEmpty() && premierLibelle == null) {
            NativeTableCell vide = table.getBody().addRow().addDataCell();
            vide.setText("Aucune ligne.");
            vide.setColspan(2);
        }
        NativeTableRow foot = table.getFoot().addRow();
        header(foot, totalLibelle, "row");
        NativeTableCell cell = foot.addDataCell();
        cell.setText(Montants.format(total));
        cell.addClassName("montant");
        return table;
    }

    private static NativeTableRow row(NativeTable table, String libelle, BigDecimal montant) {
        NativeTableRow row = table.getBody().addRow();
        row.addDataCell().setText(libelle);
        NativeTableCell cell = row.addDataCell();
        cell.setText(Montants.format(montant));
        cell.addClassName("montant");
        return row;
    }

    private static NativeTableHeaderCell header(NativeTableRow row, String text, String scope) {
        NativeTableHeaderCell cell = row.addHeaderCell();
        cell.setText(text);
        cell.getElement().setAttribute("scope", scope);
        return cell;
    }
}
