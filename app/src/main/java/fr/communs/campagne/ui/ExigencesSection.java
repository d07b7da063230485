package fr.communs.campagne.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.Exigence;
import fr.communs.campagne.ExigenceService;
import fr.communs.layout.Ui;
import java.util.Set;

/**
 * « Exigées avant la transmission » on the appel's settings: the attachments (and the budget typed on the platform)
 * a file must have before its porteur can transmit it. Its own block and button, apart from the calendar.
 */
class ExigencesSection extends Div {
    final CheckboxGroup<Exigence> exigences = new CheckboxGroup<>("Pièces et informations exigées");
    final Button enregistrer = new Button("Enregistrer les exigences");
    final ErrorPanel errors = new ErrorPanel();

    ExigencesSection(ExigenceService service, long campagneId) {
        addClassName("card");
        getStyle().set("max-width", "48em");
        Paragraph aide = new Paragraph("Le panneau d'éligibilité de chaque dossier dit au groupement ce qui manque, et le "
                + "dossier ne peut pas être transmis tant qu'une exigence n'est pas remplie. Un changement s'applique aux "
                + "dossiers pas encore transmis ; les dossiers déjà transmis ne sont pas concernés. Le SIRET du porteur "
                + "administratif est toujours exigé (c'est lui qui reçoit la subvention).");
        aide.addClassName("muted");
        exigences.setItems(Exigence.values());
        exigences.setItemLabelGenerator(Exigence::libelle);
        exigences.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        exigences.setValue(service.exigences(campagneId));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> {
            Set<Exigence> choisies = exigences.getValue();
            if (errors.run(() -> service.update(campagneId, choisies))) {
                Ui.success(choisies.isEmpty() ? "Aucune pièce n'est plus exigée avant la transmission."
                        : "Les exigences avant la transmission sont enregistrées.");
            }
        });
        add(new H2("Exigées avant la transmission"), aide, errors, exigences, enregistrer);
    }
}
