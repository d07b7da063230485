package fr.communs.commun.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunService;
import fr.communs.commun.Etape;
import fr.communs.commun.GroupementService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.task.TaskScreens;
import fr.communs.task.TaskService;

/** Public page of a commun: where its file stands in the cycle, its content and its groupement. */
@Route(value = "communs/:communId([0-9]{1,18})", layout = MainLayout.class)
@AnonymousAllowed
class CommunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final CommunService communs;
    private final GroupementService groupements;
    private final CampagneService campagnes;
    private final TaskService tasks;
    private String title = "Commun";

    CommunDetailView(CommunService communs, GroupementService groupements, CampagneService campagnes, TaskService tasks) {
        this.communs = communs;
        this.groupements = groupements;
        this.campagnes = campagnes;
        this.tasks = tasks;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("communId").orElseThrow());
        Commun commun = communs.find(id).orElseThrow(() -> new NotFoundException("Commun introuvable"));
        title = commun.titre();
        removeAll();
        Span statut = new Span(commun.statut().libelle());
        statut.addClassName("badge");
        Paragraph meta = new Paragraph("Porté par " + commun.porteurNom() + " · déposé le " + Ui.dateTime(commun.createdAt())
                + (commun.dateTransmission() == null ? "" : " · transmis le " + Ui.dateTime(commun.dateTransmission())));
        meta.addClassName("muted");
        add(new H1(commun.titre()), statut, meta);
        tasks.findOpenForCommun(id).ifPresent(t -> {
            Button open = new Button("Ouvrir ma tâche : " + t.name(),
                    e -> getUI().ifPresent(ui -> ui.navigate(TaskScreens.pathOf(t.definitionKey(), t.taskId()))));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        });
        add(progress(id));
        String territoire = campagnes.get(commun.campagneId()).territoireCode();
        add(new CommunFileView(commun, communs.membres(id), groupements.eligibility(id), territoire));
    }

    private VerticalLayout progress(long communId) {
        VerticalLayout box = new VerticalLayout();
        box.addClassName("card");
        box.add(new H3("Où en est le dossier"));
        UnorderedList steps = new UnorderedList();
        steps.addClassName("steps");
        for (Etape etape : communs.progress(communId)) {
            ListItem li = new ListItem();
            li.addClassName(etape.etat().name().toLowerCase());
            if (CycleCommunProcess.END_LAUREAT.equals(etape.id())) {
                li.addClassName("reussite");
            }
            Span state = new Span(switch (etape.etat()) {
                case PASSEE -> "✓ Fait";
                case EN_COURS -> "► En cours";
                case A_VENIR -> "À venir";
                case FIN -> CycleCommunProcess.END_LAUREAT.equals(etape.id()) ? "✓ Terminé" : "■ Fin";
            });
            state.addClassName("state");
            Span date = new Span(etape.date() == null ? "" : (etape.etat() == Etape.Etat.EN_COURS ? "depuis le " : "le ")
                    + Ui.dateTime(etape.date()));
            date.addClassName("date");
            li.add(state, new Span(etape.libelle()), date);
            if (etape.etat() == Etape.Etat.EN_COURS) {
                li.getElement().setAttribute("aria-current", "step");
            }
            steps.add(li);
        }
        box.add(steps);
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " — Communs";
    }
}
