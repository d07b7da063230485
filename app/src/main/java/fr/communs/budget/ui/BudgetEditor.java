package fr.communs.budget.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.communs.base.Montants;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.base.ui.MontantField;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetDuCommun;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.layout.Ui;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The amount requested and the budget prévisionnel of a commun: a form for its porteur administratif while the budget
 * may change (expense and resource lines added or removed, totals computed as amounts are typed, one button saves it
 * all), the budget read-only for everyone else. Amounts are typed in {@link MontantField}s; the service checks
 * everything again, the balance included. Used by the budget's own screen and by the compléments task.
 */
public class BudgetEditor extends VerticalLayout {
    private final BudgetService service;
    private final long communId;
    final ErrorPanel errors = new ErrorPanel();
    final MontantField montantDemande = new MontantField(BudgetService.MONTANT_DEMANDE + " (€)");
    final List<Ligne> depenses = new ArrayList<>();
    final List<Ligne> ressources = new ArrayList<>();
    final Paragraph totaux = new Paragraph();
    final Button enregistrer = new Button("Enregistrer le budget");
    private final VerticalLayout depensesBox = new VerticalLayout();
    private final VerticalLayout ressourcesBox = new VerticalLayout();
    private final Paragraph etat = new Paragraph();
    private final int niveau;
    private int version;
    private String communTitre;
    private boolean dirty;
    private boolean loading;

    /**
     * Reads the budget ({@link fr.communs.base.NotAllowedException} when the caller may not see it).
     *
     * @param niveau the heading level of its sections (« Dépenses », « Ressources »), so that headings stay in order
     *               in the page that holds it: 2 on its own screen, deeper inside a section
     */
    public BudgetEditor(BudgetService service, long communId, int niveau) {
        this.service = service;
        this.communId = communId;
        this.niveau = niveau;
        setPadding(false);
        addClassName("budget-editeur");
        load();
    }

    /** The commun's title, as read with the budget. */
    public String communTitre() {
        return communTitre;
    }

    /** Whether something was typed and not saved yet. */
    public boolean dirty() {
        return dirty;
    }

    private void load() {
        removeAll();
        depenses.clear();
        ressources.clear();
        dirty = false;
        BudgetDuCommun b = service.get(communId);
        version = b.version();
        communTitre = b.communTitre();
        etat.setText(b.modifieLe() == null ? "Aucun budget n'est encore enregistré."
                : "Enregistré le " + Ui.dateTime(b.modifieLe()) + " par " + b.modifieParNom() + ".");
        etat.addClassName("muted");
        if (!b.modifiable()) {
            add(BudgetSummary.of(b.budget(), "Aucun budget prévisionnel n'a encore été saisi pour ce commun."));
            Paragraph raison = new Paragraph(b.raisonNonModifiable());
            raison.addClassName("muted");
            add(etat, raison);
            return;
        }
        form(b.budget());
    }

