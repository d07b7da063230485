package fr.communs.comite.contribution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.Dates;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.contribution.ContributeurComite;
import fr.communs.comite.contribution.ContributionComiteData;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.comite.contribution.DossierComite;
import fr.communs.comite.contribution.MembreComiteOption;
import fr.communs.comite.contribution.SeanceOption;
import fr.communs.comite.contribution.TypeContributionComite;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The agents' screen of the comité's contributions to a file ({@code dossiers/<communId>/contributions-comite},
 * linked from the file's back-office screen and from the séance): the contributions recorded so far, with their
 * follow-up, and the form to record one the comité proposed — who gives (a member's organisation, the Département, a
 * structure of the directory), the type, the description, the expected date and the séance.
 */
@Route(value = "dossiers/:communId([0-9]{1,18})/contributions-comite", layout = MainLayout.class)
@RolesAllowed(Roles.AGENT)
class ContributionsComiteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final ContributionComiteService contributions;
    private final StructureService structures;
    private String title = "Contributions du comité";

    ContributionsComiteView(ContributionComiteService contributions, StructureService structures) {
        this.contributions = contributions;
        this.structures = structures;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long communId = event.getRouteParameters().getLong("communId").orElse(-1L);
        DossierComite dossier;
        try {
            dossier = contributions.dossier(communId);
        } catch (ValidationException e) {
            Ui.error("Ce dossier n'existe pas.");
            event.forwardTo("dossiers");
            return;
        }
        title = "Contributions du comité — " + dossier.titre();
        render(dossier);
    }

    private void render(DossierComite dossier) {
        removeAll();
        HorizontalLayout links = new HorizontalLayout(new Anchor("dossiers/" + dossier.id(), "← Le dossier"),
                new Anchor("communs/" + dossier.id(), "Page publique du commun"));
        Span statut = new Span(dossier.statut().libelle());
        statut.addClassName("badge");
        Paragraph intro = new Paragraph("Les contributions non financières que le Comité d'accompagnement des communs "
                + "propose à ce dossier : le groupement les accepte ou les décline depuis la page du commun, le "
                + "contributeur (ou un agent) les marque réalisées ou abandonnées. Un rappel part une fois quand la "
                + "date prévue est passée.");
        intro.addClassName("muted");
        add(links, new H1("Contributions du comité"), new Paragraph(new Span(dossier.titre() + " "), statut), intro);

        add(new H2("Contributions enregistrées"));
        ContributionsComiteList list = new ContributionsComiteList(contributions,
                () -> contributions.ofCommun(dossier.id()), ContributionsComiteList.Nommer.CONTRIBUTEUR);
        add(list);

        add(new H2("Enregistrer une contribution proposée par le comité"));
        if (!dossier.ouvert()) {
            Paragraph ferme = new Paragraph(dossier.statut().termine()
                    ? "Ce dossier est clos : il ne reçoit plus de contributions du comité."
                    : "Ce dossier n'a pas été déclaré recevable par l'instruction : le comité ne lui propose pas encore "
                            + "de contributions.");
            ferme.addClassName("muted");
            add(ferme);
            return;
        }
        add(form(dossier, list));
    }

    private Div form(DossierComite dossier, ContributionsComiteList list) {
        ErrorPanel errors = new ErrorPanel();

        RadioButtonGroup<ContributeurComite> qui = new RadioButtonGroup<>("Qui contribue ?");
        qui.setItems(ContributeurComite.values());
        qui.setItemLabelGenerator(ContributeurComite::libelle);
        qui.setRequiredIndicatorVisible(true);

        ComboBox<MembreComiteOption> membre = new ComboBox<>("Membre du comité");
        membre.setItems(contributions.membres());
        membre.setItemLabelGenerator(MembreComiteOption::libelle);
        membre.setHelperText("L'organisation qu'il ou elle représente apporte la contribution.");
        membre.setRequiredIndicatorVisible(true);
        membre.setWidth("28em");
        membre.setVisible(false);

        ComboBox<Structure> structure = new ComboBox<>("Structure de l'annuaire");
        structure.setItems(structures.directory());
        structure.setItemLabelGenerator(s -> s.nom() + " (" + s.commune() + ")");
        structure.setHelperText("Tapez une partie du nom pour la retrouver.");
        structure.setRequiredIndicatorVisible(true);
        structure.setWidth("28em");
        structure.setVisible(false);

        qui.addValueChangeListener(e -> {
            membre.setVisible(e.getValue() == ContributeurComite.ORGANISATION_MEMBRE);
            structure.setVisible(e.getValue() == ContributeurComite.STRUCTURE);
        });

        RadioButtonGroup<TypeContributionComite> type = new RadioButtonGroup<>("Type de contribution");
        type.setItems(TypeContributionComite.values());
        type.setItemLabelGenerator(TypeContributionComite::libelle);
        type.setRequiredIndicatorVisible(true);

        TextArea description = new TextArea("Description");
        description.setRequiredIndicatorVisible(true);
        description.setWidthFull();
        description.setMinHeight("6em");
        CharacterLimit.apply(description, ContributionComiteService.DESCRIPTION_MAX);
        CharacterLimit.setHelp(description, "Ce qui est apporté, par qui, sous quelle forme : un accompagnement, un "
                + "prêt de matériel, une mise en relation…");

        DatePicker date = Ui.datePicker("Date prévue (facultatif)");
        date.setMin(Dates.today());
        date.setMax(Dates.today().plusYears(5));
        date.setHelperText("Aujourd'hui ou plus tard. Un rappel part le lendemain si elle n'est pas réalisée.");
        date.setWidth("18em");

        Select<SeanceOption> seance = new Select<>();
        seance.setLabel("Séance (facultatif)");
        List<SeanceOption> seances = contributions.seances(dossier.id());
        seance.setItems(seances);
        seance.setItemLabelGenerator(s -> s == null ? "Aucune" : "Séance du " + Ui.dateTime(s.debut()) + " — " + s.lieu());
        seance.setEmptySelectionAllowed(true);
        seance.setEmptySelectionCaption("Aucune");
        seance.setWidth("28em");
        seance.setVisible(!seances.isEmpty());
        if (seances.size() == 1) {
            seance.setValue(seances.get(0));
        }

        Button enregistrer = new Button("Enregistrer la contribution", e -> {
            ContributeurComite contributeur = qui.getValue();
            ContributionComiteData data = new ContributionComiteData(contributeur,
                    contributeur == ContributeurComite.ORGANISATION_MEMBRE && membre.getValue() != null ? membre.getValue().id() : null,
                    contributeur == ContributeurComite.STRUCTURE && structure.getValue() != null ? structure.getValue().id() : null,
                    type.getValue(), description.getValue(), date.getValue(),
                    seance.getValue() == null ? null : seance.getValue().id());
            if (date.isInvalid() && date.getValue() == null) {
                errors.show(List.of("La date prévue n'est pas une date valide : choisissez-la dans le calendrier (jj/mm/aaaa)."));
                return;
            }
            if (errors.run(() -> contributions.record(dossier.id(), data))) {
                Ui.success("La contribution est enregistrée ; le groupement en est informé.");
                qui.clear();
                type.clear();
                description.clear();
                date.clear();
                membre.clear();
                structure.clear();
                list.refresh();
            } else {
                errors.reveal();
            }
        });
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div form = new Div(errors, qui, membre, structure, type, description, date, seance, enregistrer);
        form.addClassNames("card", "contribution-comite-form");
        return form;
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
