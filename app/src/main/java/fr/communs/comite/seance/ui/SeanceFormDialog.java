package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import fr.communs.base.Montants;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.seance.Creneau;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.SeanceData;
import fr.communs.comite.seance.SeanceService;
import fr.communs.layout.Ui;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * "Nouvelle séance": date and time (Paris), place and/or video link, and the agenda — the files waiting for a séance,
 * each ticked with its start time and length; the slots are proposed one after the other from the séance's start
 * (a time typed by hand is kept). The service's refusals are listed at the top; nothing typed is lost.
 */
class SeanceFormDialog extends Dialog {
    final ErrorPanel errors = new ErrorPanel();
    final DateTimePicker debut = SeanceUi.dateTimePicker();
    final TextField lieu = SeanceUi.lieu();
    final TextField lienVisio = SeanceUi.lienVisio();
    final List<Ligne> lignes = new ArrayList<>();
    final Button enregistrer = new Button("Créer la séance et convoquer");
    private final SeanceService service;
    private final LongConsumer onCreated;
    private boolean proposing;

    /** One waiting file of the agenda: ticked or not, its start time and length. */
    static final class Ligne {
        final DossierEnAttente dossier;
        final Checkbox inscrit;
        final TimePicker heure;
        final IntegerField duree;
        /** The start time was typed by the agent: no longer proposed. */
        boolean manuelle;

        Ligne(DossierEnAttente dossier) {
            this.dossier = dossier;
            String libelle = "« " + dossier.titre() + " » — " + dossier.porteurNom()
                    + (dossier.montantDemande() == null ? "" : ", " + Montants.format(dossier.montantDemande()) + " demandés")
                    + (dossier.depuis() == null ? "" : ", en attente depuis le " + Ui.date(dossier.depuis().toLocalDate()));
            inscrit = new Checkbox(libelle);
            heure = SeanceUi.heure("Heure de début", dossier.titre());
            duree = SeanceUi.duree(dossier.titre());
            heure.setEnabled(false);
            duree.setEnabled(false);
        }
    }

    SeanceFormDialog(SeanceService service, List<DossierEnAttente> attente, LongConsumer onCreated) {
        this.service = service;
        this.onCreated = onCreated;
        setHeaderTitle("Nouvelle séance du comité");
        setWidth("56em");
        setMaxWidth("100%");
        Paragraph intro = new Paragraph("À l'enregistrement, les membres actifs du comité et les groupements des dossiers "
                + "inscrits reçoivent leur convocation (notification, courriel et invitation de calendrier).");
        intro.addClassName("muted");

        H3 titreOrdre = new H3("Ordre du jour");
        titreOrdre.setId("seance-ordre-du-jour-titre");
        Div ordre = new Div();
        ordre.getElement().setAttribute("role", "group");
        ordre.getElement().setAttribute("aria-labelledby", "seance-ordre-du-jour-titre");
        ordre.setWidthFull();
        if (attente.isEmpty()) {
            ordre.add(new Paragraph("Aucun dossier n'attend de séance : les dossiers déclarés recevables par l'instruction "
                    + "apparaîtront ici. Une séance se crée avec au moins un dossier."));
            enregistrer.setEnabled(false);
        } else {
            Paragraph aide = new Paragraph("Cochez les dossiers à auditionner. Les créneaux se proposent à la suite à partir "
                    + "de l'heure de la séance ; une heure saisie à la main est gardée.");
            aide.addClassName("muted");
            ordre.add(aide);
        }
        for (DossierEnAttente d : attente) {
            Ligne ligne = new Ligne(d);
            lignes.add(ligne);
            ligne.inscrit.addValueChangeListener(e -> {
                if (!e.getValue()) {
                    ligne.manuelle = false;
                    withoutProposals(() -> ligne.heure.clear());
                }
                propose();
            });
            ligne.heure.addValueChangeListener(e -> {
                if (!proposing && e.isFromClient()) {
                    ligne.manuelle = e.getValue() != null;
                }
                propose();
            });
            ligne.duree.addValueChangeListener(e -> propose());
            HorizontalLayout creneau = new HorizontalLayout(ligne.heure, ligne.duree);
            creneau.setAlignItems(FlexComponent.Alignment.BASELINE);
            VerticalLayout bloc = new VerticalLayout(ligne.inscrit, creneau);
            bloc.setPadding(false);
            bloc.setSpacing(false);
            bloc.addClassName("card");
            ordre.add(bloc);
        }
        debut.addValueChangeListener(e -> propose());

        HorizontalLayout ou = new HorizontalLayout(lieu, lienVisio);
        ou.setWidthFull();
        VerticalLayout body = new VerticalLayout(intro, errors, debut, ou, titreOrdre, ordre);
        body.setPadding(false);
        add(body);

        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> save());
        getFooter().add(new Button("Annuler", e -> close()), enregistrer);
    }

    private void withoutProposals(Runnable r) {
        boolean before = proposing;
        proposing = true;
        try {
            r.run();
        } finally {
            proposing = before;
        }
    }

    /** Enables the slots of the ticked files and proposes their start times one after the other. */
    void propose() {
        if (proposing) {
            return;
        }
        withoutProposals(() -> {
            LocalTime suivante = debut.getValue() == null ? null : debut.getValue().toLocalTime();
            for (Ligne l : lignes) {
                boolean on = l.inscrit.getValue();
                l.heure.setEnabled(on);
                l.duree.setEnabled(on);
                l.heure.setRequiredIndicatorVisible(on);
                l.duree.setRequiredIndicatorVisible(on);
                if (!on) {
                    continue;
                }
                if (!l.manuelle && suivante != null) {
                    l.heure.setValue(suivante);
                }
                LocalTime h = l.heure.getValue();
                Integer d = l.duree.getValue();
                if (h != null && d != null && d > 0) {
                    LocalTime fin = h.plusMinutes(d);
                    if (fin.isBefore(h)) {
                        suivante = null;          // past midnight: nothing more to propose
                    } else if (suivante == null || fin.isAfter(suivante)) {
                        suivante = fin;
                    }
                }
            }
        });
    }

    /** What the agent typed, as the service reads it. */
    SeanceData read() {
        LocalDateTime quand = debut.getValue();
        List<Creneau> ordre = lignes.stream().filter(l -> l.inscrit.getValue())
                .map(l -> new Creneau(l.dossier.communId(),
                        quand == null || l.heure.getValue() == null ? null : quand.toLocalDate().atTime(l.heure.getValue()),
                        l.duree.getValue()))
                .toList();
        return new SeanceData(quand, lieu.getValue(), lienVisio.getValue(), ordre);
    }

    private void save() {
        List<String> tropLongs = CharacterLimit.problems(List.of(lieu, lienVisio));
        if (!tropLongs.isEmpty()) {
            errors.show(tropLongs);
            errors.reveal();
            return;
        }
        if (debut.getValue() == null) {
            // Without the day, every slot would be refused too: say only what is missing.
            debut.setInvalid(true);
            debut.setErrorMessage("Indiquez la date et l'heure de la séance.");
            errors.show(List.of("Le champ « Date et heure de la séance » est obligatoire."));
            errors.reveal();
            return;
        }
        debut.setInvalid(false);
        long[] id = new long[1];
        if (errors.run(() -> id[0] = service.create(read()))) {
            close();
            Ui.success("La séance est créée : les membres du comité et les groupements des dossiers sont convoqués.");
            onCreated.accept(id[0]);
        } else {
            errors.reveal();
        }
    }
}
