package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;
import java.util.List;

/** "Modifier la séance": its date and time, place and link; everyone convoked gets an update. */
class SeanceEditDialog extends Dialog {
    final ErrorPanel errors = new ErrorPanel();
    final DateTimePicker debut = SeanceUi.dateTimePicker();
    final TextField lieu = SeanceUi.lieu();
    final TextField lienVisio = SeanceUi.lienVisio();
    final Button enregistrer = new Button("Enregistrer et prévenir les convoqués");

    SeanceEditDialog(SeanceService service, Seance seance, Runnable onDone) {
        setHeaderTitle("Modifier la séance");
        setWidth("40em");
        setMaxWidth("100%");
        debut.setValue(seance.debut());
        lieu.setValue(seance.lieu() == null ? "" : seance.lieu());
        lienVisio.setValue(seance.lienVisio() == null ? "" : seance.lienVisio());
        Paragraph intro = new Paragraph("Les membres du comité et les groupements convoqués recevront une convocation "
                + "mise à jour. Pour avancer la séance avant un créneau d'audition, déplacez d'abord ce créneau.");
        intro.addClassName("muted");
        VerticalLayout body = new VerticalLayout(intro, errors, debut, lieu, lienVisio);
        body.setPadding(false);
        add(body);
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> {
            List<String> tropLongs = CharacterLimit.problems(List.of(lieu, lienVisio));
            if (!tropLongs.isEmpty()) {
                errors.show(tropLongs);
                return;
            }
            if (errors.run(() -> service.modifier(seance.id(), seance.version(), debut.getValue(), lieu.getValue(),
                    lienVisio.getValue()))) {
                close();
                Ui.success("La séance est modifiée : les convoqués sont prévenus.");
                onDone.run();
            } else {
                errors.reveal();
            }
        });
        getFooter().add(new Button("Annuler", e -> close()), enregistrer);
    }
}
