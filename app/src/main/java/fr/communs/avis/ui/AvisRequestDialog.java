package fr.communs.avis.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.avis.AvisService;
import fr.communs.avis.Referent;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.layout.Ui;
import java.time.LocalDate;
import java.util.List;

/** "Demander un avis à un référent": the référents, the question and the due date. */
class AvisRequestDialog extends Dialog {
    /** Default due date: in this many days. */
    static final int DELAI_PAR_DEFAUT_JOURS = 10;

    final ErrorPanel errors = new ErrorPanel();
    final MultiSelectComboBox<Referent> referents = new MultiSelectComboBox<>("Référents");
    final TextArea question = new TextArea("Question posée au référent");
    final DatePicker dateLimite = Ui.datePicker("Date limite de l'avis");
    final Button envoyer;

    AvisRequestDialog(AvisService service, long communId, Runnable onDone) {
        setHeaderTitle("Demander un avis à un référent");
        setWidth("40em");
        Paragraph intro = new Paragraph("Chaque référent choisi reçoit une tâche « Donner un avis » avec votre question "
                + "et le dossier transmis. Les avis rendus apparaissent dans le dossier ; ils ne sont jamais visibles "
                + "des structures.");
        intro.addClassName("muted");

        referents.setItems(service.referents());
        referents.setItemLabelGenerator(r -> r.nom() + " — " + AvisPanel.direction(r.direction()));
        referents.setRequiredIndicatorVisible(true);
        referents.setHelperText("Agents des autres directions (culture, environnement, solidarités…), "
                + AvisService.REFERENTS_MAX + " au plus.");
        referents.setWidthFull();

        question.setRequiredIndicatorVisible(true);
        question.setHelperText("Ce sur quoi vous attendez son expertise.");
        CharacterLimit.apply(question, AvisService.QUESTION_MAX);
        question.setWidthFull();

        LocalDate today = Dates.today();
        dateLimite.setMin(today.plusDays(1));
        dateLimite.setMax(today.plusDays(AvisService.DELAI_MAX_JOURS));
        dateLimite.setValue(today.plusDays(DELAI_PAR_DEFAUT_JOURS));
        dateLimite.setRequiredIndicatorVisible(true);

        VerticalLayout body = new VerticalLayout(intro, errors, referents, question, dateLimite);
        body.setPadding(false);
        add(body);

        envoyer = new Button("Envoyer la demande", e -> {
            List<Long> ids = referents.getSelectedItems().stream().map(Referent::id).toList();
            if (errors.run(() -> service.request(communId, ids, question.getValue(), dateLimite.getValue()))) {
                close();
                Ui.success(ids.size() > 1 ? "La demande d'avis est envoyée aux " + ids.size() + " référents."
                        : "La demande d'avis est envoyée au référent.");
                onDone.run();
            }
        });
        envoyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Annuler", e -> close()), envoyer);
    }
}
