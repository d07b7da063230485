package fr.communs.contribution.ui;

import fr.communs.base.ui.CharacterLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.MontantField;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.contribution.CommunContribue;
import fr.communs.contribution.Contribution;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.StatutContribution;
import fr.communs.contribution.TypeContribution;
import fr.communs.layout.Ui;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contributions of a commun, for its public page and for the porteur's screen: the needs it publishes
 * ("Besoins de contributions"), the offers waiting for the porteur's answer ("Contributions proposées", porteur
 * only), the contributors (accepted offers), and for other structures "Proposer une contribution".
 */
public class ContributionsPanel extends VerticalLayout {
    private final ContributionService contributions;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final long communId;

    public ContributionsPanel(ContributionService contributions, StructureService structures, CurrentUser currentUser,
                              long communId) {
        this.contributions = contributions;
        this.structures = structures;
        this.currentUser = currentUser;
        this.communId = communId;
        addClassName("contributions");
        setPadding(false);
        refresh();
    }

    /** Reads everything again and redraws the panel. */
    public void refresh() {
        removeAll();
        CommunContribue commun = contributions.commun(communId);
        Optional<AppUser> user = currentUser.get();
        Set<Long> mine = user.map(AppUser::structureIds).orElse(Set.of());
        boolean porteur = commun.porteur();
        List<Contribution> offres = contributions.offres(communId);

        add(besoins(commun, porteur));
        if (porteur) {
            add(propositions(offres));
        }
        add(contributeurs(offres));
        boolean structureUser = user.map(u -> Roles.STRUCTURE.equals(u.role())).orElse(false);
        if (structureUser && !porteur && !mine.isEmpty()) {
            add(mesPropositions(commun, offres, mine));
        } else if (user.isEmpty() && !commun.termine()) {
            Paragraph invite = muted("Votre structure souhaite contribuer à ce commun ? ");
            invite.add(new Anchor("login", "Connectez-vous"), new Span(" pour proposer une contribution."));
            add(invite);
        }
    }

    // --- "Besoins de contributions"

    private Div besoins(CommunContribue commun, boolean porteur) {
        Div box = section("Besoins de contributions");
        List<Contribution> demandes = contributions.demandes(communId);
        if (demandes.isEmpty()) {
            box.add(muted("Aucun besoin de contribution publié pour l'instant."));
        }
        for (Contribution d : demandes) {
            Div item = item(d, false);
            item.add(statutBadge(d.statut()));
            if (porteur) {
                HorizontalLayout actions = new HorizontalLayout();
                if (d.statut() == StatutContribution.OUVERTE) {
                    Button pourvue = new Button("Marquer comme pourvue", e -> act(() -> contributions.closeRequest(d.id()),
                            "Le besoin est marqué comme pourvu."));
                    pourvue.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    actions.add(pourvue);
                }
                if (commun.modifiable()) {
                    Button supprimer = new Button("Supprimer", e -> confirmDelete(d));
                    supprimer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    actions.add(supprimer);
                }
                if (actions.getComponentCount() > 0) {
                    item.add(actions);
                }
            }
            if (canOffer(commun, porteur) && d.statut() == StatutContribution.OUVERTE) {
                Button repondre = new Button("Proposer cette contribution", e -> new ContributionDialog(contributions,
                        communId, commun.titre(), offeringStructures(commun), d, this::refresh).open());
                repondre.addThemeVariants(ButtonVariant.LUMO_SMALL);
                repondre.setAriaLabel("Proposer une contribution en réponse au besoin : " + d.description());
                item.add(repondre);
            }
            box.add(item);
        }
        if (porteur && commun.modifiable()) {
            box.add(demandeForm());
        } else if (porteur) {
            box.add(muted("Le dossier a été transmis : vous ne pouvez plus ajouter ni supprimer de besoin, seulement "
                    + "indiquer ceux qui sont pourvus. Le dossier instruit garde la liste telle qu'elle était à la transmission."));
        }
        return box;
    }

    private Div demandeForm() {
        Div form = new Div();
        form.addClassName("contribution-form");
        Select<TypeContribution> type = typeSelect();
        TextArea description = description();
        MontantField montant = new MontantField("Montant recherché (€)");
        montant.setRequiredIndicatorVisible(true);
        montant.setWidth("14em");
        montant.setVisible(false);
        type.addValueChangeListener(e -> montant.setVisible(e.getValue() == TypeContribution.FINANCIERE));
        ErrorPanel errors = new ErrorPanel();
        Button ajouter = new Button("Ajouter la demande", e -> {
            if (errors.run(() -> contributions.requestContribution(communId, type.getValue(), description.getValue(),
                    montant.isVisible() ? montant.montant() : null))) {
                Ui.success("Le besoin de contribution est publié.");
                refresh();
            }
        });
        ajouter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(type, montant);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.add(new Span("Publier un besoin de contribution"), errors, fields, description, ajouter);
        return form;
    }

