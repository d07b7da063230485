package fr.communs.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.SyntheseComite;
import fr.communs.instruction.ui.SyntheseComiteCard;
import fr.communs.layout.Ui;

/**
 * « Synthèse pour le comité » on a recevable file: the agent writes what the comité members read before the séance,
 * next to the appreciations of the decision (what they see is shown below, exactly).
 */
class SynthesePanel extends VerticalLayout {
    final TextArea texte = new TextArea("Synthèse pour le comité");
    final Button enregistrer = new Button("Enregistrer la synthèse");
    final ErrorPanel errors = new ErrorPanel();
    private final VerticalLayout apercu = new VerticalLayout();

    SynthesePanel(InstructionService instructions, long communId, SyntheseComite synthese) {
        setPadding(false);
        Paragraph aide = new Paragraph("Les membres du comité lisent cette synthèse et les appréciations de la décision "
                + "avant la séance ; les notes internes du service ne leur sont jamais montrées.");
        aide.addClassName("muted");
        texte.setMaxLength(InstructionService.SYNTHESE_MAX);
        texte.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        texte.setHelperText("Au plus " + InstructionService.SYNTHESE_MAX + " caractères.");
        texte.setWidthFull();
        texte.setMinHeight("10em");
        texte.setValue(synthese.synthese() == null ? "" : synthese.synthese());
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> {
            if (errors.run(() -> instructions.saveSyntheseComite(communId, texte.getValue()))) {
                Ui.success("La synthèse pour le comité est enregistrée.");
                apercu.removeAll();
                apercu.add(SyntheseComiteCard.of(instructions.syntheseComite(communId)));
            }
        });
        apercu.setPadding(false);
        apercu.add(SyntheseComiteCard.of(java.util.Optional.of(synthese)));
        add(aide, errors, texte, enregistrer, new Paragraph("Ce que lisent les membres du comité :"), apercu);
    }
}
