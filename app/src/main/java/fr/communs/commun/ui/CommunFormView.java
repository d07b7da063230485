package fr.communs.commun.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.commun.Echelle;
import fr.communs.commun.Enjeu;
import fr.communs.commune.Commune;
import fr.communs.commune.CommuneService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import fr.communs.structure.ui.ActingStructure;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Déposer une idée de Commun" and editing it before transmission. A draft is saved as the person types (nothing is
 * lost) and published only when they say so; a published idea is saved with "Enregistrer", and leaving with unsaved
 * changes asks for confirmation.
 */
@Route(value = "deposer", layout = MainLayout.class)
@RouteAlias(value = "communs/:communId([0-9]{1,18})/modifier", layout = MainLayout.class)
@RolesAllowed(Roles.STRUCTURE)
class CommunFormView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {
    private static final int AUTOSAVE_MS = 1500;

    private final CommunService communs;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CommuneService communesService;
    private final CurrentUser currentUser;
    final ErrorPanel errors = new ErrorPanel();
    final Span status = new Span();
    private final ComboBox<Structure> porteur = new ComboBox<>("Structure qui porte l'idée");
    final TextField titre = new TextField("Titre");
    final TextArea resume = area("Résumé", true);
    final TextArea besoin = area("Besoin du territoire (diagnostic)", true);
    private final TextArea interet = area("Caractère d'intérêt général", false);
    private final TextArea gouvernance = area("Gouvernance", false);
    private final TextArea productions = area("Productions attendues", false);
    private final CheckboxGroup<Defi> defis = new CheckboxGroup<>("Défis de l'appel auxquels le commun répond");
    private final CheckboxGroup<Enjeu> enjeux = new CheckboxGroup<>("Enjeux");
    private final RadioButtonGroup<Echelle> echelle = new RadioButtonGroup<>("Échelle");
    private final Checkbox rurale = new Checkbox("Zone rurale");
    private final Checkbox qpv = new Checkbox("Quartier politique de la ville (QPV)");
    private final MultiSelectComboBox<Commune> communes = new MultiSelectComboBox<>("Communes concernées");
    final Button supprimer = new Button("Supprimer le brouillon", e -> confirmDelete());
    private Long communId;
    private boolean listening;
    private int version;
    private boolean brouillon = true;
    private boolean dirty;
    private boolean loading;
    private String title = "Déposer une idée de commun";

    CommunFormView(CommunService communs, CampagneService campagnes, StructureService structures,
                   CommuneService communesService, CurrentUser currentUser) {
        this.communs = communs;
        this.campagnes = campagnes;
        this.structures = structures;
        this.communesService = communesService;
        this.currentUser = currentUser;
        addClassName("page");
        titre.setRequiredIndicatorVisible(true);
        besoin.setHelperText("Quel besoin du territoire ce commun veut-il couvrir ? Sur quel diagnostic partagé s'appuie-t-il ?");
        interet.setHelperText("En quoi le commun sert-il l'intérêt général ?");
        gouvernance.setHelperText("Comment les décisions sont prises, comment les responsabilités et la charge sont partagées.");
        productions.setHelperText("Ce que le commun produira, et comment ces productions resteront accessibles et "
                + "appropriables par toutes et tous (licences, lieux, outils partagés…).");
        // The limits of CommunService, shown by a counter: the browser must not cut a pasted text silently.
        CharacterLimit.apply(titre, 200);
        CharacterLimit.apply(resume, 2000);
        CharacterLimit.apply(besoin, 4000);
        CharacterLimit.apply(interet, 4000);
        CharacterLimit.apply(gouvernance, 4000);
        CharacterLimit.apply(productions, 4000);
        supprimer.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String forward = open(event.getRouteParameters().get("communId").orElse(null));
        if (forward != null) {
            event.forwardTo(forward);
        }
    }

