package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.ui.ContributionsPanel;
import fr.communs.commun.GroupementService;
import fr.communs.commun.JalonService;
import fr.communs.layout.CommunPageSection;
import fr.communs.layout.LiveUpdates;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;
import java.util.Optional;

/**
 * Page of a commun: where its file stands in the cycle (the public milestones), links to the messages and attachments
 * for the groupement and the agents (and to the back office for agents), its content, its groupement (with the
 * actions of the person looking at it) and its contributions. A draft is shown only to its structure, with "Modifier" and "Publier".
 */
@Route(value = "communs/:communId([0-9]{1,18})", layout = MainLayout.class)
@AnonymousAllowed
class CommunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final CommunService communs;
    private final GroupementService groupements;
    private final ContributionService contributions;
    private final StructureService structures;
    private final CampagneService campagnes;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final JalonService jalons;
    private final org.springframework.beans.factory.ObjectProvider<CommunPageSection> sections;
    private final LiveUpdates live;
    private final ErrorPanel errors = new ErrorPanel();
    private String title = "Commun";

    CommunDetailView(CommunService communs, GroupementService groupements, ContributionService contributions,
                     StructureService structures, CampagneService campagnes, TaskService tasks, CurrentUser currentUser,
                     JalonService jalons, org.springframework.beans.factory.ObjectProvider<CommunPageSection> sections,
                     LiveUpdates live) {
        this.live = live;
        this.communs = communs;
        this.groupements = groupements;
        this.contributions = contributions;
        this.structures = structures;
        this.campagnes = campagnes;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.jalons = jalons;
        this.sections = sections;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("communId").orElseThrow()));
    }

    /** Shows the page of the commun {@code id}. */
    void show(long id) {
        Commun commun = communs.find(id).orElseThrow(() -> new NotFoundException("Commun introuvable"));
        title = commun.titre().isBlank() ? "Brouillon sans titre" : commun.titre();
        removeAll();
        Span statut = new Span(commun.statut().libelle());
        statut.addClassName("badge");
        HorizontalLayout badges = new HorizontalLayout(statut);
        if (commun.cherchePartenaires() && commun.statut() == CommunStatut.EN_CONSTITUTION) {
            Span cherche = new Span("Cherche des partenaires");
            cherche.addClassNames("badge", "ok");
            badges.add(cherche);
        }
        Paragraph meta = new Paragraph("Porté par " + commun.porteurNom()
                + (commun.publieLe() == null ? " · brouillon créé le " + Ui.dateTime(commun.createdAt())
                : " · publié le " + Ui.dateTime(commun.publieLe()))
                + (commun.dateTransmission() == null ? "" : " · transmis le " + Ui.dateTime(commun.dateTransmission())));
        meta.addClassName("muted");
        add(new H1(title), badges, meta, errors);
        GroupementPanel groupement = commun.brouillon() ? null : new GroupementPanel(communs, groupements, structures, id,
                campagnes.get(commun.campagneId()).territoireCode(), currentUser.get(), live);
        if (groupement != null) {
            add(groupement.answers());      // what waits for the person's answer comes first
        }
        boolean porteur = communs.callerIsPorteur(id);
        if (commun.brouillon()) {
            add(draftBanner(commun));
        } else {
            tasks.findOpenForCommun(id).ifPresent(t -> {
                Button open = new Button("Ouvrir ma tâche : " + t.name(),
                        e -> getUI().ifPresent(ui -> ui.navigate(TaskScreens.pathOf(t.definitionKey(), t.taskId()))));
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(open);
            });
            if (porteur && commun.modifiable()) {
                add(new Button("Modifier le dossier", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + id + "/modifier"))));
            }
            links(id).ifPresent(this::add);
            add(new JalonsPanel(jalons.jalons(commun.id()), commun.statut()));
        }
        sections.orderedStream().filter(s -> !s.besideContributions())
                .forEach(s -> s.create(id).ifPresent(this::add));   // subsidy voted, livrable…
        add(new H2("Le dossier"), new CommunFileView(commun));
        if (groupement != null) {
            add(groupement);
        }
        add(new H2("Contributions"), new ContributionsPanel(contributions, structures, currentUser, id));
        sections.orderedStream().filter(CommunPageSection::besideContributions)
                .forEach(s -> s.create(id).ifPresent(this::add));   // the comité's contributions
    }

    private Div draftBanner(Commun commun) {
        Div banner = new Div();
        banner.addClassNames("card", "brouillon");
        banner.add(new H2("Brouillon : visible uniquement par votre structure"),
                new Paragraph("Complétez l'idée puis publiez-la : elle apparaîtra dans « Communs déposés » et vous pourrez "
                        + "constituer votre groupement."));
        Button edit = new Button("Continuer la saisie", e -> getUI().ifPresent(ui -> ui.navigate("communs/" + commun.id() + "/modifier")));
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button publish = new Button("Publier l'idée", e -> {
            if (errors.run(() -> communs.publish(commun.id()))) {
                Ui.success("Votre idée est publiée. Constituez maintenant votre groupement.");
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        Button delete = new Button("Supprimer le brouillon", e -> BrouillonSuppression.confirm(title, () -> {
            if (errors.run(() -> communs.deleteDraft(commun.id()))) {
                Ui.success("Le brouillon est supprimé.");
                getUI().ifPresent(ui -> ui.navigate("mes-communs"));
            }
        }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        banner.add(new HorizontalLayout(edit, publish, delete));
        return banner;
    }

    /**
     * "Messages avec le Département", "Pièces jointes" and "Budget prévisionnel" for the people of the groupement's structures and the
     * agents; "Ouvrir dans le back office" for the agents. Nothing for the others.
     */
    private Optional<HorizontalLayout> links(long communId) {
        Optional<AppUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        boolean agent = Roles.AGENT.equals(user.get().role());
        if (!agent && !communs.callerIsMember(communId)) {
            return Optional.empty();
        }
        HorizontalLayout links = new HorizontalLayout();
        links.addClassName("commun-liens");
        links.setSpacing(true);
        links.getStyle().set("flex-wrap", "wrap");
        links.add(link(agent ? "Messages avec le groupement" : "Messages avec le Département",
                "communs/" + communId + "/messages"));
        links.add(link("Pièces jointes", "communs/" + communId + "/pieces"));
        links.add(link("Budget prévisionnel", "communs/" + communId + "/budget"));
        if (agent) {
            links.add(link("Ouvrir dans le back office", TaskScreens.DOSSIERS + "/" + communId));
        }
        return Optional.of(links);
    }

    /** A link to a route of the application, followed by the router without reloading the page. */
    private static Anchor link(String text, String path) {
        Anchor anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
