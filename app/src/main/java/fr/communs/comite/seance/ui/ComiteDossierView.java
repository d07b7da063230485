package fr.communs.comite.seance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.comite.deport.DeportService;
import fr.communs.comite.deport.ui.DeportComponents;
import fr.communs.comite.seance.Audition;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.CommunService;
import fr.communs.commun.ui.CommunFiles;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.SyntheseComite;
import fr.communs.instruction.ui.SyntheseComiteCard;
import fr.communs.layout.MainLayout;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * « Dossier pour le comité »: what a member reads before the séance for a file of its agenda — the frozen file, its
 * pieces, the amount asked and the budget, and the instruction's synthesis written for the comité. Never the agents'
 * private notes; a recused member is refused (checked by the services).
 */
@Route(value = "comite/dossiers/:communId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({Roles.COMITE, Roles.AGENT})
class ComiteDossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final InstructionService instructions;
    private final SeanceService seances;
    private final CommunService communs;
    private final CommunFiles files;
    private final DeportService deports;
    /** Why the file is not shown (recused, not on a séance of the member, not the service). */
    final Paragraph refus = new Paragraph();
    private String pageTitle = "Dossier pour le comité — Communs";

    ComiteDossierView(InstructionService instructions, SeanceService seances, CommunService communs, CommunFiles files,
                      DeportService deports) {
        this.deports = deports;
        this.instructions = instructions;
        this.seances = seances;
        this.communs = communs;
        this.files = files;
        addClassName("page");
    }

    static String path(long communId) {
        return "comite/dossiers/" + communId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("communId").orElseThrow()));
    }

    void show(long communId) {
        removeAll();
        Optional<SyntheseComite>[] synthese = new Optional[1];
        H1 titre = new H1("Dossier pour le comité");
        try {
            synthese[0] = instructions.syntheseComite(communId);
        } catch (NotAllowedException e) {
            refus.setText(e.getMessage());
            refus.addClassName("muted");
            add(new Anchor("seances", "← Séances du comité"), titre, refus);
            return;
        }
        String nom = communs.get(communId).titre();
        titre.setText("Dossier pour le comité : « " + nom + " »");
        pageTitle = nom + " — dossier pour le comité — Communs";
        add(new Anchor("seances", "← Séances du comité"), titre);
        try {
            seances.auditionPrevue(communId).ifPresent(this::audition);
        } catch (NotAllowedException e) {
            // an agent of another service reads the file without the séances
        }
        // « Je me déporte… » for a member (a conflict the platform cannot see), and who is recused already.
        add(DeportComponents.boutonDeport(deports, communId,
                () -> getUI().ifPresent(ui -> ui.navigate(SeanceUi.SEANCE_ROUTE.replace("/", "")))));
        add(SyntheseComiteCard.of(synthese[0]), DeportComponents.listeDeports(deports, communId), files.budgetDemande(communId),
                new Anchor("communs/" + communId + "/pieces", "Pièces jointes du dossier"),
                new H2("Le dossier tel que transmis"), files.of(communId));
    }

    private void audition(Audition a) {
        Paragraph p = new Paragraph("Audition prévue le "
                + a.debut().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ", " + SeanceUi.creneau(a) + " — ");
        p.add(new Anchor(SeanceUi.seancePath(a.seanceId()), "voir la séance"));
        add(p);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
