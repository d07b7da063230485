package fr.communs.messagerie.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.layout.Ui;
import fr.communs.messagerie.Cote;
import fr.communs.messagerie.Message;
import fr.communs.messagerie.MessageService;
import fr.communs.messagerie.PostingOptions;
import fr.communs.messagerie.StructureOption;
import fr.communs.security.CurrentUser;
import java.util.List;

/**
 * The message thread of a file, shown as a conversation (the reader's side on the right), with the form to write in
 * it. Embedded in the thread's own screen ({@code communs/<id>/messages}) and in the agents' file screen; the service
 * checks every right, the panel only adapts what it shows.
 */
public class MessagesPanel extends VerticalLayout {
    /** Messages shown at first, and added by each "Afficher les messages précédents". */
    static final int PAGE = 50;

    private final MessageService service;
    private final long communId;
    final Div list = new Div();
    final Button older = new Button("Afficher les messages précédents", VaadinIcon.ARROW_UP.create());
    final Paragraph summary = new Paragraph();
    final ErrorPanel errors = new ErrorPanel();
    final Select<StructureOption> structure = new Select<>();
    final TextArea texte = new TextArea("Votre message");
    final Button send = new Button("Envoyer", VaadinIcon.PAPERPLANE.create());
    private int shown = PAGE;
    private Cote ownSide = Cote.AGENT;

    public MessagesPanel(MessageService service, CurrentUser currentUser, long communId) {
        this.service = service;
        this.communId = communId;
        setPadding(false);
        addClassName("messages-panel");
        if (currentUser.get().isEmpty()) {
            add(muted("Connectez-vous pour lire les messages de ce dossier."));
            return;
        }
        PostingOptions options;
        try {
            options = service.postingOptions(communId);
        } catch (NotAllowedException | ValidationException e) {
            add(muted(e.getMessage()));
            return;
        }
        if (options.cote() != null) {
            ownSide = options.cote();
        }
        list.getElement().setAttribute("role", "log");
        list.getElement().setAttribute("aria-live", "polite");
        list.getElement().setAttribute("aria-label", "Messages du dossier");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        older.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        older.addClickListener(e -> {
            shown += PAGE;
            refresh();
        });
        summary.addClassName("muted");
        add(summary, older, list, errors);
        if (options.canPost()) {
            add(form(options));
        } else {
            add(muted("Vous pouvez lire ces messages, mais seuls les agents du Département et les membres du groupement "
                    + "peuvent y écrire."));
        }
        refresh();
    }

    private VerticalLayout form(PostingOptions options) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setSpacing(false);
        if (options.mustChooseStructure()) {
            structure.setLabel("Vous écrivez au nom de");
            structure.setPlaceholder("Choisissez une de vos structures");
            structure.setItems(options.structures());
            structure.setItemLabelGenerator(StructureOption::nom);
            structure.setValue(options.structures().get(0));          // a choice made, that the person may change
            // Pre-filled, so no required indicator (on a select it puts aria-required where ARIA does not allow it).
            structure.setWidth("min(100%, 32rem)");
            form.add(structure);
        } else if (options.cote() == Cote.GROUPEMENT) {
            form.add(muted("Vous écrivez au nom de " + options.structures().get(0).nom() + "."));
        } else {
            form.add(muted("Vous écrivez au nom du Département ; tous les membres du groupement seront prévenus."));
        }
        texte.setWidthFull();
        texte.setMinHeight("8rem");
        texte.setRequiredIndicatorVisible(true);
        texte.setValueChangeMode(ValueChangeMode.LAZY);
        texte.setHelperText("Ctrl + Entrée pour envoyer");
        CharacterLimit.apply(texte, MessageService.TEXTE_MAX);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(texte).resetFocusOnActiveElement();
        send.setTooltipText("Envoyer (Ctrl + Entrée)");
        HorizontalLayout actions = new HorizontalLayout(send);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.add(texte, actions);
        return form;
    }

    private void send() {
        StructureOption choice = structure.getValue();
        String value = texte.getValue();
        if (errors.run(() -> service.post(communId, choice == null ? null : choice.id(), value))) {
            texte.clear();
            Ui.success("Votre message est envoyé.");
            refresh();
            texte.focus();
        } else {
            errors.reveal();
        }
    }

    /** Reads the thread again (the latest {@link #shown} messages). */
    private void refresh() {
        list.removeAll();
        List<Message> messages;
        int total;
        try {
            total = service.count(communId);
            messages = service.latest(communId, shown);
        } catch (NotAllowedException | ValidationException e) {
            summary.setText(e.getMessage());
            older.setVisible(false);
            return;
        }
        older.setVisible(total > messages.size());
        if (messages.isEmpty()) {
            summary.setText("Aucun message pour l'instant.");
            return;
        }
        summary.setText(total == 1 ? "1 message." : total > messages.size()
                ? total + " messages, dont les " + messages.size() + " plus récents sont affichés."
                : total + " messages.");
        messages.forEach(m -> list.add(bubble(m)));
    }

    private Div bubble(Message m) {
        Div bubble = new Div();
        bubble.addClassNames("message", m.cote() == Cote.AGENT ? "message-agent" : "message-groupement");
        boolean own = m.cote() == ownSide;
        bubble.getStyle().set("max-width", "min(100%, 44rem)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("align-self", own ? "flex-end" : "flex-start")
                .set("background", m.cote() == Cote.AGENT ? "var(--lumo-primary-color-10pct)" : "var(--lumo-contrast-5pct)");
        Span who = new Span(m.cote() == Cote.AGENT ? "Département — " + m.auteurNom() : m.structureNom() + " — " + m.auteurNom());
        who.getStyle().set("font-weight", "600");
        Span when = new Span(" · le " + Ui.dateTime(m.date()));
        when.addClassName("muted");
        Div header = new Div(who, when);
        header.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Paragraph text = new Paragraph(m.texte());
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("margin", "var(--lumo-space-xs) 0 0");
        bubble.add(header, text);
        return bubble;
    }

    private static Paragraph muted(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("muted");
        return p;
    }
}
