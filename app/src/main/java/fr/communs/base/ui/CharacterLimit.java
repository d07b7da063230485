package fr.communs.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The length limit of a text field shown instead of enforced by the browser: the browser's {@code maxlength} cuts a
 * pasted text silently (and the cut text would then be saved), so fields get a counter under them
 * ("1 250 / 1 000 caractères : raccourcissez le texte de 250 caractères"), updated as the person types, and are marked
 * invalid while too long. Nothing is cut: forms ask {@link #problems} before saving, and the services refuse a text
 * too long anyway. Lengths are counted as the services count them ({@link String#length()}).
 */
public final class CharacterLimit {
    /** Counts and formats like {@link #counter} in the browser, on every key stroke, before the value reaches the server. */
    private static final String LIVE_COUNTER = """
            const field = this;
            field.__characterLimit = $0;
            if (field.__characterLimitListener) { return; }
            field.__characterLimitListener = () => {
              const counter = field.querySelector('.character-count');
              if (!counter) { return; }
              const max = field.__characterLimit, length = (field.value || '').length, over = length - max;
              const n = x => String(x).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '\\u00a0');
              counter.textContent = n(length) + ' / ' + n(max) + ' caractères' + (over > 0
                  ? ' : raccourcissez le texte de ' + n(over) + (over > 1 ? ' caractères' : ' caractère') : '');
              counter.classList.toggle('over', over > 0);
            };
            field.addEventListener('input', field.__characterLimitListener);
            """;

    private CharacterLimit() {
    }

    private static final class State {
        int max;
        final Span counter = new Span();
        final Span help = new Span();
        boolean marked;

        State(int max) {
            this.max = max;
        }
    }

    /**
     * Gives the field a limit of {@code max} characters, with a counter under it (after the field's helper text, if
     * any). Calling it again changes the limit.
     */
    public static void apply(TextFieldBase<?, String> field, int max) {
        State state = ComponentUtil.getData(field, State.class);
        if (state == null) {
            State created = new State(max);
            created.help.setText(field.getHelperText() == null ? "" : field.getHelperText());
            created.help.setVisible(!created.help.getText().isEmpty());
            created.help.addClassName("character-help");
            created.counter.addClassName("character-count");
            field.setHelperText(null);
            Div helper = new Div(created.help, created.counter);
            helper.addClassName("character-limit");
            field.setHelperComponent(helper);
            ComponentUtil.setData(field, State.class, created);
            field.addValueChangeListener(e -> update(field));
            field.addAttachListener(e -> live(field));
            if (field.isAttached()) {
                live(field);
            }
            state = created;
        } else if (state.max != max) {
            state.max = max;
            if (field.isAttached()) {
                live(field);
            }
        }
        update(field);
    }

    /** Changes the text shown above the counter (a field's helper text, once it has a limit). */
    public static void setHelp(TextFieldBase<?, String> field, String help) {
        State state = ComponentUtil.getData(field, State.class);
        if (state == null) {
            field.setHelperText(help);
            return;
        }
        state.help.setText(help == null ? "" : help);
        state.help.setVisible(help != null && !help.isEmpty());
    }

    private static void live(TextFieldBase<?, String> field) {
        State state = ComponentUtil.getData(field, State.class);
        field.getElement().executeJs(LIVE_COUNTER, state.max);
    }

    /** Updates the counter and the field's error from its value (the server's copy). */
    private static void update(TextFieldBase<?, String> field) {
        State state = ComponentUtil.getData(field, State.class);
        String value = field.getValue() == null ? "" : field.getValue();
        String text = counter(value.length(), state.max);
        state.counter.setText(text);
        boolean over = value.length() > state.max;
        state.counter.getElement().getClassList().set("over", over);
        if (over) {
            field.setErrorMessage(text);
            field.setInvalid(true);
            state.marked = true;
        } else if (state.marked) {
            state.marked = false;
            field.setErrorMessage(null);
            field.setInvalid(false);
        }
    }

    /** The limit given to the field, or -1. */
    public static int max(TextFieldBase<?, String> field) {
        State state = ComponentUtil.getData(field, State.class);
        return state == null ? -1 : state.max;
    }

    /** The counter's text: "1 250 / 1 000 caractères : raccourcissez le texte de 250 caractères". */
    public static String counter(int length, int max) {
        String text = number(length) + " / " + number(max) + " caractères";
        int over = length - max;
        return over <= 0 ? text : text + " : raccourcissez le texte de " + number(over) + (over > 1 ? " caractères" : " caractère");
    }

    /**
     * What is too long among these fields, one French message per field, naming it ("« Résumé » : 2 250 / 2 000
     * caractères : raccourcissez le texte de 250 caractères."); empty when every field fits its limit.
     */
    public static List<String> problems(Collection<? extends TextFieldBase<?, String>> fields) {
        List<String> problems = new ArrayList<>();
        for (TextFieldBase<?, String> field : fields) {
            int max = max(field);
            String value = field.getValue() == null ? "" : field.getValue();
            if (max >= 0 && value.length() > max) {
                problems.add("« " + field.getLabel() + " » : " + counter(value.length(), max) + ".");
            }
        }
        return problems;
    }

    /** Groups of three digits separated by a non-breaking space, as in French. */
    private static String number(int n) {
        String digits = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