    /**
     * Shows an empty form ({@code param} null: "/deposer") or the draft or file {@code param}; returns where to go
     * instead when the caller may not edit it.
     */
    String open(String param) {
        removeAll();
        errors.clear();
        dirty = false;
        Commun existing = null;
        Campagne campagne = param != null ? null : campagnes.current().orElse(null);
        if (param == null && campagne == null) {
            add(new H1("Déposer une idée de commun"), new Paragraph("Aucun appel à communs n'est ouvert actuellement."));
            return null;
        }
        if (param != null) {
            existing = communs.find(Long.parseLong(param)).orElseThrow(() -> new NotFoundException("Commun introuvable"));
            if (!communs.callerIsPorteur(existing.id()) || !existing.modifiable()) {
                Ui.error(existing.modifiable() ? "Seul le porteur administratif peut modifier ce dossier."
                        : "Le dossier a été transmis : il ne peut plus être modifié, sauf si le service vous demande des compléments.");
                return "communs/" + existing.id();
            }
            campagne = campagnes.get(existing.campagneId());      // the commun's own appel, open or not
        }
        build(campagne, existing);
        return null;
    }

    private void build(Campagne campagne, Commun existing) {
        communId = existing == null ? null : existing.id();
        version = existing == null ? 0 : existing.version();
        brouillon = existing == null || existing.brouillon();
        title = existing == null ? "Déposer une idée de commun" : brouillon ? "Brouillon : " + orUntitled(existing.titre())
                : "Modifier : " + existing.titre();
        add(new H1(existing == null ? "Déposer une idée de commun" : brouillon ? "Continuer mon brouillon" : "Modifier le dossier"));
        add(new Paragraph(brouillon
                ? "Votre saisie est enregistrée automatiquement comme brouillon, visible seulement par votre structure. "
                + "Publiez l'idée quand elle est prête : vous constituerez ensuite votre groupement (au moins 3 structures) "
                + "et transmettrez le dossier au Département avant le " + Ui.dateTime(campagne.dateLimiteDepot()) + "."
                : "Le dossier reste modifiable jusqu'à sa transmission au Département (avant le "
                + Ui.dateTime(campagne.dateLimiteDepot()) + ")."));
        status.addClassName("muted");
        status.getElement().setAttribute("aria-live", "polite");

        List<Structure> mine = structures.findAll(currentUser.require().structureIds());
        porteur.setItems(mine);
        porteur.setItemLabelGenerator(Structure::nom);
        porteur.setRequiredIndicatorVisible(true);
        porteur.setWidth("28em");
        if (existing != null) {
            mine.stream().filter(s -> s.id() == existing.porteurStructureId()).findFirst().ifPresent(porteur::setValue);
            porteur.setReadOnly(true);
        } else {
            long acting = ActingStructure.get().orElse(mine.isEmpty() ? -1L : mine.get(0).id());
            mine.stream().filter(s -> s.id() == acting).findFirst().ifPresent(porteur::setValue);
        }
        if (mine.isEmpty()) {
            add(new Paragraph("Pour déposer une idée, inscrivez d'abord votre structure ou rejoignez-en une depuis « Mes structures »."));
            return;
        }
        titre.setWidthFull();
        defis.setItems(campagne.defis());
        defis.setItemLabelGenerator(d -> "Défi " + d.numero() + " — " + d.libelle());
        defis.setHelperText("Obligatoire : cochez au moins un défi.");   // no required indicator: aria-required is not allowed on a group
        defis.addClassName("defis");
        enjeux.setItems(Enjeu.values());
        enjeux.setItemLabelGenerator(Enjeu::libelle);
        enjeux.setHelperText("Les grands enjeux contemporains auxquels le commun répond.");
        echelle.setItems(Echelle.values());
        echelle.setItemLabelGenerator(Echelle::libelle);
        communes.setItemLabelGenerator(Commune::libelle);
        communes.setItems(query -> communesService.search(query.getFilter().orElse(""), campagne.territoireCode(),
                query.getOffset(), query.getLimit()).stream());
        communes.setHelperText("Communes du territoire de l'appel (" + campagne.territoireNom() + ") : tapez un nom, "
                + "puis choisissez-le dans la liste.");
        communes.setWidthFull();
        for (var field : List.of(resume, besoin, interet, gouvernance, productions)) {
            field.setWidthFull();
        }
        loading = true;
        if (existing == null) {
            // The same view may have shown a draft just before (the router reuses it): start from an empty form.
            textFields().forEach(field -> field.setValue(""));
            defis.clear();
            enjeux.clear();
            echelle.clear();
            rurale.clear();
            qpv.clear();
            communes.clear();
            porteur.setReadOnly(false);
        } else {
            titre.setValue(existing.titre());
            resume.setValue(nz(existing.resume()));
            besoin.setValue(nz(existing.besoin()));
            interet.setValue(nz(existing.interetGeneral()));
            gouvernance.setValue(nz(existing.gouvernance()));
            productions.setValue(nz(existing.productions()));
            defis.setValue(campagne.defis().stream().filter(d -> existing.defis().stream().anyMatch(x -> x.id() == d.id()))
                    .collect(Collectors.toSet()));
            enjeux.setValue(existing.enjeux());
            echelle.setValue(existing.echelle());
            rurale.setValue(existing.zoneRurale());
            qpv.setValue(existing.zoneQpv());
            communes.setValue(existing.communes());
        }
        clearMarks();
        loading = false;
        if (!listening) {
            listening = true;
            for (var field : textFields()) {
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setValueChangeTimeout(AUTOSAVE_MS);
            }
            List<HasValue<?, ?>> all = List.of(porteur, titre, resume, besoin, interet, gouvernance, productions, defis,
                    enjeux, echelle, rurale, qpv, communes);
            all.forEach(f -> f.addValueChangeListener(e -> changed(e)));
        }

        HorizontalLayout zone = new HorizontalLayout(rurale, qpv);
        zone.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(errors, porteur, titre, resume, new H2("Le commun"), besoin, interet, gouvernance, productions,
                new H2("Défis, enjeux et territoire"), defis, enjeux, echelle, zone, communes);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.addClassName("form-actions");
        if (brouillon) {
            Button publier = new Button("Publier l'idée", e -> publish());
            publier.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button enregistrer = new Button("Enregistrer le brouillon", e -> save(true));
            supprimer.setVisible(communId != null);
            actions.add(publier, enregistrer, supprimer, status);
        } else {
            Button enregistrer = new Button("Enregistrer les modifications", e -> {
                if (save(true)) {
                    getUI().ifPresent(ui -> {
                        ui.navigate("communs/" + communId);
                        ui.getPage().executeJs("window.scrollTo(0, 0)");
                    });
                } else {
                    errors.reveal();
                }
            });
            enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button annuler = new Button("Annuler", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + communId)));
            actions.add(enregistrer, annuler, status);
        }
        add(actions);
        status.setText(communId == null ? "Rien n'est encore enregistré." : brouillon ? "Brouillon enregistré." : "");
    }

    private void changed(HasValue.ValueChangeEvent<?> e) {
        if (loading || !e.isFromClient()) {
            return;
        }
        dirty = true;
        if (brouillon) {
            save(false);
        } else {
            status.setText("Modifications non enregistrées.");
        }
    }

    /** Saves the draft (created at the first change) or the published file; returns whether it worked. */
    private boolean save(boolean explicit) {
        if (porteur.getValue() == null) {
            errors.show(List.of("Choisissez la structure qui porte l'idée."));
            return false;
        }
        List<String> tooLong = CharacterLimit.problems(textFields());
        if (!tooLong.isEmpty()) {
            // Nothing is cut and nothing is saved: the person shortens the text first (the counter says by how much).
            errors.show(tooLong);
            status.setText("Non enregistré : un texte dépasse la longueur permise, raccourcissez-le.");
            return false;
        }
        CommunData data = read();
        boolean created = communId == null;
        boolean ok = errors.run(() -> {
            if (communId == null) {
                communId = communs.createDraft(porteur.getValue().id(), data);
                version = communs.get(communId).version();
                porteur.setReadOnly(true);
            } else {
                version = communs.update(communId, version, data);
            }
        });
        if (ok && created) {
            draftCreated();
        }
        if (ok) {
            dirty = false;
            if (errors.shown().isEmpty()) {
                clearMarks();
            }
            status.setText((brouillon ? "Brouillon enregistré à " : "Enregistré à ")
                    + Ui.dateTime(OffsetDateTime.now()).replaceFirst("^.* à ", ""));
            if (explicit) {
                Ui.success(brouillon ? "Brouillon enregistré." : "Le dossier est enregistré.");
            }
        } else {
            markFields();
            status.setText("Non enregistré : corrigez les erreurs indiquées en haut du formulaire.");
        }
        return ok;
    }

    void publish() {
        if (!save(false)) {
            errors.reveal();
            return;
        }
        if (errors.run(() -> communs.publish(communId))) {
            dirty = false;
            Ui.success("Votre idée est publiée. Constituez maintenant votre groupement.");
            getUI().ifPresent(ui -> {
                ui.navigate("communs/" + communId);
                ui.getPage().executeJs("window.scrollTo(0, 0)");
            });
        } else {
            markFields();
            status.setText("Brouillon enregistré, mais pas encore publié : complétez les champs signalés.");
            errors.reveal();
        }
    }

    /**
     * The draft exists from now on: the address becomes its own (a reload, the back and forward buttons and a
     * bookmark reopen this draft instead of an empty form that would start a second one), without rebuilding the
     * form the person is typing in.
     */
    private void draftCreated() {
        String location = "communs/" + communId + "/modifier";
        title = "Brouillon : " + orUntitled(titre.getValue());
        supprimer.setVisible(true);
        getUI().ifPresent(ui -> {
            ui.getPage().getHistory().replaceState(null, location);
            ui.getPage().setTitle(getPageTitle());
        });
    }

    /** Asks for confirmation, naming what is lost, then deletes the draft and goes to "Mes communs". */
    Dialog confirmDelete() {
        if (communId == null) {
            return null;
        }
        long id = communId;
        return BrouillonSuppression.confirm(orUntitled(titre.getValue()), () -> deleteDraft(id));
    }

    /** Deletes the draft (the service checks again that it is a draft of the caller's structure). */
    void deleteDraft(long id) {
        if (errors.run(() -> communs.deleteDraft(id))) {
            dirty = false;
            communId = null;
            Ui.success("Le brouillon est supprimé.");
            getUI().ifPresent(ui -> ui.navigate("mes-communs"));
        } else {
            errors.reveal();
        }
    }

    /** The text fields whose errors the service names by their label (« Titre »). */
    private List<com.vaadin.flow.component.textfield.TextFieldBase<?, String>> textFields() {
        return List.of(titre, resume, besoin, interet, gouvernance, productions);
    }

    private void clearMarks() {
        textFields().forEach(field -> field.setInvalid(false));
        defis.setInvalid(false);
    }

    /** Marks each field named by an error of the panel (the messages quote the field's label: « Titre »). */
    private void markFields() {
        List<String> shown = errors.shown();
        for (var field : textFields()) {
            String message = shown.stream().filter(m -> m.contains("« " + field.getLabel() + " »")).findFirst().orElse(null);
            field.setInvalid(message != null);
            field.setErrorMessage(message);
        }
        String defiMessage = shown.stream().filter(m -> m.contains("défi")).findFirst().orElse(null);
        defis.setInvalid(defiMessage != null);
        defis.setErrorMessage(defiMessage);
    }

    private CommunData read() {
        return new CommunData(titre.getValue(), resume.getValue(), besoin.getValue(), interet.getValue(),
                gouvernance.getValue(), defis.getValue().stream().map(Defi::id).collect(Collectors.toSet()),
                enjeux.getValue(), echelle.getValue(), rurale.getValue(), qpv.getValue(),
                communes.getValue().stream().map(Commune::codeInsee).collect(Collectors.toSet()), productions.getValue());
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        if (brouillon && save(false)) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Quitter sans enregistrer ?");
        dialog.add(new Paragraph("Vos dernières modifications ne sont pas enregistrées. Si vous quittez la page, elles seront perdues."));
        Button stay = new Button("Rester sur la page", e -> dialog.close());
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button leave = new Button("Quitter sans enregistrer", e -> {
            dirty = false;
            dialog.close();
            action.proceed();
        });
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(leave, stay);
        dialog.open();
    }

    private static TextArea area(String label, boolean required) {
        TextArea area = new TextArea(label);
        area.setRequiredIndicatorVisible(required);
        area.setMinHeight("6em");
        return area;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String orUntitled(String s) {
        return s == null || s.isBlank() ? "sans titre" : s;
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
