package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import fr.communs.base.Checks;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.Creneau;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;
import java.time.LocalDateTime;
import java.util.List;

/**
 * "Ajourner" a file before its audition: the reason (told to its groupement), then either another séance in
 * preparation with a slot there, or back to the files waiting for a séance. A confirmation names the consequence.
 */
class AjournementDialog extends Dialog {
    enum Destination {
        ATTENTE("Remettre le dossier en attente d'une séance"),
        AUTRE_SEANCE("L'inscrire à une autre séance en préparation");

        final String libelle;

        Destination(String libelle) {
            this.libelle = libelle;
        }
    }

    static final String MOTIF = "Motif de l'ajournement";

    final ErrorPanel errors = new ErrorPanel();
    final TextArea motif = new TextArea(MOTIF);
    final RadioButtonGroup<Destination> destination = new RadioButtonGroup<>("Après l'ajournement");
    final ComboBox<Seance> cible = new ComboBox<>("Séance d'accueil");
    final TimePicker heure;
    final IntegerField duree;
    final Button ajourner = new Button("Ajourner le dossier…");
    /** The confirmation open now, for the tests. */
    ConfirmDialog confirmation;

    AjournementDialog(SeanceService service, Seance seance, Audition audition, Runnable onDone) {
        setHeaderTitle("Ajourner « " + audition.titre() + " »");
        setWidth("44em");
        setMaxWidth("100%");
        motif.setRequiredIndicatorVisible(true);
        motif.setHelperText("Le groupement recevra ce motif.");
        CharacterLimit.apply(motif, SeanceService.MOTIF_MAX);
        motif.setWidthFull();

        List<Seance> autres = service.seances(0, SeanceService.PAGE_MAX).stream()
                .filter(s -> s.statut() == Seance.Statut.PREPARATION && s.id() != seance.id()
                        && s.campagneId() == seance.campagneId())
                .toList();
        destination.setItems(Destination.values());
        destination.setItemLabelGenerator(d -> d.libelle);
        destination.setItemEnabledProvider(d -> d == Destination.ATTENTE || !autres.isEmpty());
        destination.setValue(Destination.ATTENTE);
        if (autres.isEmpty()) {
            destination.setHelperText("Aucune autre séance n'est en préparation : le dossier ne peut que revenir en attente.");
        }
        cible.setItems(autres);
        cible.setItemLabelGenerator(s -> "Séance du " + Ui.dateTime(s.debut()) + " — " + SeanceUi.ou(s));
        cible.setWidthFull();
        cible.setRequiredIndicatorVisible(true);
        heure = SeanceUi.heure("Heure de début dans la séance d'accueil", audition.titre());
        heure.setRequiredIndicatorVisible(true);
        duree = SeanceUi.duree(audition.titre());
        duree.setValue(audition.dureeMinutes());
        HorizontalLayout creneau = new HorizontalLayout(heure, duree);
        creneau.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout vers = new VerticalLayout(cible, creneau);
        vers.setPadding(false);
        vers.setVisible(false);
        destination.addValueChangeListener(e -> vers.setVisible(e.getValue() == Destination.AUTRE_SEANCE));
        cible.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                // Proposed: right after the last audition planned there.
                LocalDateTime suivante = service.ordreDuJour(e.getValue().id()).stream()
                        .filter(a -> a.statut() == Audition.Statut.PREVUE).map(Audition::fin)
                        .max(LocalDateTime::compareTo).orElse(e.getValue().debut());
                heure.setValue(suivante.toLocalTime());
            }
        });

        VerticalLayout body = new VerticalLayout(errors, motif, destination, vers);
        body.setPadding(false);
        add(body);
        ajourner.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        ajourner.addClickListener(e -> confirm(service, seance, audition, onDone));
        getFooter().add(new Button("Annuler", e -> close()), ajourner);
    }

    private void confirm(SeanceService service, Seance seance, Audition audition, Runnable onDone) {
        boolean autre = destination.getValue() == Destination.AUTRE_SEANCE;
        if (!errors.run(() -> {
            Checks checks = Checks.start().required(motif.getValue(), MOTIF, SeanceService.MOTIF_MAX);
            if (autre) {
                checks.notNull(cible.getValue(), "Séance d'accueil");
            }
            checks.orThrow();
        })) {
            errors.reveal();
            return;
        }
        Seance vers = autre ? cible.getValue() : null;
        String suite = vers == null ? "remis en attente d'une séance"
                : "inscrit à la séance du " + Ui.dateTime(vers.debut());
        confirmation = SeanceUi.confirmation("Ajourner « " + audition.titre() + " » ?",
                "Le dossier sera retiré de cette séance et " + suite + " ; le groupement sera prévenu du motif.",
                "Ajourner le dossier", true);
        confirmation.addConfirmListener(e -> {
            Creneau creneau = vers == null ? null : new Creneau(audition.communId(),
                    heure.getValue() == null ? null : vers.debut().toLocalDate().atTime(heure.getValue()), duree.getValue());
            if (errors.run(() -> service.ajourner(seance.id(), audition.communId(), motif.getValue(),
                    vers == null ? null : vers.id(), creneau))) {
                close();
                Ui.success("« " + audition.titre() + " » est ajourné : " + suite + ". Le groupement est prévenu du motif.");
                onDone.run();
            } else {
                errors.reveal();
            }
        });
        confirmation.open();
    }
}
