package fr.communs.comite.membre.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.base.Dates;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.comite.membre.College;
import fr.communs.comite.membre.MembreData;
import fr.communs.comite.membre.MembreService;
import fr.communs.layout.Ui;
import fr.communs.structure.Structure;
import java.util.List;

/**
 * The member's collège, the organisation they represent (a structure of the directory, or a named body) and their
 * active period: the part of the invitation and of the change of a member that is the same.
 */
class MembreForm extends VerticalLayout {
    static final String STRUCTURE = "Une structure de l'annuaire";
    static final String ORGANISME = "Un autre organisme";

    final Select<College> college = new Select<>();
    final RadioButtonGroup<String> sorte = new RadioButtonGroup<>("Organisation représentée");
    final ComboBox<Structure> structure = new ComboBox<>("Structure de l'annuaire");
    final TextField organisme = new TextField("Nom de l'organisme");
    final DatePicker du = Ui.datePicker("Actif à partir du");
    final DatePicker au = Ui.datePicker("Actif jusqu'au (facultatif)");

    MembreForm(List<Structure> annuaire) {
        setPadding(false);
        college.setLabel("Collège");
        college.setItems(College.values());
        college.setItemLabelGenerator(College::libelle);
        college.setHelperText("Obligatoire.");
        college.setWidthFull();

        sorte.setItems(STRUCTURE, ORGANISME);
        sorte.setValue(STRUCTURE);
        sorte.setHelperText("Une structure de l'annuaire compte pour les déports : le membre est déporté des dossiers "
                + "où elle est membre du groupement ou contributrice.");
        structure.setItems(annuaire);
        structure.setItemLabelGenerator(s -> s.commune() == null ? s.nom() : s.nom() + " (" + s.commune() + ")");
        structure.setPlaceholder("Tapez le début du nom");
        structure.setClearButtonVisible(true);
        structure.setWidthFull();
        organisme.setHelperText("Par exemple : Conseil départemental, URSCOP, France Active Airdie Occitanie.");
        organisme.setWidthFull();
        CharacterLimit.apply(organisme, MembreService.ORGANISATION_MAX);
        sorte.addValueChangeListener(e -> montrer());
        montrer();

        du.setValue(Dates.today());
        du.setHelperText("Obligatoire.");
        au.setHelperText("Laissez vide si la fin n'est pas prévue.");
        add(college, sorte, structure, organisme, du, au);
    }

    private void montrer() {
        boolean annuaire = STRUCTURE.equals(sorte.getValue());
        structure.setVisible(annuaire);
        organisme.setVisible(!annuaire);
    }

    void remplir(MembreData d, List<Structure> annuaire) {
        college.setValue(d.college());
        if (d.structureId() != null) {
            sorte.setValue(STRUCTURE);
            annuaire.stream().filter(s -> s.id() == d.structureId()).findFirst().ifPresent(structure::setValue);
        } else {
            sorte.setValue(ORGANISME);
            organisme.setValue(d.organisation() == null ? "" : d.organisation());
        }
        du.setValue(d.actifDu());
        au.setValue(d.actifAu());
    }

    /** What was typed; the service checks it (a structure not chosen is sent as none, and refused with a message). */
    MembreData lire() {
        boolean annuaire = STRUCTURE.equals(sorte.getValue());
        return new MembreData(college.getValue(), annuaire && structure.getValue() != null ? structure.getValue().id() : null,
                annuaire ? null : organisme.getValue(), du.getValue(), au.getValue());
    }

    /** Problems the form sees before calling the service: texts too long, dates the picker could not read. */
    List<String> problemes() {
        List<String> problems = new java.util.ArrayList<>(CharacterLimit.problems(List.of(organisme)));
        if (du.isInvalid() && du.getValue() == null) {
            problems.add("La date « Actif à partir du » n'est pas une date valide (jj/mm/aaaa).");
        }
        if (au.isInvalid() && au.getValue() == null) {
            problems.add("La date « Actif jusqu'au » n'est pas une date valide (jj/mm/aaaa).");
        }
        return problems;
    }
}
