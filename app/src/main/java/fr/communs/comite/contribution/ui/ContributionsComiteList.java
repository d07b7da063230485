package fr.communs.comite.contribution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.contribution.ContributionComite;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.comite.contribution.StatutContributionComite;
import fr.communs.layout.Ui;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of the comité's contributions, each with its giver (or its commun), type, state, description, expected date
 * and reason, and the buttons the person looking may use: "Accepter" / "Décliner" for an administrator of the
 * groupement, "Marquer comme réalisée" / "Abandonner" for the contributor and the agents. Each button is one service
 * call with the version shown; a refusal (someone clicked first) is told and the list is read again.
 */
class ContributionsComiteList extends Div {
    /** Which side of the contribution the list names: its giver (a commun's page) or its commun (a structure's page). */
    enum Nommer { CONTRIBUTEUR, COMMUN }

    private final ContributionComiteService contributions;
    private final Supplier<List<ContributionComite>> reader;
    private final Nommer nommer;

    ContributionsComiteList(ContributionComiteService contributions, Supplier<List<ContributionComite>> reader,
                            Nommer nommer) {
        this.contributions = contributions;
        this.reader = reader;
        this.nommer = nommer;
        addClassName("contributions-comite");
        setWidthFull();
        refresh();
    }

    /** Reads the contributions again and redraws the list. */
    void refresh() {
        removeAll();
        List<ContributionComite> all = reader.get();
        if (all.isEmpty()) {
            Paragraph none = new Paragraph("Aucune contribution proposée par le comité pour l'instant.");
            none.addClassName("muted");
            add(none);
        }
        all.forEach(c -> add(item(c)));
    }

    private Div item(ContributionComite c) {
        Div item = new Div();
        item.addClassName("contribution");
        Div head = new Div();
        if (nommer == Nommer.COMMUN) {
            head.add(new Anchor("communs/" + c.communId(), c.communTitre()), new Span(" · "));
        } else if (c.structureId() != null) {
            head.add(new Anchor("structures/" + c.structureId(), c.contributeurNom()), new Span(" · "));
        } else {
            head.add(new Span(c.contributeurNom() + " · "));
        }
        Span type = new Span(c.type().libelle());
        type.addClassName("badge");
        head.add(type, new Span(" "), statutBadge(c.statut()));
        item.add(head, new Paragraph(c.description()));
        StringBuilder meta = new StringBuilder();
        if (nommer == Nommer.COMMUN) {
            meta.append("Contribution de ").append(c.contributeurNom()).append(". ");
        }
        if (c.datePrevue() != null) {
            meta.append("Date prévue : ").append(Ui.date(c.datePrevue())).append(". ");
        }
        meta.append("Proposée le ").append(Ui.dateTime(c.createdAt())).append('.');
        if (c.clotureLe() != null) {
            meta.append(c.statut() == StatutContributionComite.REALISEE ? " Réalisée le " : " Abandonnée le ")
                    .append(Ui.dateTime(c.clotureLe())).append('.');
        }
        Paragraph details = new Paragraph(meta.toString());
        details.addClassName("muted");
        item.add(details);
        if (c.motif() != null) {
            item.add(new Paragraph((c.statut() == StatutContributionComite.DECLINEE ? "Motif du refus : "
                    : "Motif de l'abandon : ") + c.motif()));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (c.peutRepondre()) {
            Button accepter = new Button("Accepter", e -> act(() -> contributions.accept(c.id(), c.version()),
                    "La contribution est acceptée ; le contributeur en est informé."));
            accepter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            accepter.setAriaLabel("Accepter la contribution de " + c.contributeurNom());
            Button decliner = new Button("Décliner", e -> motifDialog(c, false));
            decliner.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            decliner.setAriaLabel("Décliner la contribution de " + c.contributeurNom());
            actions.add(accepter, decliner);
        }
        if (c.peutCloturer() && c.realisable()) {
            Button realisee = new Button("Marquer comme réalisée", e -> act(() -> contributions.markDone(c.id(), c.version()),
                    "La contribution est marquée comme réalisée."));
            realisee.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(realisee);
        }
        if (c.peutCloturer() && c.abandonnable()) {
            Button abandonner = new Button("Abandonner", e -> motifDialog(c, true));
            abandonner.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(abandonner);
        }
        if (actions.getComponentCount() > 0) {
            item.add(actions);
        }
        return item;
    }

    /** "Décliner" (reason optional) or "Abandonner" (reason required): a dialog with the reason, then one call. */
    private void motifDialog(ContributionComite c, boolean abandon) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(abandon ? "Abandonner cette contribution ?" : "Décliner cette contribution ?");
        dialog.setWidth("32em");
        TextArea motif = new TextArea(abandon ? "Motif de l'abandon" : "Motif (facultatif)");
        motif.setRequiredIndicatorVisible(abandon);
        motif.setWidthFull();
        CharacterLimit.apply(motif, ContributionComiteService.MOTIF_MAX);
        motif.setHelperText(abandon ? "Obligatoire : il est communiqué au groupement."
                : "Communiqué au contributeur avec votre réponse.");
        ErrorPanel errors = new ErrorPanel();
        dialog.add(new Paragraph(c.contributeurNom() + " — " + c.type().libelle() + " : " + c.description()), errors, motif);
        Button ok = new Button(abandon ? "Abandonner" : "Décliner", e -> {
            boolean done = errors.run(() -> {
                if (abandon) {
                    contributions.abandon(c.id(), c.version(), motif.getValue());
                } else {
                    contributions.decline(c.id(), c.version(), motif.getValue());
                }
            });
            if (done) {
                dialog.close();
                Ui.success(abandon ? "La contribution est abandonnée ; le groupement en est informé."
                        : "La contribution est déclinée ; le contributeur en est informé.");
                refresh();
            } else if (errors.conflict()) {
                dialog.close();
                Ui.error(errors.shown().get(0));
                refresh();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Annuler", e -> dialog.close()), ok);
        dialog.open();
        motif.focus();
    }

    /** One call; a refusal is told as an error notification. The list is read again either way. */
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

    /** Green when accepted or done, red when declined or abandoned, neutral while proposed. */
    static Span statutBadge(StatutContributionComite statut) {
        return switch (statut) {
            case ACCEPTEE, REALISEE -> Ui.badge(statut.libelle(), true);
            case DECLINEE, ABANDONNEE -> Ui.badge(statut.libelle(), false);
            case PROPOSEE -> {
                Span badge = new Span(statut.libelle());
                badge.addClassName("badge");
                yield badge;
            }
        };
    }
}
