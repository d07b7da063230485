package fr.communs.structure.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Domaine;
import fr.communs.structure.Membership;
import fr.communs.structure.StatutVerification;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureCommun;
import fr.communs.structure.StructureService;
import java.util.List;
import java.util.stream.Collectors;

/** A structure's public page: profile, ESS status with its rule, verification, communs. */
@Route(value = "structures/:structureId([0-9]{1,18})", layout = MainLayout.class)
@AnonymousAllowed
class StructureDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final org.springframework.beans.factory.ObjectProvider<fr.communs.layout.StructurePageSection> sections;
    private String title = "Structure";

    StructureDetailView(StructureService structures, CurrentUser currentUser,
                        org.springframework.beans.factory.ObjectProvider<fr.communs.layout.StructurePageSection> sections) {
        this.structures = structures;
        this.currentUser = currentUser;
        this.sections = sections;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("structureId").orElseThrow());
        Structure s = structures.find(id).orElseThrow(() -> new NotFoundException("Structure introuvable"));
        title = s.nom();
        removeAll();
        Paragraph meta = new Paragraph(s.formeJuridique().libelle() + " · " + s.commune() + " (" + s.codeDepartement() + ")"
                + (s.adresse() == null ? "" : " · " + s.adresse()));
        meta.addClassName("muted");
        add(new H1(s.nom()), meta, new HorizontalLayout(Ui.badge(s.ess() ? (s.verifiee() ? "Relève de l'ESS (vérifié)" : "Relève de l'ESS (déclaré)") : "Hors ESS", s.ess()),
                StructureBadges.verification(s)));
        if (s.verification() == StatutVerification.REFUSEE && s.motifRefus() != null) {
            Paragraph motif = new Paragraph("Motif du refus : " + s.motifRefus());
            motif.addClassName("error-panel");
            add(motif);
        }
        if (structures.callerAdministers(id)) {
            add(new Anchor("structures/" + id + "/modifier", "Modifier la fiche"));
        }
        joinButton(s);
        if (s.description() != null) {
            Paragraph d = new Paragraph(s.description());
            d.addClassName("texte");
            add(d);
        }
        Div identite = new Div();
        identite.addClassName("card");
        identite.add(new H2("Identité et statut"));
        identite.add(new Paragraph("SIRET : " + (s.siret() == null ? "non renseigné" : s.siret())
                + (s.rna() == null ? "" : " · RNA : " + s.rna())));
        identite.add(new Paragraph(s.essExplication()));
        if (!s.domaines().isEmpty()) {
            identite.add(new Paragraph("Domaines d'intervention : "
                    + s.domaines().stream().map(Domaine::libelle).sorted().collect(Collectors.joining(", "))));
        }
        if (s.siteWeb() != null) {
            Anchor site = new Anchor(s.siteWeb(), s.siteWeb());
            site.setTarget("_blank");
            site.getElement().setAttribute("rel", "noopener noreferrer");
            identite.add(new Paragraph(new com.vaadin.flow.component.html.Span("Site web : "), site));
        }
        if (s.contactPublic() != null) {
            identite.add(new Paragraph("Contact : " + s.contactPublic()));
        }
        add(identite);
        add(new H2("Ses communs"));
        List<StructureCommun> communs = structures.communsOf(id);
        if (communs.isEmpty()) {
            add(new Paragraph("Cette structure ne participe encore à aucun commun."));
        } else {
            UnorderedList list = new UnorderedList();
            for (StructureCommun c : communs) {
                list.add(new ListItem(new Anchor("communs/" + c.communId(), c.titre()),
                        new com.vaadin.flow.component.html.Span(" — " + role(c.role()))));
            }
            add(list);
        }
        List<fr.communs.structure.StructureContribution> contributions = structures.contributionsOf(id);
        if (!contributions.isEmpty()) {
            add(new H2("Ses contributions à d'autres communs"));
            UnorderedList list = new UnorderedList();
            for (var c : contributions) {
                list.add(new ListItem(new Anchor("communs/" + c.communId(), c.titre()),
                        new com.vaadin.flow.component.html.Span(" — contribution " + c.type().toLowerCase() + " : "
                                + c.description())));
            }
            add(list);
        }
        sections.orderedStream().forEach(section -> section.create(id).ifPresent(this::add));   // the comité's contributions
    }

    private void joinButton(Structure s) {
        if (!currentUser.hasRole(Roles.STRUCTURE)) {
            return;
        }
        List<Membership> mine = structures.myStructures();
        if (mine.stream().anyMatch(m -> m.structure().id() == s.id())) {
            return;
        }
        TextArea message = new TextArea("Message aux administrateurs (facultatif)");
        message.setMaxLength(1000);
        message.setWidthFull();
        ErrorPanel errors = new ErrorPanel();
        Button join = new Button("Demander à rejoindre cette structure", e -> {
            if (errors.run(() -> structures.requestToJoin(s.id(), message.getValue()))) {
                Ui.success("Votre demande a été transmise aux administrateurs de la structure.");
                e.getSource().setEnabled(false);
            }
        });
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout box = new VerticalLayout(errors, message, join);
        box.setPadding(false);
        add(box);
    }

    static String role(String role) {
        return switch (role) {
            case "PORTEUR" -> "porteur administratif";
            case "MEMBRE" -> "membre du groupement";
            case "CONTRIBUTEUR" -> "contributeur";
            default -> role;
        };
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
