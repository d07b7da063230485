package fr.communs.structure.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.commune.CommuneService;
import fr.communs.commune.ui.CommuneField;
import fr.communs.structure.Domaine;
import fr.communs.structure.EssRule;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.Identifiants;
import fr.communs.structure.SiaeType;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureData;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The structure's record, with the ESS status derived live from the legal form and agréments. */
class StructureForm extends FormLayout {
    private static final String SIRET_INVALIDE = "Ce SIRET n'est pas valide : 14 chiffres dont le dernier est une clé "
            + "de contrôle. Vérifiez-le sur votre avis de situation INSEE.";
    private static final String RNA_INVALIDE = "Le numéro RNA s'écrit W suivi de 9 chiffres (ex. W302000123).";

    final TextField nom = new TextField("Nom de la structure");
    final TextField siret = new TextField("SIRET (14 chiffres)");
    final TextField rna = new TextField("Numéro RNA (associations)");
    final ComboBox<FormeJuridique> forme = new ComboBox<>("Forme juridique");
    private final Checkbox esus = new Checkbox("Agréée ESUS (entreprise solidaire d'utilité sociale)");
    private final ComboBox<SiaeType> siae = new ComboBox<>("Structure d'insertion (SIAE)");
    private final Checkbox ea = new Checkbox("Entreprise adaptée");
    private final Span essStatus = new Span();
    final CommuneField commune;
    private final CommuneService communes;
    private final TextField adresse = new TextField("Adresse");
    private final NumberField latitude = new NumberField("Latitude (facultatif)");
    private final NumberField longitude = new NumberField("Longitude (facultatif)");
    private final CheckboxGroup<Domaine> domaines = new CheckboxGroup<>("Domaines d'intervention");
    private final TextArea description = new TextArea("Description");
    private final TextField siteWeb = new TextField("Site web");
    private final TextField contact = new TextField("Contact public (courriel ou téléphone)");

