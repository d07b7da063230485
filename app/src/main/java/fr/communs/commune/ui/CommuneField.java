package fr.communs.commune.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import fr.communs.commune.Commune;
import fr.communs.commune.CommuneService;

/**
 * A field to pick a commune of France among the 35 000 of the Code officiel géographique: the list is filtered on
 * the server as the person types a name (accents and case ignored), a postal code or an INSEE code.
 *
 * <pre>{@code
 * var commune = new CommuneField("Commune du siège", communeService);
 * binder.forField(commune).asRequired("Indiquez la commune.").bind(...);
 * }</pre>
 */
public class CommuneField extends ComboBox<Commune> {

    public CommuneField(String label, CommuneService communes) {
        this(label, communes, null);
    }

    /** A field offering only the communes of one département ({@code null}: all of France). */
    public CommuneField(String label, CommuneService communes, String codeDepartement) {
        super(label);
        setItems(query -> communes.search(query.getFilter().orElse(""), codeDepartement, query.getOffset(), query.getLimit()).stream(),
                query -> communes.count(query.getFilter().orElse(""), codeDepartement));
        setItemLabelGenerator(Commune::libelle);
        setPlaceholder("Tapez le nom ou le code postal");
        setHelperText("Nom de la commune, code postal ou code INSEE");
        setClearButtonVisible(true);
        setAllowCustomValue(false);
    }
}
