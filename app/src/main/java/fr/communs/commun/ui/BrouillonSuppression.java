package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** The confirmation asked before deleting a draft, naming what is lost (from the form, the commun's page, "Mes communs"). */
final class BrouillonSuppression {

    private BrouillonSuppression() {
    }

    /** Opens the confirmation for the draft titled {@code titre}; {@code delete} runs only if the person confirms. */
    static Dialog confirm(String titre, Runnable delete) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Supprimer ce brouillon ?");
        dialog.setMaxWidth("36em");
        dialog.add(new Paragraph(text(titre)));
        Button ok = new Button("Supprimer définitivement", e -> {
            dialog.close();
            delete.run();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Annuler", e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        cancel.focus();
        return dialog;
    }

    static String text(String titre) {
        return "Le brouillon « " + titre + " » et tout ce qui y est saisi (textes, défis, enjeux, communes) seront "
                + "définitivement supprimés : ils ne pourront pas être récupérés. Rien n'a été publié ; personne "
                + "d'autre que votre structure ne l'a vu.";
    }
}
