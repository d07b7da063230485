package fr.communs.dossier.ui;

import fr.communs.base.Dates;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.DossierVersion;
import fr.communs.commun.DossierVersionService;
import fr.communs.commun.MembreGroupement;
import fr.communs.commun.ui.CommunFileView;
import fr.communs.instruction.Agent;
import fr.communs.instruction.Annotation;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.Instruction;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.instruction.SuiviDossier;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.ui.StructureBadges;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruction screen of a file, for agents: the frozen transmitted version side by side with the live groupement
 * (ESS / territory declared or verified, with a link to verify), and in tabs the instruction (criteria and decision),
 * the attachments, the avis of référents, the messages with the groupement, private notes and the timeline.
 */
@Route(value = TaskScreens.DOSSIERS + "/:communId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({Roles.AGENT, Roles.REFERENT})
class DossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final CommunService communs;
    private final DossierVersionService versions;
    private final InstructionService instructions;
    private final TaskService tasks;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final DossierPanels panels;
    private final DossierAccess access;
    private final ErrorPanel errors = new ErrorPanel();
    private long communId;
    private String title = "Dossier";

    DossierView(CommunService communs, DossierVersionService versions, InstructionService instructions,
                TaskService tasks, CampagneService campagnes, CurrentUser currentUser, DossierPanels panels,
                DossierAccess access) {
        this.access = access;
        this.communs = communs;
        this.versions = versions;
        this.instructions = instructions;
        this.tasks = tasks;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
        this.panels = panels;
        addClassName("page");
        addClassName("dossier");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Commun> commun = event.getRouteParameters().getLong("communId").flatMap(communs::find)
                .filter(c -> c.statut() != CommunStatut.BROUILLON);
        if (commun.isEmpty()) {
            Ui.error("Ce dossier n'existe pas.");
            event.forwardTo(TaskScreens.DOSSIERS);
            return;
        }
        communId = commun.get().id();
        title = commun.get().titre();
        if (!DossierAccess.isServiceAgent(currentUser.require())) {
            // A référent: only a file on which their avis was asked, read only (the service rechecks every read).
            if (!access.callerCanReadFile(communId)) {
                Ui.error(DossierAccess.DOSSIER_NON_ACCESSIBLE);
                event.forwardTo(TaskScreens.MES_TACHES);
                return;
            }
            renderForReferent(commun.get());
            return;
        }
        render(commun.get());
    }

    /**
     * What a référent needs for their avis, read only: the transmitted file (with its budget), the question put to
     * them and their avis, the pieces. No instruction, groupement verification, messages, notes or history.
     */
    private void renderForReferent(Commun commun) {
        removeAll();
        Anchor back = new Anchor(TaskScreens.MES_TACHES, "← Mes tâches");
        Anchor publicPage = new Anchor("communs/" + communId, "Page publique du commun");
        H1 h1 = new H1(commun.titre());
        Span statut = new Span(commun.statut().libelle());
        statut.addClassName("badge");
        Paragraph meta = new Paragraph("Porteur administratif : " + commun.porteurNom()
                + (commun.dateTransmission() == null ? "" : " · transmis le " + Ui.dateTime(commun.dateTransmission())));
        meta.add(new Span(" "), statut);
        Paragraph lecture = new Paragraph("Vous consultez ce dossier en lecture seule : votre avis de référent "
                + "thématique y est demandé. Vous le rendez depuis « Mes tâches ».");
        lecture.addClassName("muted");
        add(new HorizontalLayout(back, publicPage), h1, meta, lecture);
        Div columns = new Div();
        columns.addClassName("dossier-colonnes");
        TabSheet sheet = new TabSheet();
        sheet.addClassName("dossier-onglets");
        sheet.setWidthFull();
        panels.referentTabs(communId).forEach(sheet::add);
        columns.add(versionColumn(commun), sheet);
        add(columns);
    }

    private void render(Commun commun) {
        removeAll();
        errors.clear();
        AppUser me = currentUser.require();
        SuiviDossier suivi = instructions.suivi(communId);
        Optional<TaskService.OpenTaskRef> instruire = tasks.openTask(communId, CycleCommunProcess.TASK_INSTRUIRE);
        boolean jInstruis = suivi.instructeurId() != null && suivi.instructeurId() == me.id();

        Anchor back = new Anchor(TaskScreens.DOSSIERS, "← Tous les dossiers");
        Anchor publicPage = new Anchor("communs/" + communId, "Page publique du commun");
        HorizontalLayout links = new HorizontalLayout(back, publicPage);
        if (java.util.EnumSet.of(CommunStatut.AU_COMITE, CommunStatut.A_L_ASSEMBLEE, CommunStatut.LAUREAT,
                CommunStatut.REJETE, CommunStatut.LIVRABLE_DEPOSE).contains(commun.statut())) {
            // The comité's non-financial contributions (screen of fr.communs.comite.contribution, by its route).
            links.add(new Anchor(TaskScreens.DOSSIERS + "/" + communId + "/contributions-comite", "Contributions du comité"));
        }
        H1 h1 = new H1(commun.titre());
        Span statut = new Span(commun.statut().libelle());
        statut.addClassName("badge");
        if (commun.statut().termine()) {
            statut.addClassName("ko");
        }
        Paragraph meta = new Paragraph("Porteur administratif : " + commun.porteurNom()
                + (commun.dateTransmission() == null ? "" : " · transmis le " + Ui.dateTime(commun.dateTransmission()))
                + instruire.map(t -> t.due() == null ? "" : " · instruction à terminer avant le " + Ui.dateTime(t.due())).orElse(""));
        meta.add(new Span(" "), statut);
        add(links, h1, meta, instructeurBar(suivi, me, jInstruis), panels.labels(communId), errors);

        Div columns = new Div();
        columns.addClassName("dossier-colonnes");
        columns.add(versionColumn(commun), tabs(commun, instruire, jInstruis));
        add(columns);
    }

    // ------------------------------------------------------------------ who instructs

    private Component instructeurBar(SuiviDossier suivi, AppUser me, boolean jInstruis) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassName("instructeur");
        bar.add(new Span(suivi.instructeurId() == null ? "Aucun instructeur pour l'instant."
                : "Instruit par " + (jInstruis ? "vous" : suivi.instructeurNom())
                + (suivi.attribueLe() == null ? "" : " depuis le " + Ui.dateTime(suivi.attribueLe())) + "."));
        if (suivi.instructeurId() == null) {
            Button take = new Button("Je m'en occupe", e -> act(() -> instructions.take(communId),
                    "Vous instruisez ce dossier."));
            take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(take);
        }
        if (communs.get(communId).statut().termine()) {
            return bar;                      // a closed file is no longer assigned
        }
        ComboBox<Agent> agent = new ComboBox<>();
        agent.setAriaLabel("Attribuer à un agent");
        agent.setPlaceholder("Attribuer à…");
        agent.setItems(instructions.agents());
        agent.setItemLabelGenerator(Agent::libelle);
        agent.setWidth("18em");
        Button assign = new Button("Attribuer", e -> {
            if (agent.getValue() == null) {
                errors.show(List.of("Choisissez l'agent à qui attribuer le dossier."));
                return;
            }
            act(() -> instructions.assign(List.of(communId), agent.getValue().id()),
                    "Dossier attribué à " + agent.getValue().nom() + ".");
        });
        bar.add(agent, assign);
        if (jInstruis) {
            bar.add(new Button("Rendre le dossier", e -> act(() -> instructions.release(communId),
                    "Vous n'instruisez plus ce dossier.")));
        }
        return bar;
    }

    private void act(Runnable action, String success) {
        if (errors.run(action)) {
            Ui.success(success);
            render(communs.get(communId));
        } else {
            errors.reveal();
        }
    }

    // ------------------------------------------------------------------ left column: the frozen file

    private Component versionColumn(Commun commun) {
        VerticalLayout column = new VerticalLayout();
        column.setPadding(false);
        column.addClassName("dossier-version");
        column.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
        column.add(new H2("Dossier transmis"));
        List<DossierVersion> all = versions.versions(communId);
        if (all.isEmpty()) {
            column.add(new Paragraph("Ce dossier n'a pas encore été transmis : voici son contenu actuel."),
                    new CommunFileView(commun));
            return column;
        }
        Div holder = new Div(new CommunFileView(all.get(0)));
        holder.setWidthFull();
        if (all.size() > 1) {
            Select<DossierVersion> select = new Select<>();
            select.setLabel("Version");
            select.setItems(all);
            select.setItemLabelGenerator(v -> "Version " + v.numero() + " — " + v.motif().libelle().toLowerCase()
                    + " le " + Ui.dateTime(v.createdAt()));
            select.setValue(all.get(0));
            select.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    holder.removeAll();
                    holder.add(new CommunFileView(e.getValue()));
                }
            });
            column.add(select);
        }
        column.add(holder);
        return column;
    }

    // ------------------------------------------------------------------ right column: tabs

    private Component tabs(Commun commun, Optional<TaskService.OpenTaskRef> instruire, boolean jInstruis) {
        TabSheet sheet = new TabSheet();
        sheet.addClassName("dossier-onglets");
        sheet.setWidthFull();
        sheet.add("Instruction", instructionTab(commun, instruire, jInstruis));
        sheet.add("Groupement", groupementTab(commun));
        panels.tabs(communId).forEach(sheet::add);
        sheet.add("Notes", notesTab());
        return sheet;
    }

    private Component groupementTab(Commun commun) {
        String territoire = campagnes.get(commun.campagneId()).territoireCode();
        List<MembreGroupement> membres = communs.membres(communId);
        Grid<MembreGroupement> grid = new Grid<>();
        grid.setItems(membres);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(m -> {
            Div cell = new Div(new Anchor("structures/" + m.structure().id(), m.structure().nom()));
            if (m.structure().formeJuridique() != null) {
                Span forme = new Span(m.structure().formeJuridique().libelle());
                forme.addClassName("muted");
                cell.add(new Div(forme));
            }
            return cell;
        }).setHeader("Structure").setWidth("8em").setFlexGrow(1);
        grid.addColumn(m -> m.role().libelle()).setHeader("Rôle").setWidth("8.5em").setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Structure s = m.structure();
            String verif = s.verifiee() ? "vérifié" : "déclaré";
            Span ess = Ui.badge((s.ess() ? "ESS" : "Hors ESS") + " (" + verif + ")", s.ess());
            Span gard = Ui.badge((territoire.equals(s.codeDepartement()) ? "Sur le territoire" : "Hors territoire")
                    + " (" + verif + ")", territoire.equals(s.codeDepartement()));
            return new Div(new Div(ess), new Div(gard));
        }).setHeader("ESS / territoire").setWidth("11em").setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Div actions = new Div();
            if (!m.structure().verifiee()) {       // "(vérifié)" is already said by the ESS / territory badges
                actions.add(new Div(StructureBadges.verification(m.structure())));
            }
            if (!m.structure().verifiee()) {
                actions.add(new Div(new Anchor("verifications", "Vérifier")));
            }
            if (m.structure().siret() != null && m.structure().siret().length() >= 9) {
                Anchor annuaire = new Anchor("https://annuaire-entreprises.data.gouv.fr/entreprise/"
                        + m.structure().siret().substring(0, 9), "Annuaire");
                annuaire.getElement().setAttribute("title", "Annuaire des entreprises (nouvel onglet)");
                annuaire.setTarget("_blank");
                annuaire.getElement().setAttribute("rel", "noopener noreferrer");
                actions.add(new Div(annuaire));
            }
            return actions;
        }).setHeader("Vérification").setWidth("8em").setFlexGrow(0);
        VerticalLayout tab = new VerticalLayout(new Paragraph("Le groupement aujourd'hui (" + membres.size()
                + " structures) : statuts déclarés par les structures ou vérifiés par un agent."), grid);
        tab.setPadding(false);
        return tab;
    }

    private Component notesTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        Paragraph warning = new Paragraph("Ces notes ne sont visibles que des agents du Département : jamais des structures.");
        warning.addClassName("muted");
        TextArea note = new TextArea("Nouvelle note interne");
        note.setMaxLength(4000);
        note.setWidthFull();
        ErrorPanel noteErrors = new ErrorPanel();
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        Runnable refresh = () -> {
            list.removeAll();
            List<Annotation> annotations = instructions.annotations(communId);
            if (annotations.isEmpty()) {
                list.add(new Paragraph("Aucune note interne."));
            }
            for (Annotation a : annotations) {
                Paragraph texte = new Paragraph(a.texte());
                texte.addClassName("texte");
                Div card = new Div(new Span(a.agentNom() + " — " + Ui.dateTime(a.date())), texte);
                card.addClassName("card");
                list.add(card);
            }
        };
        Button add = new Button("Ajouter la note", e -> {
            if (noteErrors.run(() -> instructions.annotate(communId, note.getValue()))) {
                note.clear();
                refresh.run();
                Ui.success("Note ajoutée.");
            }
        });
        add.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        refresh.run();
        tab.add(warning, noteErrors, note, add, list);
        return tab;
    }

    // ------------------------------------------------------------------ instruction

    private Component instructionTab(Commun commun, Optional<TaskService.OpenTaskRef> instruire, boolean jInstruis) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        List<Instruction> decisions = instructions.decisions(communId);
        instructions.lastComplement(communId).filter(r -> commun.statut() == CommunStatut.EN_INSTRUCTION).ifPresent(reponse -> {
            Paragraph texte = new Paragraph(reponse);
            texte.addClassName("texte");
            Div box = new Div(new H3("Réponse du groupement à la demande de compléments"), texte);
            box.addClassName("card");
            tab.add(box);
        });
        boolean canDecide = commun.statut() == CommunStatut.EN_INSTRUCTION && instruire.isPresent() && jInstruis;
        if (commun.statut() == CommunStatut.EN_INSTRUCTION && !jInstruis) {
            tab.add(new Paragraph("Prenez ce dossier (« Je m'en occupe ») ou faites-vous-le attribuer pour l'instruire."));
        }
        if (commun.statut() == CommunStatut.EN_INSTRUCTION && instruire.isPresent()) {
            tab.add(decisionForm(instruire.get().taskId(), canDecide));
        } else if (commun.statut() == CommunStatut.COMPLEMENTS_DEMANDES) {
            tab.add(new Paragraph("Compléments demandés : le dossier attend la réponse du groupement."
                    + tasks.openTask(communId, CycleCommunProcess.TASK_COMPLETER_DOSSIER)
                    .map(t -> t.due() == null ? "" : " Date limite : " + Ui.dateTime(t.due()) + ".").orElse("")));
        } else if (commun.statut() == CommunStatut.EN_CONSTITUTION) {
            tab.add(new Paragraph("Le groupement n'a pas encore transmis ce dossier."));
        }
        tab.add(new H3("Décisions enregistrées"));
        if (decisions.isEmpty()) {
            tab.add(new Paragraph("Aucune décision pour l'instant."));
        }
        for (Instruction d : decisions) {
            tab.add(decisionCard(d));
        }
        return tab;
    }

    private Component decisionCard(Instruction d) {
        Div card = new Div();
        card.addClassName("card");
        card.add(new H4(libelle(d.decision()) + " — " + d.agentNom() + ", le " + Ui.dateTime(d.date())));
        for (AppreciationCritere a : d.criteres()) {
            Paragraph p = new Paragraph(a.critere().libelle() + " : " + (a.appreciation() == null ? "—" : a.appreciation().libelle())
                    + (a.commentaire() == null ? "" : " — " + a.commentaire()));
            card.add(p);
        }
        if (d.decision() == DecisionInstruction.COMPLEMENTS) {
            card.add(new Paragraph("Parties rouvertes : " + String.join(", ",
                    d.parties().stream().sorted().map(PartieDossier::libelle).toList())
                    + (d.dateLimiteComplements() == null ? "" : " · avant le " + Ui.date(d.dateLimiteComplements()))));
        }
        if (d.motif() != null) {
            Paragraph motif = new Paragraph(d.motif());
            motif.addClassName("texte");
            card.add(motif);
        }
        return card;
    }

    private Component decisionForm(String taskId, boolean editable) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.add(new H3("Appréciation des critères"));
        Map<Critere, RadioButtonGroup<Appreciation>> radios = new EnumMap<>(Critere.class);
        Map<Critere, TextArea> comments = new EnumMap<>(Critere.class);
        for (AppreciationCritere a : instructions.appreciations(communId)) {
            RadioButtonGroup<Appreciation> radio = new RadioButtonGroup<>(a.critere().libelle());
            radio.setItems(Appreciation.values());
            radio.setItemLabelGenerator(Appreciation::libelle);
            radio.setRequiredIndicatorVisible(true);
            radio.setValue(a.appreciation());
            radio.setReadOnly(!editable);
            TextArea comment = new TextArea();
            comment.setAriaLabel("Commentaire : " + a.critere().libelle());
            comment.setPlaceholder("Commentaire (facultatif)");
            comment.setMaxLength(2000);
            comment.setWidthFull();
            comment.setValue(a.commentaire() == null ? "" : a.commentaire());
            comment.setReadOnly(!editable);
            radios.put(a.critere(), radio);
            comments.put(a.critere(), comment);
            Div block = new Div(radio, comment);
            block.addClassName("critere");
            form.add(block);
        }
        if (!editable) {
            return form;
        }
        java.util.function.Supplier<List<AppreciationCritere>> criteres = () -> {
            List<AppreciationCritere> list = new ArrayList<>();
            radios.forEach((c, r) -> list.add(new AppreciationCritere(c, r.getValue(), comments.get(c).getValue())));
            return list;
        };
        Button save = new Button("Enregistrer les appréciations", e -> {
            if (errors.run(() -> instructions.saveAppreciations(communId, criteres.get()))) {
                Ui.success("Appréciations enregistrées (pas encore de décision).");
            } else {
                errors.reveal();
            }
        });

        RadioButtonGroup<DecisionInstruction> decision = new RadioButtonGroup<>("Décision");
        decision.setItems(DecisionInstruction.values());
        decision.setItemLabelGenerator(DossierView::libelle);
        decision.setRequiredIndicatorVisible(true);
        CheckboxGroup<PartieDossier> parties = new CheckboxGroup<>("Parties du dossier à compléter (seules celles-ci seront modifiables)");
        parties.setItems(PartieDossier.values());
        parties.setItemLabelGenerator(PartieDossier::libelle);
        parties.addThemeName("vertical");
        DatePicker dateLimite = Ui.datePicker("Date limite des compléments");
        dateLimite.setMin(Dates.today().plusDays(1));
        dateLimite.setMax(Dates.today().plusDays(InstructionService.COMPLEMENTS_MAX_JOURS));
        dateLimite.setValue(Dates.today().plusDays(InstructionService.COMPLEMENTS_JOURS_PAR_DEFAUT));
        dateLimite.setHelperText("Le porteur reçoit un rappel automatique avant cette date.");
        dateLimite.setWidth("18em");
        TextArea motif = new TextArea("Message au groupement");
        motif.setMaxLength(4000);
        motif.setWidthFull();
        motif.setMinHeight("6em");
        Div complements = new Div(parties, dateLimite);
        complements.setVisible(false);
        decision.addValueChangeListener(e -> {
            complements.setVisible(e.getValue() == DecisionInstruction.COMPLEMENTS);
            motif.setLabel(e.getValue() == DecisionInstruction.COMPLEMENTS ? "Message au groupement : ce qui manque"
                    : e.getValue() == DecisionInstruction.NON_RECEVABLE ? "Motif de non-recevabilité (envoyé au groupement)"
                    : "Message au groupement (facultatif)");
            motif.setRequiredIndicatorVisible(e.getValue() != null && e.getValue() != DecisionInstruction.RECEVABLE);
        });
        Button submit = new Button("Enregistrer la décision", e -> {
            if (decision.getValue() == null) {
                errors.show(List.of("Choisissez une décision."));
                errors.reveal();
                return;
            }
            InstructionDecision d = new InstructionDecision(decision.getValue(), criteres.get(), motif.getValue(),
                    parties.getValue(), dateLimite.getValue());
            if (!errors.run(() -> instructions.checkDecision(d))) {    // the form first, then the confirmation
                errors.reveal();
                return;
            }
            long avisAttendus = panels.pendingAvis(communId);
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Enregistrer la décision « " + libelle(d.decision()) + " » ?");
            confirm.setText(switch (d.decision()) {
                case RECEVABLE -> "Le dossier sera soumis au Comité d'accompagnement des communs et le groupement prévenu.";
                case COMPLEMENTS -> "Le porteur recevra une tâche pour compléter les parties cochées ; le dossier vous reviendra.";
                case NON_RECEVABLE -> "Le groupement sera prévenu avec le motif. Cette décision met fin au dossier.";
            } + (avisAttendus == 0 ? "" : avisAttendus == 1 ? " Un avis de référent est encore attendu."
                    : " " + avisAttendus + " avis de référents sont encore attendus."));
            confirm.setCancelable(true);
            confirm.setCancelText("Annuler");
            confirm.setConfirmText("Enregistrer");
            confirm.addConfirmListener(c -> {
                if (errors.run(() -> instructions.decide(taskId, d))) {
                    Ui.success("La décision d'instruction est enregistrée.");
                    UI.getCurrent().navigate(TaskScreens.DOSSIERS + "/" + communId);
                    render(communs.get(communId));
                } else {
                    errors.reveal();
                }
            });
            confirm.open();
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(save, decision, complements, motif, submit);
        return form;
    }

    private static String libelle(DecisionInstruction d) {
        return switch (d) {
            case RECEVABLE -> "Recevable — soumettre au comité";
            case COMPLEMENTS -> "Demande de compléments";
            case NON_RECEVABLE -> "Non recevable";
        };
    }

    @Override
    public String getPageTitle() {
        return title + " — Dossiers — Communs";
    }
}
