package fr.communs.comite.deport.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.deport.Deport;
import fr.communs.comite.deport.DeportService;
import fr.communs.layout.Ui;
import java.util.Optional;

/**
 * "Je me déporte" for the comité member looking at a file: a button opening a dialog that names the consequences and
 * asks for the reason; once recused (declared or automatically), the member reads why instead. Shows nothing to
 * anyone who cannot declare (agents, members who may not read the file, inactive members).
 */
class DeportButton extends Div {
    static final String CONSEQUENCES = "Vous ne noterez pas ce dossier, vous ne verrez ni ses notes, ni les commentaires, "
            + "ni les échanges du comité à son sujet, et vous serez mentionné(e) comme déporté(e) au procès-verbal de la "
            + "séance. Votre notation en cours sur ce dossier, s'il y en a une, est retirée. Un déport ne s'annule pas.";

    private final DeportService deports;
    private final long communId;
    private final Runnable apres;
    final Button bouton = new Button("Je me déporte…");
    /** The dialog open now, for the tests. */
    Dialog dialog;
    TextArea motif;
    Button confirmer;
    ErrorPanel errors;

    DeportButton(DeportService deports, long communId, Runnable apres) {
        this.deports = deports;
        this.communId = communId;
        this.apres = apres;
        addClassName("deport");
        bouton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        bouton.addClickListener(e -> ouvrir());
        afficher();
    }

    /** Shows the button, or why the member is recused, or nothing. */
    void afficher() {
        removeAll();
        Optional<Deport> mien = deports.monDeport(communId);
        if (mien.isPresent()) {
            Paragraph deporte = new Paragraph("Vous êtes déporté(e) de ce dossier — " + mien.get().causesTexte()
                    + ". Vous ne le notez pas et ne voyez ni ses notes ni les échanges du comité à son sujet.");
            deporte.getElement().setAttribute("role", "status");
            add(deporte);
            setVisible(true);
        } else if (deports.peutDeclarer(communId)) {
            add(bouton);
            setVisible(true);
        } else {
            setVisible(false);
        }
    }

    private void ouvrir() {
        dialog = new Dialog();
        dialog.setHeaderTitle("Je me déporte de ce dossier");
        dialog.setWidth("34em");
        Paragraph consequences = new Paragraph(CONSEQUENCES);
        errors = new ErrorPanel();
        motif = new TextArea("Motif du déport");
        motif.setRequiredIndicatorVisible(true);
        motif.setHelperText("Par exemple : un lien personnel ou professionnel avec une structure du groupement. "
                + "Le motif est lu par les agents du service, les administrateurs et les autres membres du comité.");
        motif.setWidthFull();
        CharacterLimit.apply(motif, DeportService.MOTIF_MAX);
        VerticalLayout body = new VerticalLayout(consequences, errors, motif);
        body.setPadding(false);
        dialog.add(body);
        confirmer = new Button("Confirmer mon déport", e -> confirmer());
        confirmer.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Annuler", e -> dialog.close()), confirmer);
        dialog.open();
        motif.focus();
    }

    private void confirmer() {
        var problemes = CharacterLimit.problems(java.util.List.of(motif));
        if (!problemes.isEmpty()) {
            errors.show(problemes);
            return;
        }
        if (errors.run(() -> deports.declarer(communId, motif.getValue()))) {
            dialog.close();
            Ui.success("Votre déport est enregistré : vous ne participez plus aux délibérations sur ce dossier.");
            afficher();
            apres.run();
        }
    }
}