    private void confirmDelete(Contribution d) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Supprimer ce besoin de contribution ?");
        dialog.add(new Paragraph(d.type().libelle() + " — " + d.description()));
        Button oui = new Button("Supprimer", e -> {
            dialog.close();
            act(() -> contributions.deleteRequest(d.id()), "Le besoin de contribution est supprimé.");
        });
        oui.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Annuler", e -> dialog.close()), oui);
        dialog.open();
    }

    // --- "Contributions proposées" (porteur)

    private Div propositions(List<Contribution> offres) {
        Div box = section("Contributions proposées");
        List<Contribution> pending = offres.stream().filter(o -> o.statut() == StatutContribution.PROPOSEE).toList();
        if (pending.isEmpty()) {
            box.add(muted("Aucune proposition de contribution en attente de réponse."));
        }
        for (Contribution o : pending) {
            Div item = item(o, true);
            item.add(muted("Proposée le " + Ui.dateTime(o.createdAt())));
            Button accepter = new Button("Accepter", e -> act(() -> contributions.decideOffer(o.id(), true),
                    "La proposition est acceptée : " + o.structureNom() + " figure parmi les contributeurs."));
            accepter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button refuser = new Button("Refuser", e -> act(() -> contributions.decideOffer(o.id(), false),
                    "La proposition est refusée ; la structure en est informée."));
            refuser.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            item.add(new HorizontalLayout(accepter, refuser));
            box.add(item);
        }
        return box;
    }

    // --- "Contributeurs"

    private Div contributeurs(List<Contribution> offres) {
        Div box = section("Contributeurs");
        List<Contribution> acceptees = offres.stream().filter(o -> o.statut() == StatutContribution.ACCEPTEE).toList();
        if (acceptees.isEmpty()) {
            box.add(muted("Aucun contributeur pour l'instant."));
        }
        acceptees.forEach(o -> box.add(item(o, true)));
        return box;
    }

    // --- the caller's offers and "Proposer une contribution"

    private Div mesPropositions(CommunContribue commun, List<Contribution> offres, Set<Long> mine) {
        Div box = section("Vos propositions de contribution");
        List<Contribution> miennes = offres.stream()
                .filter(o -> o.statut() != StatutContribution.ACCEPTEE && mine.contains(o.structureId())).toList();
        for (Contribution o : miennes) {
            Div item = item(o, true);
            item.add(statutBadge(o.statut()));
            if (o.statut() == StatutContribution.PROPOSEE) {
                Button retirer = new Button("Retirer", e -> act(() -> contributions.withdrawOffer(o.id()),
                        "Votre proposition est retirée."));
                retirer.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(retirer);
            }
            box.add(item);
        }
        if (commun.brouillon() || commun.termine()) {
            box.add(muted(commun.brouillon() ? "Ce commun n'est pas encore publié."
                    : "Ce commun est clos : il ne reçoit plus de propositions de contribution."));
        } else {
            List<Structure> candidates = structures.findAll(mine).stream()
                    .filter(s -> s.id() != commun.porteurStructureId()).toList();
            Button proposer = new Button("Proposer une contribution",
                    e -> new ContributionDialog(contributions, communId, commun.titre(), candidates, this::refresh).open());
            proposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(proposer);
        }
        return box;
    }

    // --- helpers

    /** A logged-in structure user, not of the porteur structure, on a published commun still open. */
    private boolean canOffer(CommunContribue commun, boolean porteur) {
        return !porteur && !commun.brouillon() && !commun.termine()
                && currentUser.get().map(u -> Roles.STRUCTURE.equals(u.role()) && !u.structureIds().isEmpty()).orElse(false);
    }

    private List<Structure> offeringStructures(CommunContribue commun) {
        return structures.findAll(currentUser.get().map(AppUser::structureIds).orElse(Set.of())).stream()
                .filter(s -> s.id() != commun.porteurStructureId()).toList();
    }

    /** Runs an action of a list item; a refusal is shown as an error notification. The panel is redrawn. */
    private void act(Runnable action, String success) {
        try {
            action.run();
            Ui.success(success);
        } catch (ValidationException e) {
            Ui.error(String.join(" ", e.errors()));
        } catch (NotAllowedException e) {
            Ui.error(e.getMessage());
        }
        refresh();
    }

    static Select<TypeContribution> typeSelect() {
        Select<TypeContribution> type = new Select<>();
        type.setLabel("Type de contribution");
        type.setItems(TypeContribution.values());
        type.setItemLabelGenerator(TypeContribution::libelle);
        type.setHelperText("Obligatoire.");   // no required mark on a select (aria-allowed-attr)
        type.setWidth("14em");
        return type;
    }

    static TextArea description() {
        TextArea description = new TextArea("Description");
        description.setRequiredIndicatorVisible(true);
        description.setWidthFull();
        CharacterLimit.apply(description, ContributionService.DESCRIPTION_MAX);
        return description;
    }

    /** Green for an open need or an accepted offer, red for a refused offer, neutral otherwise. */
    private static Span statutBadge(StatutContribution statut) {
        return switch (statut) {
            case OUVERTE, ACCEPTEE -> Ui.badge(statut.libelle(), true);
            case REFUSEE -> Ui.badge(statut.libelle(), false);
            default -> {
                Span badge = new Span(statut.libelle());
                badge.addClassName("badge");
                yield badge;
            }
        };
    }

    private static Div section(String title) {
        Div box = new Div(new H3(title));
        box.addClassName("card");
        box.setWidthFull();
        return box;
    }

    private static Paragraph muted(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("muted");
        return p;
    }

    /** One contribution: (structure,) type, amount, description. */
    private static Div item(Contribution c, boolean withStructure) {
        Div item = new Div();
        item.addClassName("contribution");
        Div head = new Div();
        if (withStructure && c.structureId() != null) {
            head.add(new Anchor("structures/" + c.structureId(), c.structureNom()), new Span(" · "));
        }
        Span type = new Span(c.type().libelle());
        type.addClassName("badge");
        head.add(type);
        if (c.montant() != null) {
            head.add(new Span(" " + c.montantEuros()));
        }
        item.add(head, new Paragraph(c.description()));
        return item;
    }
}
