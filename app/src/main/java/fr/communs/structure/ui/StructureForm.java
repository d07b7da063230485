package fr.communs.structure.ui;

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
import fr.communs.structure.SiaeType;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureData;
import java.util.Set;

/** The structure's record, with the ESS status derived live from the legal form and agréments. */
class StructureForm extends FormLayout {
    private final TextField nom = new TextField("Nom de la structure");
    private final TextField siret = new TextField("SIRET (14 chiffres)");
    private final TextField rna = new TextField("Numéro RNA (associations)");
    private final ComboBox<FormeJuridique> forme = new ComboBox<>("Forme juridique");
    private final Checkbox esus = new Checkbox("Agréée ESUS (entreprise solidaire d'utilité sociale)");
    private final ComboBox<SiaeType> siae = new ComboBox<>("Structure d'insertion (SIAE)");
    private final Checkbox ea = new Checkbox("Entreprise adaptée");
    private final Span essStatus = new Span();
    private final CommuneField commune;
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
