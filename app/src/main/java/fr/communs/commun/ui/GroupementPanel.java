package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.DemandeGroupement;
import fr.communs.commun.Eligibility;
import fr.communs.commun.GroupementService;
import fr.communs.commun.MembreGroupement;
import fr.communs.commun.RoleGroupement;
import fr.communs.layout.LiveUpdates;
import fr.communs.layout.Ui;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import fr.communs.structure.ui.ActingStructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The groupement of a commun and what the person looking at it can do: the porteur invites, answers requests,
 * changes roles, designates another porteur administratif; a member confirms its participation or leaves; any other
 * structure asks to join. What waits for the person's answer (invitations, requests, proposals, confirmations) is a
 * separate block, {@link #answers()}, that the page shows at its top. The groupement, the answers and the eligibility
 * panel are read again after each action, refused or not, and live when someone else changes the groupement.
 */
class GroupementPanel extends VerticalLayout {
    private final CommunService communs;
    private final GroupementService groupements;
    private final StructureService structures;
    private final long communId;
    private final String territoireCode;
    private final Optional<AppUser> user;
    private final ErrorPanel errors = new ErrorPanel();
    private final Div body = new Div();
    /** What waits for the answer of the person's structures; the page places it at its top ({@link #answers()}). */
    private final Div answers = new Div();
    private final ErrorPanel answerErrors = new ErrorPanel();
    private final Div answerCards = new Div();
    /** The answers being typed, kept when the panel is refreshed (after an action, or live). */
    private final Map<Long, TextArea> reponses = new HashMap<>();
    private final ComboBox<Structure> inviteStructure = new ComboBox<>("Structure à inviter");
    private final RadioButtonGroup<RoleGroupement> inviteRole = roleChoice();
    private final TextArea inviteMessage = new TextArea("Message (facultatif)");
    private Consumer<Eligibility> onChange = e -> { };

    GroupementPanel(CommunService communs, GroupementService groupements, StructureService structures, long communId,
                    String territoireCode, Optional<AppUser> user, LiveUpdates live) {
        this.communs = communs;
        this.groupements = groupements;
        this.structures = structures;
        this.communId = communId;
        this.territoireCode = territoireCode;
        this.user = user;
        setPadding(false);
        body.setWidthFull();
        add(errors, body);
        answers.addClassNames("card", "reponses-attendues");
        answers.add(new H2("Votre réponse est attendue"), answerErrors, answerCards);
        answers.setVisible(false);
        inviteStructure.setItemLabelGenerator(s -> s.nom() + " — " + s.commune() + " (" + s.codeDepartement() + ")"
                + (s.ess() ? (s.verifiee() ? " · ESS vérifiée" : " · ESS déclarée") : " · hors ESS"));
        inviteStructure.setWidth("30em");
        inviteStructure.setHelperText("Toutes les structures inscrites dans l'annuaire.");
        inviteMessage.setWidthFull();
        CharacterLimit.apply(inviteMessage, 1000);
        refresh();
        // Live: a request withdrawn, a member leaving, an answer given elsewhere show up without reloading.
        live.register(this, change -> {
            if (change.about(communId)) {
                refresh();
            }
        });
    }

    /**
     * The invitations, join requests, proposals and confirmations waiting for the answer of the person's structures
     * (hidden when there are none): the page shows it at its top.
     */
    Div answers() {
        return answers;
    }

    /** Called with the new eligibility after each change (the task screen enables its transmission button). */
    void onChange(Consumer<Eligibility> listener) {
        this.onChange = listener;
        refresh();
    }

    void refresh() {
        body.removeAll();
        Commun commun = communs.get(communId);
        List<MembreGroupement> membres = communs.membres(communId);
        Set<Long> mine = user.filter(u -> Roles.STRUCTURE.equals(u.role())).map(u -> Set.copyOf(u.structureIds()))
                .orElse(Set.of());
        boolean forming = commun.statut() == CommunStatut.EN_CONSTITUTION;
        boolean porteur = mine.contains(commun.porteurStructureId());
        Set<Long> memberIds = membres.stream().map(m -> m.structure().id()).collect(Collectors.toSet());
        List<DemandeGroupement> pending = forming ? groupements.pending(communId) : List.of();

        body.add(new H2("Groupement (" + membres.size() + (membres.size() > 1 ? " structures)" : " structure)")));
        Grid<MembreGroupement> grid = CommunFileView.membresGrid(membres, territoireCode);
        if (forming && !mine.isEmpty()) {
            grid.addComponentColumn(m -> actions(commun, m, mine, porteur)).setHeader("Actions").setFlexGrow(2);
        }
        body.add(grid);

        answerCards.removeAll();
        List<DemandeGroupement> toMe = pending.stream().filter(d -> mine.contains(d.structureId())).toList();
        if (forming) {
            membres.stream().filter(m -> m.porteurPropose() && mine.contains(m.structure().id()))
                    .forEach(m -> answerCards.add(porteurProposal(m)));
            membres.stream().filter(m -> !m.confirme() && mine.contains(m.structure().id()))
                    .forEach(m -> answerCards.add(confirmation(m)));
            toMe.stream().filter(d -> d.sens() == DemandeGroupement.Sens.INVITATION).forEach(d -> answerCards.add(invitation(d)));
            if (porteur) {
                pending.stream().filter(d -> d.sens() == DemandeGroupement.Sens.DEMANDE).forEach(d -> answerCards.add(request(d)));
            }
            toMe.stream().filter(d -> d.sens() == DemandeGroupement.Sens.DEMANDE).forEach(d -> body.add(mySentRequest(d)));
            if (porteur) {
                invitationsSent(pending).ifPresent(body::add);
                body.add(inviteForm(memberIds, pending));
            } else if (!mine.isEmpty()) {
                List<Structure> candidates = structures.findAll(mine).stream()
                        .filter(s -> !memberIds.contains(s.id()) && toMe.stream().noneMatch(d -> d.structureId() == s.id()))
                        .toList();
                if (!candidates.isEmpty()) {
                    Button join = new Button("Rejoindre ce commun", e -> joinDialog(candidates));
                    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    body.add(join);
                }
            } else if (user.isEmpty()) {
                Paragraph p = new Paragraph(new com.vaadin.flow.component.html.Anchor("login", "Connectez-vous"),
                        new Span(" avec le compte de votre structure pour rejoindre ce commun."));
                body.add(p);
            }
        }
        Set<Long> stillPending = pending.stream().map(DemandeGroupement::id).collect(Collectors.toSet());
        reponses.keySet().retainAll(stillPending);
        // Still shown after a refused answer whose card is gone (answered meanwhile elsewhere): the message stays readable.
        answers.setVisible(answerCards.getComponentCount() > 0 || !answerErrors.shown().isEmpty());
        Eligibility eligibility = groupements.eligibility(communId);
        body.add(CommunFileView.eligibilityPanel(eligibility));
        onChange.accept(eligibility);
    }

    /** The answer typed for a request or an invitation, kept across refreshes. */
    private TextArea reponse(DemandeGroupement d, String label) {
        return reponses.computeIfAbsent(d.id(), id -> {
            TextArea area = new TextArea(label);
            area.setWidthFull();
            CharacterLimit.apply(area, 1000);
            return area;
        });
    }

    private MenuBar actions(Commun commun, MembreGroupement m, Set<Long> mine, boolean porteur) {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        boolean own = mine.contains(m.structure().id());
        String nom = m.structure().nom();
        bar.setI18n(new com.vaadin.flow.component.menubar.MenuBar.MenuBarI18n().setMoreOptions("Autres actions pour " + nom));
        if (porteur && m.role() != RoleGroupement.PORTEUR) {
            var gerer = bar.addItem("Gérer ▾");
            gerer.setAriaLabel("Gérer " + nom);
            var more = gerer.getSubMenu();
            RoleGroupement other = m.role() == RoleGroupement.MEMBRE ? RoleGroupement.CONTRIBUTEUR : RoleGroupement.MEMBRE;
            more.addItem("Passer en " + other.libelle().toLowerCase(), e -> act(
                    () -> groupements.changeRole(communId, m.structure().id(), other),
                    "« " + nom + " » est maintenant " + other.libelle().toLowerCase() + " ; elle doit confirmer ce rôle."));
            if (m.porteurPropose()) {
                more.addItem("Annuler la proposition de porteur administratif", e -> act(
                        () -> groupements.cancelPorteurProposal(communId), "La proposition est annulée."));
            } else {
                more.addItem("Proposer le rôle de porteur administratif", e -> confirmDialog(
                        "Proposer à « " + nom + " » de devenir porteur administratif ?",
                        "Si elle accepte, c'est elle qui transmettra le dossier au Département et votre structure restera "
                                + "membre du groupement. Rien ne change tant qu'elle n'a pas accepté.",
                        "Proposer", false, () -> act(() -> groupements.designatePorteur(communId, m.structure().id()),
                                "La proposition est envoyée à « " + nom + " ».")));
            }
            more.addItem("Retirer du groupement", e -> confirmDialog("Retirer « " + nom + " » du groupement ?",
                    "La structure en sera informée.", "Retirer", true,
                    () -> act(() -> groupements.removeMember(communId, m.structure().id()),
                            "« " + nom + " » a été retirée du groupement.")));
        }
        if (own && m.role() != RoleGroupement.PORTEUR) {
            bar.addItem("Quitter", e -> confirmDialog("Quitter le groupement de « " + commun.titre() + " » ?",
                    "« " + nom + " » ne fera plus partie du groupement. Le porteur en sera informé.", "Quitter le groupement",
                    true, () -> act(() -> groupements.leave(communId, m.structure().id()),
                            "« " + nom + " » a quitté le groupement.")));
        }
        return bar;
    }

    /** An invitation received by one of the caller's structures: accept (which confirms the role) or decline. */
    private Div invitation(DemandeGroupement d) {
        Div card = new Div();
        card.addClassNames("card", "demande");
        card.add(new H3("Invitation pour « " + d.structureNom() + " »"),
                new Paragraph("Le porteur invite votre structure à rejoindre le groupement en tant que "
                        + d.role().libelle().toLowerCase() + ". En acceptant, vous confirmez votre participation dans ce rôle."));
        message(card, d.message());
        TextArea reponse = reponse(d, "Votre réponse (facultatif)");
        Button accept = new Button("Accepter l'invitation", e -> answer(() -> groupements.answerInvitation(d.id(), true,
                reponse.getValue()), "Invitation acceptée : « " + d.structureNom() + " » fait partie du groupement."));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = new Button("Décliner", e -> answer(() -> groupements.answerInvitation(d.id(), false,
                reponse.getValue()), "Invitation déclinée."));
        card.add(reponse, new HorizontalLayout(accept, decline));
        return card;
    }

    /** A request sent by one of the caller's structures, waiting for the porteur: it can be withdrawn. */
    private Div mySentRequest(DemandeGroupement d) {
        Div card = new Div();
        card.addClassNames("card", "demande");
        card.add(new H3("Demande envoyée par « " + d.structureNom() + " »"),
                new Paragraph("Votre demande (" + d.role().libelle().toLowerCase() + ") du " + Ui.dateTime(d.createdAt())
                        + " attend la réponse du porteur."));
        Button withdraw = new Button("Retirer ma demande", e -> act(() -> groupements.cancel(d.id()), "Demande retirée."));
        withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        card.add(withdraw);
        return card;
    }

    /** One of the caller's structures has to confirm its participation and its role. */
    private Div confirmation(MembreGroupement m) {
        Div card = new Div();
        card.addClassNames("card", "demande");
        String nom = m.structure().nom();
        card.add(new H3("Confirmer la participation de « " + nom + " »"),
                new Paragraph("« " + nom + " » fait partie du groupement en tant que " + m.role().libelle().toLowerCase()
                        + ". Chaque membre confirme sa participation et son rôle avant que le dossier puisse être transmis."));
        Button confirm = new Button("Confirmer notre participation en tant que " + m.role().libelle().toLowerCase(),
                e -> answer(() -> groupements.confirm(communId, m.structure().id()),
                        "La participation de « " + nom + " » est confirmée."));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(confirm);
        return card;
    }

    /** The porteur proposes its role to one of the caller's structures. */
    private Div porteurProposal(MembreGroupement m) {
        Div card = new Div();
        card.addClassNames("card", "demande");
        String nom = m.structure().nom();
        card.add(new H3("Devenir porteur administratif ?"),
                new Paragraph("Le porteur administratif propose à « " + nom + " » de prendre son rôle : c'est le porteur "
                        + "administratif qui constitue le groupement et transmet le dossier au Département. Il doit "
                        + "relever de l'ESS et être implanté sur le territoire."));
        Button accept = new Button("Accepter de devenir porteur administratif", e -> {
            if (answerErrors.run(() -> groupements.answerPorteurProposal(communId, m.structure().id(), true))) {
                Ui.success("« " + nom + " » est maintenant porteur administratif : la tâche « Constituer le groupement » "
                        + "est dans vos tâches.");
                getUI().ifPresent(ui -> ui.getPage().reload());      // the whole page changes: porteur, task button
            } else {
                refresh();
            }
        });
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = new Button("Décliner", e -> answer(
                () -> groupements.answerPorteurProposal(communId, m.structure().id(), false), "Proposition déclinée."));
        card.add(new HorizontalLayout(accept, decline));
        return card;
    }

    /** For the porteur: a structure asks to join the groupement. */
    private Div request(DemandeGroupement d) {
        Div card = new Div();
        card.addClassNames("card", "demande");
        card.add(new H3("Demande de « " + d.structureNom() + " »"),
                new Paragraph("« " + d.structureNom() + " » demande à rejoindre le groupement en tant que "
                        + d.role().libelle().toLowerCase() + " (le " + Ui.dateTime(d.createdAt()) + ")."));
        message(card, d.message());
        TextArea reponse = reponse(d, "Réponse (facultatif)");
        Button accept = new Button("Accepter", e -> answer(() -> groupements.decideRequest(d.id(), true, reponse.getValue()),
                "« " + d.structureNom() + " » fait maintenant partie du groupement."));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setAriaLabel("Accepter la demande de " + d.structureNom());
        Button decline = new Button("Refuser", e -> answer(() -> groupements.decideRequest(d.id(), false, reponse.getValue()),
                "La demande de « " + d.structureNom() + " » est refusée."));
        decline.setAriaLabel("Refuser la demande de " + d.structureNom());
        card.add(reponse, new HorizontalLayout(accept, decline));
        return card;
    }

    /** For the porteur: the invitations sent and not yet answered, each of which can be cancelled. */
    private Optional<Div> invitationsSent(List<DemandeGroupement> pending) {
        List<DemandeGroupement> invitations = pending.stream().filter(d -> d.sens() == DemandeGroupement.Sens.INVITATION).toList();
        if (invitations.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setWidthFull();
        box.add(new H3("Invitations envoyées"));
        for (DemandeGroupement d : invitations) {
            Button cancel = new Button("Annuler", e -> act(() -> groupements.cancel(d.id()), "Invitation annulée."));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            cancel.setAriaLabel("Annuler l'invitation de " + d.structureNom());
            HorizontalLayout line = new HorizontalLayout(new Span("« " + d.structureNom() + " » ("
                    + d.role().libelle().toLowerCase() + "), invitée le " + Ui.dateTime(d.createdAt())
                    + " : en attente de sa réponse."), cancel);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            box.add(line);
        }
        return Optional.of(box);
    }

    private Div inviteForm(Set<Long> memberIds, List<DemandeGroupement> pending) {
        Set<Long> excluded = new java.util.HashSet<>(memberIds);
        pending.forEach(d -> excluded.add(d.structureId()));
        Structure chosen = inviteStructure.getValue();
        List<Structure> candidates = structures.directory().stream().filter(s -> !excluded.contains(s.id())).toList();
        inviteStructure.setItems(candidates);
        if (chosen != null) {
            // What the porteur was choosing stays chosen when the panel is refreshed, if still possible.
            candidates.stream().filter(s -> s.id() == chosen.id()).findFirst().ifPresent(inviteStructure::setValue);
        }
        Button invite = new Button("Inviter", e -> {
            Structure s = inviteStructure.getValue();
            boolean sent = act(() -> {
                if (s == null) {
                    throw new ValidationException("Choisissez la structure à inviter.");
                }
                if (!CharacterLimit.problems(List.of(inviteMessage)).isEmpty()) {
                    throw new ValidationException(CharacterLimit.problems(List.of(inviteMessage)));
                }
                groupements.invite(communId, s.id(), inviteRole.getValue(), inviteMessage.getValue());
            }, s == null ? "" : "Invitation envoyée à « " + s.nom() + " ».");
            if (sent) {
                inviteStructure.clear();
                inviteMessage.clear();
                inviteRole.setValue(RoleGroupement.MEMBRE);
            }
        });
        HorizontalLayout line = new HorizontalLayout(inviteStructure, inviteRole);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        Div box = new Div(new H3("Inviter une structure"), line, inviteMessage, invite);
        box.setWidthFull();
        return box;
    }

    private void joinDialog(List<Structure> candidates) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rejoindre ce commun");
        ErrorPanel dialogErrors = new ErrorPanel();
        ComboBox<Structure> structure = new ComboBox<>("Au nom de");
        structure.setItems(candidates);
        structure.setItemLabelGenerator(Structure::nom);
        long acting = ActingStructure.get().orElse(candidates.get(0).id());
        structure.setValue(candidates.stream().filter(s -> s.id() == acting).findFirst().orElse(candidates.get(0)));
        structure.setWidthFull();
        RadioButtonGroup<RoleGroupement> role = roleChoice();
        TextArea message = new TextArea("Message au porteur");
        message.setWidthFull();
        message.setHelperText("Présentez votre structure et ce qu'elle apporterait au commun.");
        CharacterLimit.apply(message, 1000);
        Button send = new Button("Envoyer la demande", e -> {
            Structure s = structure.getValue();
            if (dialogErrors.run(() -> {
                if (s == null) {
                    throw new ValidationException("Choisissez la structure au nom de laquelle vous demandez à rejoindre le commun.");
                }
                groupements.requestToJoin(communId, s.id(), role.getValue(), message.getValue());
            })) {
                dialog.close();
                Ui.success("Votre demande est envoyée au porteur du commun : vous serez notifié de sa réponse.");
            }
            refresh();      // refused or not, the groupement shown is the one that exists now
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Annuler", e -> dialog.close());
        VerticalLayout content = new VerticalLayout(dialogErrors, structure, role, message);
        content.setPadding(false);
        content.setWidth("32em");
        dialog.add(content);
        dialog.getFooter().add(cancel, send);
        dialog.open();
    }

    private static RadioButtonGroup<RoleGroupement> roleChoice() {
        RadioButtonGroup<RoleGroupement> role = new RadioButtonGroup<>("Rôle");
        role.setItems(RoleGroupement.MEMBRE, RoleGroupement.CONTRIBUTEUR);
        role.setItemLabelGenerator(RoleGroupement::libelle);
        role.setValue(RoleGroupement.MEMBRE);
        return role;
    }

    private void confirmDialog(String title, String text, String action, boolean danger, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setMaxWidth("36em");
        dialog.add(new Paragraph(text));
        Button ok = new Button(action, e -> {
            dialog.close();
            onConfirm.run();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(new Button("Annuler", e -> dialog.close()), ok);
        dialog.open();
    }

    /** Runs an action of the groupement; refused or not, shows the groupement and its eligibility as they are now. */
    private boolean act(Runnable action, String success) {
        return run(errors, action, success);
    }

    /** The same for an answer given from the answer block (its errors are shown there). */
    private boolean answer(Runnable action, String success) {
        return run(answerErrors, action, success);
    }

    private boolean run(ErrorPanel panel, Runnable action, String success) {
        boolean ok = panel.run(action);
        if (ok) {
            Ui.success(success);
        }
        refresh();
        return ok;
    }

    private static void message(Div card, String message) {
        if (message != null && !message.isBlank()) {
            Paragraph p = new Paragraph("« " + message + " »");
            p.addClassName("citation");
            card.add(p);
        }
    }
}
