package fr.communs.comite.notation.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.Notation;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.notation.NoteCritere;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scoring grid as a form: per criterion a score within its scale and a comment (filled with existing scores). */
class GrilleForm extends VerticalLayout {
    private final Map<Critere, IntegerField> notes = new LinkedHashMap<>();
    private final Map<Critere, TextArea> commentaires = new LinkedHashMap<>();

    GrilleForm(List<Critere> grille, Notation existante) {
        setPadding(false);
        add(new Paragraph("Pour chaque critère : 0 = absent, puis de très insuffisant à excellent. "
                + "Le commentaire est facultatif ; il aide le comité à délibérer."));
        for (Critere c : grille) {
            IntegerField note = new IntegerField("Note (de 0 à " + c.noteMax() + ")");
            note.setMin(0);
            note.setMax(c.noteMax());
            note.setStepButtonsVisible(true);
            note.setRequiredIndicatorVisible(true);
            note.setWidth("12em");
            note.setAriaLabel("Note « " + c.libelle() + " » (de 0 à " + c.noteMax() + ")");
            note.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Saisissez un nombre entier.")
                    .setMinErrorMessage("La note minimale est 0.")
                    .setMaxErrorMessage("La note maximale est " + c.noteMax() + "."));
            TextArea commentaire = new TextArea("Commentaire (facultatif)");
            commentaire.setAriaLabel("Commentaire sur « " + c.libelle() + " »");
            CharacterLimit.apply(commentaire, NotationService.COMMENTAIRE_MAX);
            commentaire.setWidthFull();
            if (existante != null && existante.note(c.id()) != null) {
                note.setValue(existante.note(c.id()).note());
                commentaire.setValue(existante.note(c.id()).commentaire() == null ? "" : existante.note(c.id()).commentaire());
            }
            notes.put(c, note);
            commentaires.put(c, commentaire);
            String poids = c.poids().stripTrailingZeros().toPlainString().replace('.', ',');
            add(new H3(c.numero() + ". " + c.libelle() + " (poids " + poids + ")"), note, commentaire);
        }
    }

    List<NoteCritere> read() {
        List<NoteCritere> result = new ArrayList<>();
        notes.forEach((c, field) -> result.add(new NoteCritere(c.id(), field.getValue(), commentaires.get(c).getValue())));
        return result;
    }

    void setReadOnly(boolean readOnly) {
        notes.values().forEach(f -> f.setReadOnly(readOnly));
        commentaires.values().forEach(f -> f.setReadOnly(readOnly));
    }
}
