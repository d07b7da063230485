package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.Checks;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;

/** "Annuler la séance": the reason, then a confirmation naming the consequence. */
class MotifDialog extends Dialog {
    static final String MOTIF = "Motif de l'annulation";

    final ErrorPanel errors = new ErrorPanel();
    final TextArea motif = new TextArea(MOTIF);
    final Button annulerSeance = new Button("Annuler la séance…");
    /** The confirmation open now, for the tests. */
    ConfirmDialog confirmation;

    MotifDialog(SeanceService service, Seance seance, Runnable onDone) {
        setHeaderTitle("Annuler la séance du " + Ui.dateTime(seance.debut()));
        setWidth("40em");
        setMaxWidth("100%");
        Paragraph intro = new Paragraph("Les dossiers de l'ordre du jour reviennent en attente d'une séance. Les membres du "
                + "comité et les groupements convoqués reçoivent l'annulation avec ce motif.");
        intro.addClassName("muted");
        motif.setRequiredIndicatorVisible(true);
        CharacterLimit.apply(motif, SeanceService.MOTIF_MAX);
        motif.setWidthFull();
        add(new VerticalLayout(intro, errors, motif));
        annulerSeance.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        annulerSeance.addClickListener(e -> {
            if (!errors.run(() -> Checks.start().required(motif.getValue(), MOTIF, SeanceService.MOTIF_MAX).orThrow())) {
                errors.reveal();
                return;
            }
            confirmation = SeanceUi.confirmation("Annuler la séance ?",
                    "La séance sera annulée et ses dossiers remis en attente d'une séance ; les membres et les groupements "
                            + "convoqués seront prévenus du motif.", "Annuler la séance", true);
            confirmation.setCancelText("Garder la séance");
            confirmation.addConfirmListener(c -> {
                if (errors.run(() -> service.annuler(seance.id(), motif.getValue()))) {
                    close();
                    Ui.success("La séance est annulée ; les convoqués sont prévenus.");
                    onDone.run();
                } else {
                    errors.reveal();
                }
            });
            confirmation.open();
        });
        getFooter().add(new Button("Fermer", e -> close()), annulerSeance);
    }
}
