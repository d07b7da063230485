package fr.communs.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.messagerie.MessageService;
import java.util.List;
import java.util.function.IntConsumer;

/** Bulk action "Envoyer un message": the same message in the thread of each selected file, to every groupement. */
class MessageGroupementsDialog extends Dialog {

    MessageGroupementsDialog(MessageService messages, List<Long> communIds, IntConsumer sent) {
        int n = communIds.size();
        setHeaderTitle(n == 1 ? "Message au groupement du dossier sélectionné" : "Message aux groupements des " + n + " dossiers sélectionnés");
        setWidth("min(40em, 95vw)");
        ErrorPanel errors = new ErrorPanel();
        TextArea texte = new TextArea("Votre message");
        texte.setWidthFull();
        texte.setMinHeight("10em");
        texte.setMaxLength(MessageService.TEXTE_MAX);
        texte.setValueChangeMode(ValueChangeMode.EAGER);
        texte.setHelperText("0 / " + MessageService.TEXTE_MAX + " caractères");
        texte.addValueChangeListener(e -> texte.setHelperText(e.getValue().length() + " / " + MessageService.TEXTE_MAX + " caractères"));
        Paragraph info = new Paragraph("Le message est ajouté à la messagerie de chaque dossier, au nom du Département ; "
                + "les membres de chaque groupement en sont prévenus (notification et courriel).");
        info.addClassName("muted");
        add(new VerticalLayout(errors, info, texte));

        Button send = new Button("Envoyer", e -> {
            int[] count = new int[1];
            if (errors.run(() -> count[0] = messages.postToMany(communIds, texte.getValue()))) {
                close();
                sent.accept(count[0]);
            } else {
                errors.reveal();
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> send.setEnabled(true));
        Button cancel = new Button("Annuler", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, send);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                texte.focus();
            }
        });
    }
}
