package fr.communs.contribution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.base.ui.MontantField;
import fr.communs.contribution.Contribution;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.TypeContribution;
import fr.communs.layout.Ui;
import fr.communs.structure.Structure;
import fr.communs.structure.ui.ActingStructure;
import java.util.List;

/** "Proposer une contribution": a structure of the caller offers a contribution to a commun. */
class ContributionDialog extends Dialog {

    ContributionDialog(ContributionService contributions, long communId, String communTitre, List<Structure> structures,
                       Runnable onDone) {
        this(contributions, communId, communTitre, structures, null, onDone);
    }

    /** The same, answering one of the commun's needs ({@code besoin}): its type and a reference are filled in. */
    ContributionDialog(ContributionService contributions, long communId, String communTitre, List<Structure> structures,
                       Contribution besoin, Runnable onDone) {
        setHeaderTitle("Proposer une contribution");
        setWidth("36em");
        Paragraph intro = new Paragraph("Votre proposition sera transmise à la structure porteuse du commun « "
                + communTitre + " », qui pourra l'accepter ou la refuser. Elle n'est visible que d'elle et de votre "
                + "structure tant qu'elle n'est pas acceptée.");
        intro.addClassName("muted");

        Select<Structure> structure = new Select<>();
        structure.setLabel("Au nom de la structure");
        structure.setItems(structures);
        structure.setItemLabelGenerator(Structure::nom);
        structure.setHelperText("Obligatoire.");   // no required mark on a select: Vaadin puts aria-required where ARIA forbids it
        structure.setWidthFull();
        structures.stream().filter(s -> ActingStructure.get().map(id -> id == s.id()).orElse(false)).findFirst()
                .or(() -> structures.stream().findFirst())
                .ifPresent(structure::setValue);
        structure.setVisible(structures.size() > 1);

        Select<TypeContribution> type = ContributionsPanel.typeSelect();
        TextArea description = ContributionsPanel.description();
        description.setHelperText("Ce que votre structure apporte : temps, compétences, matériel, lieu, financement…");
        MontantField montant = new MontantField("Montant (€, facultatif)");
        montant.setWidth("14em");
        montant.setVisible(false);
        type.addValueChangeListener(e -> {
            montant.setVisible(e.getValue() == TypeContribution.FINANCIERE);
            if (!montant.isVisible()) {
                montant.clear();
            }
        });

        if (besoin != null) {
            type.setValue(besoin.type());
            description.setValue("En réponse au besoin « " + abbreviate(besoin.description()) + " » : ");
        }
        ErrorPanel errors = new ErrorPanel();
        VerticalLayout body = new VerticalLayout(intro, errors, structure, type, montant, description);
        body.setPadding(false);
        add(body);

        Button envoyer = new Button("Envoyer la proposition", e -> {
            if (structure.getValue() == null) {
                errors.show(List.of("Choisissez la structure au nom de laquelle vous proposez cette contribution."));
                return;
            }
            if (errors.run(() -> contributions.offerContribution(communId, structure.getValue().id(), type.getValue(),
                    description.getValue(), montant.isVisible() ? montant.montant() : null))) {
                close();
                Ui.success("Votre proposition de contribution est envoyée à la structure porteuse.");
                onDone.run();
            }
        });
        envoyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Annuler", e -> close()), envoyer);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