    private void form(Budget budget) {
        loading = true;
        Paragraph aide = new Paragraph("Le montant demandé au Département compte parmi les ressources : le total des "
                + "ressources (montant demandé compris) doit être égal au total des dépenses. Les montants s'écrivent "
                + "comme d'habitude : 1 500 ou 1 500,50.");
        aide.addClassName("muted");
        montantDemande.setRequiredIndicatorVisible(true);
        montantDemande.setWidth("20em");
        montantDemande.setHelperText("La subvention que le groupement demande au Département. Par exemple 12 000.");
        montantDemande.addValueChangeListener(e -> changed());
        if (budget != null) {
            montantDemande.setMontant(budget.montantDemande());
        }
        depensesBox.setPadding(false);
        depensesBox.setSpacing(false);
        ressourcesBox.setPadding(false);
        ressourcesBox.setSpacing(false);
        List<LigneBudget> dep = budget == null || budget.depenses().isEmpty()
                ? List.of(new LigneBudget(null, null)) : budget.depenses();
        dep.forEach(l -> depenses.add(new Ligne(Sens.DEPENSE, l.libelle(), Montants.toInput(l.montant()))));
        if (budget != null) {
            budget.ressources().forEach(l -> ressources.add(new Ligne(Sens.RESSOURCE, l.libelle(), Montants.toInput(l.montant()))));
        }
        Button ajouterDepense = new Button("Ajouter une dépense", e -> add(Sens.DEPENSE));
        Button ajouterRessource = new Button("Ajouter une ressource", e -> add(Sens.RESSOURCE));
        ajouterDepense.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        ajouterRessource.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Paragraph aideRessources = new Paragraph("Autofinancement, autres financeurs publics ou privés, recettes "
                + "prévues… sans y répéter le montant demandé au Département.");
        aideRessources.addClassName("muted");
        totaux.addClassName("budget-totaux");
        totaux.getElement().setAttribute("aria-live", "polite");
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> save());
        Div depensesCard = new Div(titre(niveau, "Dépenses"), depensesBox, ajouterDepense);
        Div ressourcesCard = new Div(titre(niveau, "Ressources"), montantDemande, titre(niveau + 1, "Autres ressources"),
                aideRessources, ressourcesBox, ajouterRessource);
        depensesCard.addClassName("card");
        ressourcesCard.addClassName("card");
        add(errors, aide, depensesCard, ressourcesCard, totaux, enregistrer, etat);
        showLignes();
        loading = false;
        updateTotaux();
    }

    private static com.vaadin.flow.component.Component titre(int niveau, String texte) {
        return switch (Math.min(Math.max(niveau, 2), 6)) {
            case 2 -> new com.vaadin.flow.component.html.H2(texte);
            case 3 -> new H3(texte);
            case 4 -> new com.vaadin.flow.component.html.H4(texte);
            case 5 -> new com.vaadin.flow.component.html.H5(texte);
            default -> new com.vaadin.flow.component.html.H6(texte);
        };
    }

    private void add(Sens sens) {
        Ligne ligne = new Ligne(sens, null, null);
        (sens == Sens.DEPENSE ? depenses : ressources).add(ligne);
        showLignes();
        ligne.libelle.focus();
    }

    private void remove(Ligne ligne) {
        (ligne.sens == Sens.DEPENSE ? depenses : ressources).remove(ligne);
        showLignes();
        changed();
    }

    /** Rebuilds the rows (their labels are numbered), keeping what was typed. */
    private void showLignes() {
        renumber(depenses, depensesBox);
        renumber(ressources, ressourcesBox);
    }

    private void renumber(List<Ligne> lignes, VerticalLayout box) {
        List<Ligne> copies = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            Ligne old = lignes.get(i);
            copies.add(new Ligne(old.sens, i + 1, old.libelle.getValue(), old.montant.getValue()));
        }
        lignes.clear();
        lignes.addAll(copies);
        box.removeAll();
        lignes.forEach(box::add);
    }

    private void changed() {
        if (!loading) {
            dirty = true;
            updateTotaux();
        }
    }

    private void updateTotaux() {
        try {
            Budget b = new Budget(parse(montantDemande), pourTotaux(depenses), pourTotaux(ressources));
            BigDecimal ecart = b.ecart();
            totaux.setText("Total des dépenses : " + Montants.format(b.totalDepenses())
                    + " · total des ressources, montant demandé compris : " + Montants.format(b.totalRessources())
                    + (b.totalDepenses().signum() == 0 ? " · saisissez au moins une dépense."
                    : ecart.signum() == 0 ? " · le budget est équilibré."
                    : ecart.signum() < 0 ? " · il manque " + Montants.format(ecart.negate()) + " de ressources."
                    : " · les ressources dépassent les dépenses de " + Montants.format(ecart) + "."));
        } catch (ValidationException e) {
            totaux.setText("Totaux : corrigez les montants signalés pour les calculer.");
        }
    }

    private void save() {
        // Rows left entirely empty are dropped (an extra « Ajouter » clicked), so that numbers match the messages.
        depenses.removeIf(Ligne::vide);
        ressources.removeIf(Ligne::vide);
        showLignes();
        List<String> unreadable = new ArrayList<>();
        BigDecimal demande = read(montantDemande, unreadable);
        List<LigneBudget> dep = lignesLues(depenses, unreadable);
        List<LigneBudget> res = lignesLues(ressources, unreadable);
        if (!unreadable.isEmpty()) {
            errors.show(unreadable);
            errors.reveal();
            return;
        }
        int[] saved = new int[1];
        if (errors.run(() -> saved[0] = service.save(communId, version, new Budget(demande, dep, res)))) {
            Ui.success("Le budget prévisionnel est enregistré.");
            load();
        } else {
            errors.reveal();
        }
    }

    private static BigDecimal parse(MontantField field) {
        return Montants.parse(field.getValue(), "montant");
    }

    /** The amount, or null after adding the field's message to {@code unreadable}. */
    private static BigDecimal read(MontantField field, List<String> unreadable) {
        try {
            return field.montant();
        } catch (ValidationException e) {
            unreadable.addAll(e.errors());
            return null;
        }
    }

    private static List<LigneBudget> lignesLues(List<Ligne> lignes, List<String> unreadable) {
        List<LigneBudget> result = new ArrayList<>();
        for (Ligne l : lignes) {
            result.add(new LigneBudget(l.libelle.getValue(), read(l.montant, unreadable)));
        }
        return result;
    }

    /** For the live totals: throws when an amount is not readable. */
    private static List<LigneBudget> pourTotaux(List<Ligne> lignes) {
        List<LigneBudget> result = new ArrayList<>();
        for (Ligne l : lignes) {
            result.add(new LigneBudget(l.libelle.getValue(), parse(l.montant)));
        }
        return result;
    }

    enum Sens {
        DEPENSE("la dépense"), RESSOURCE("la ressource");

        final String quoi;

        Sens(String quoi) {
            this.quoi = quoi;
        }
    }

    /** One row: libellé, amount, « Retirer ». */
    final class Ligne extends HorizontalLayout {
        final Sens sens;
        final TextField libelle;
        final MontantField montant;
        final Button retirer;

        private Ligne(Sens sens, String libelle, String montant) {
            this(sens, 0, libelle, montant);
        }

        private Ligne(Sens sens, int numero, String libelleValue, String montantValue) {
            this.sens = sens;
            String n = numero == 0 ? "" : " " + numero;
            libelle = new TextField("Libellé de " + sens.quoi + n);
            libelle.setMaxLength(BudgetService.LIBELLE_MAX);
            libelle.setWidth("24em");
            libelle.setValueChangeMode(ValueChangeMode.ON_CHANGE);
            montant = new MontantField("Montant de " + sens.quoi + n + " (€)");
            montant.setWidth("14em");
            montant.setHelperText(null);
            if (libelleValue != null) {
                libelle.setValue(libelleValue);
            }
            if (montantValue != null) {
                montant.setValue(montantValue);
            }
            libelle.addValueChangeListener(e -> changed());
            montant.addValueChangeListener(e -> changed());
            retirer = new Button("Retirer", e -> remove(this));
            retirer.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            retirer.setAriaLabel("Retirer " + sens.quoi + n);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(libelle, montant, retirer);
        }

        boolean vide() {
            return libelle.getValue().isBlank() && montant.getValue().isBlank();
        }
    }
}
