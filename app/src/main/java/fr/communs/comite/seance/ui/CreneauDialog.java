package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.Creneau;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;
import java.time.LocalDateTime;
import java.util.List;

/**
 * "Ajouter un dossier" (a file waiting for a séance, and its slot, proposed after the last audition) and "Modifier le
 * créneau" (start time and length of a file's audition). The day is the séance's.
 */
class CreneauDialog extends Dialog {
    final ErrorPanel errors = new ErrorPanel();
    final ComboBox<DossierEnAttente> dossier = new ComboBox<>("Dossier");
    final TimePicker heure;
    final IntegerField duree;
    final Button enregistrer;

    private CreneauDialog(String header, String titre, String bouton) {
        setHeaderTitle(header);
        setWidth("40em");
        setMaxWidth("100%");
        heure = SeanceUi.heure("Heure de début", titre);
        heure.setRequiredIndicatorVisible(true);
        duree = SeanceUi.duree(titre);
        duree.setRequiredIndicatorVisible(true);
        enregistrer = new Button(bouton);
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Annuler", e -> close()), enregistrer);
    }

    /** Adds a waiting file to the séance's agenda; its groupement is convoked. */
    static CreneauDialog ajout(SeanceService service, Seance seance, Runnable onDone) {
        CreneauDialog d = new CreneauDialog("Ajouter un dossier à l'ordre du jour", "du dossier choisi", "Ajouter et convoquer");
        List<DossierEnAttente> attente = service.dossiersEnAttente();
        d.dossier.setItems(attente);
        d.dossier.setItemLabelGenerator(x -> x.titre() + " — " + x.porteurNom());
        d.dossier.setRequiredIndicatorVisible(true);
        d.dossier.setWidthFull();
        LocalDateTime suivante = service.ordreDuJour(seance.id()).stream()
                .filter(a -> a.statut() == Audition.Statut.PREVUE).map(Audition::fin)
                .max(LocalDateTime::compareTo).orElse(seance.debut());
        d.heure.setValue(suivante.toLocalTime());
        Paragraph intro = new Paragraph("Le groupement du dossier ajouté reçoit sa convocation avec son créneau, le "
                + Ui.date(seance.debut().toLocalDate()) + ".");
        intro.addClassName("muted");
        VerticalLayout body = new VerticalLayout(intro, d.errors);
        body.setPadding(false);
        if (attente.isEmpty()) {
            body.add(new Paragraph("Aucun dossier n'attend de séance : il n'y a rien à ajouter."));
            d.enregistrer.setEnabled(false);
        } else {
            HorizontalLayout creneau = new HorizontalLayout(d.heure, d.duree);
            creneau.setAlignItems(FlexComponent.Alignment.BASELINE);
            body.add(d.dossier, creneau);
        }
        d.add(body);
        d.enregistrer.addClickListener(e -> {
            if (d.dossier.getValue() == null) {
                d.errors.show(List.of("Choisissez le dossier à ajouter."));
                return;
            }
            Creneau c = new Creneau(d.dossier.getValue().communId(), d.at(seance), d.duree.getValue());
            if (d.errors.run(() -> service.ajouterAudition(seance.id(), c))) {
                d.close();
                Ui.success("« " + d.dossier.getValue().titre() + " » est ajouté à l'ordre du jour ; son groupement est convoqué.");
                onDone.run();
            } else {
                d.errors.reveal();
            }
        });
        return d;
    }

    /** Changes the slot of a file on the agenda; its groupement gets an update. */
    static CreneauDialog modification(SeanceService service, Seance seance, Audition audition, Runnable onDone) {
        CreneauDialog d = new CreneauDialog("Modifier le créneau de « " + audition.titre() + " »", audition.titre(),
                "Enregistrer le créneau");
        d.heure.setValue(audition.debut().toLocalTime());
        d.duree.setValue(audition.dureeMinutes());
        Paragraph intro = new Paragraph("Le groupement reçoit une convocation mise à jour.");
        intro.addClassName("muted");
        HorizontalLayout creneau = new HorizontalLayout(d.heure, d.duree);
        creneau.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(intro, d.errors, creneau);
        body.setPadding(false);
        d.add(body);
        d.enregistrer.addClickListener(e -> {
            Creneau c = new Creneau(audition.communId(), d.at(seance), d.duree.getValue());
            if (d.errors.run(() -> service.modifierCreneau(seance.id(), c, audition.version()))) {
                d.close();
                Ui.success("Le créneau de « " + audition.titre() + " » est modifié ; son groupement est prévenu.");
                onDone.run();
            } else {
                d.errors.reveal();
            }
        });
        return d;
    }

    /** The start typed, on the séance's day. */
    LocalDateTime at(Seance seance) {
        return heure.getValue() == null ? null : seance.debut().toLocalDate().atTime(heure.getValue());
    }
}