    StructureForm(CommuneService communes) {
        this.communes = communes;
        commune = new CommuneField("Commune d'implantation", communes);
        nom.setMaxLength(200);
        nom.setRequiredIndicatorVisible(true);
        siret.setMaxLength(20);
        siret.setHelperText("Facultatif, mais nécessaire pour porter administrativement un commun.");
        rna.setMaxLength(10);
        rna.setHelperText("W suivi de 9 chiffres, par exemple W302000123.");
        forme.setItems(FormeJuridique.values());
        forme.setItemLabelGenerator(FormeJuridique::libelle);
        forme.setRequiredIndicatorVisible(true);
        siae.setItems(SiaeType.values());
        siae.setItemLabelGenerator(SiaeType::libelle);
        siae.setClearButtonVisible(true);
        siae.setPlaceholder("Non");
        commune.setRequiredIndicatorVisible(true);
        adresse.setMaxLength(300);
        latitude.setHelperText("Par défaut, le centre de la commune.");
        latitude.setMin(-90);
        latitude.setMax(90);
        longitude.setMin(-180);
        longitude.setMax(180);
        domaines.setItems(Domaine.values());
        domaines.setItemLabelGenerator(Domaine::libelle);
        description.setMaxLength(2000);
        description.setMinHeight("6em");
        siteWeb.setMaxLength(300);
        siteWeb.setPlaceholder("https://…");
        contact.setMaxLength(300);
        Div ess = new Div(essStatus, new Paragraph(EssRule.REGLE));
        ess.addClassName("card");
        ess.getElement().setAttribute("aria-live", "polite");
        forme.addValueChangeListener(e -> updateEss());
        esus.addValueChangeListener(e -> updateEss());
        siae.addValueChangeListener(e -> updateEss());
        ea.addValueChangeListener(e -> updateEss());
        rna.setEnabled(false);
        forme.addValueChangeListener(e -> rna.setEnabled(e.getValue() == FormeJuridique.ASSOCIATION));
        add(nom, forme, siret, rna, esus, siae, ea, ess, commune, adresse, latitude, longitude, domaines, description,
                siteWeb, contact);
        setColspan(ess, 2);
        setColspan(domaines, 2);
        setColspan(description, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        updateEss();
        // The fields show the service's messages; their built-in validation would clear them on the next blur.
        nom.setManualValidation(true);
        forme.setManualValidation(true);
        siret.setManualValidation(true);
        rna.setManualValidation(true);
        commune.setManualValidation(true);
        adresse.setManualValidation(true);
        description.setManualValidation(true);
        siteWeb.setManualValidation(true);
        contact.setManualValidation(true);
        siret.addValueChangeListener(e -> checkSiret());
        rna.addValueChangeListener(e -> checkRna());
    }

    /** Marks the SIRET field as soon as it is left with a number that cannot be right (the service re-checks). */
    private void checkSiret() {
        String value = Identifiants.compact(siret.getValue());
        mark(siret, value == null || Identifiants.siretValide(value) ? null : SIRET_INVALIDE);
    }

    private void checkRna() {
        String value = Identifiants.compact(rna.getValue());
        mark(rna, value == null || Identifiants.rnaValide(value) ? null : RNA_INVALIDE);
    }

    /**
     * Marks the fields named by the errors a service refused the record with (the messages name the identifier:
     * « SIRET », « RNA », or quote the field's label), and clears the others.
     */
    void markErrors(List<String> errors) {
        markFirst(siret, errors, m -> m.contains("SIRET"));
        markFirst(rna, errors, m -> m.contains("RNA"));
        markFirst(nom, errors, m -> m.contains("« " + nom.getLabel() + " »"));
        markFirst(forme, errors, m -> m.contains("« " + forme.getLabel() + " »"));
        markFirst(adresse, errors, m -> m.contains("« Adresse »"));
        markFirst(description, errors, m -> m.contains("« Description »"));
        markFirst(siteWeb, errors, m -> m.contains("site web") || m.contains("« Site web »"));
        markFirst(contact, errors, m -> m.contains("« Contact public »"));
        markFirst(commune, errors, m -> m.contains("commune"));
    }

    private static void markFirst(HasValidation field, List<String> errors, Predicate<String> names) {
        mark(field, errors.stream().filter(names).findFirst().orElse(null));
    }

    private static void mark(HasValidation field, String message) {
        field.setInvalid(message != null);
        field.setErrorMessage(message);
    }

    private void updateEss() {
        boolean isEss = EssRule.isEss(forme.getValue(), esus.getValue(), siae.getValue(), ea.getValue());
        essStatus.setText((isEss ? "✓ " : "✗ ") + (forme.getValue() == null && !isEss
                ? "Choisissez la forme juridique : le statut ESS en découle."
                : EssRule.explain(forme.getValue(), esus.getValue(), siae.getValue(), ea.getValue())));
        essStatus.getStyle().set("font-weight", "600");
    }

    void setValue(Structure s) {
        nom.setValue(s.nom());
        siret.setValue(s.siret() == null ? "" : s.siret());
        forme.setValue(s.formeJuridique());
        rna.setValue(s.rna() == null ? "" : s.rna());
        esus.setValue(s.agrementEsus());
        siae.setValue(s.siaeType());
        ea.setValue(s.entrepriseAdaptee());
        if (s.communeInsee() != null) {
            communes.find(s.communeInsee()).ifPresent(commune::setValue);
        }
        adresse.setValue(s.adresse() == null ? "" : s.adresse());
        latitude.setValue(s.latitude());
        longitude.setValue(s.longitude());
        domaines.setValue(s.domaines());
        description.setValue(s.description() == null ? "" : s.description());
        siteWeb.setValue(s.siteWeb() == null ? "" : s.siteWeb());
        contact.setValue(s.contactPublic() == null ? "" : s.contactPublic());
    }

    StructureData read() {
        return new StructureData(nom.getValue(), siret.getValue(), rna.isEnabled() ? rna.getValue() : null, forme.getValue(),
                esus.getValue(), siae.getValue(), ea.getValue(), commune.getValue() == null ? null : commune.getValue().codeInsee(),
                adresse.getValue(), latitude.getValue(), longitude.getValue(), Set.copyOf(domaines.getValue()),
                description.getValue(), siteWeb.getValue(), contact.getValue());
    }
}
