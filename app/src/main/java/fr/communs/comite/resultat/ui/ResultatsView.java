package fr.communs.comite.resultat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.pv.ProcesVerbalService;
import fr.communs.comite.pv.ui.PdfDownloadHandler;
import fr.communs.comite.resultat.Agregation;
import fr.communs.comite.resultat.CritereGrille;
import fr.communs.comite.resultat.DossierMasque;
import fr.communs.comite.resultat.ResultatCritere;
import fr.communs.comite.resultat.ResultatDossier;
import fr.communs.comite.resultat.ResultatService;
import fr.communs.comite.resultat.ResultatsSeance;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * « Résultats et classement des dossiers » of a séance ({@code /comite/seances/<id>/resultats}): the files ranked by
 * weighted mean out of 20, with per criterion the mean and the min–max; a strong disagreement is shown by a badge and
 * said in words (which criterion, which spread). The files the person may not see are listed with the reason. The
 * procès-verbal (or its project) downloads from here. Agents and comité members; the service decides what they see.
 */
@Route(value = "comite/seances/:seanceId([0-9]{1,18})/resultats", layout = MainLayout.class)
@RolesAllowed({Roles.AGENT, Roles.COMITE})
@PageTitle("Résultats et classement des dossiers")
class ResultatsView extends VerticalLayout implements BeforeEnterObserver {
    private final ResultatService resultats;
    private final ProcesVerbalService documents;
    Grid<ResultatDossier> grid;

    ResultatsView(ResultatService resultats, ProcesVerbalService documents) {
        this.resultats = resultats;
        this.documents = documents;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("seanceId").orElseThrow()));
    }

    /** Builds the screen for a séance (also called by tests, without a router). */
    void show(long seanceId) {
        removeAll();
        grid = null;
        H1 titre = new H1("Résultats et classement des dossiers");
        Anchor retour = new Anchor(TaskScreens.SEANCES + "/" + seanceId, "← Retour à la séance");
        ResultatsSeance r;
        try {
            r = resultats.resultats(seanceId);
        } catch (ValidationException e) {
            throw new NotFoundException("Séance introuvable");
        } catch (NotAllowedException e) {
            Paragraph refus = new Paragraph(e.getMessage());
            refus.addClassName("muted");
            add(retour, titre, refus);
            return;
        }
        String ou = r.lieu() != null ? r.lieu() : "en visioconférence";
        Paragraph seance = new Paragraph("Séance du " + Ui.dateTime(r.debut()) + ", " + ou + " — "
                + (r.close() ? "séance close." : "séance non close : les résultats peuvent encore changer."));
        Paragraph regle = new Paragraph("Moyenne pondérée ramenée sur 20 : somme des poids × moyenne de chaque critère, "
                + "divisée par la somme des poids × note maximale, × 20 (arrondie au centième). Un désaccord est signalé "
                + "quand les notes d'un critère s'écartent de " + Agregation.ECART_DESACCORD + " points ou plus : "
                + "le président ouvre la discussion sur ce critère.");
        regle.addClassName("muted");
        Anchor pv = new Anchor(new PdfDownloadHandler(() -> documents.procesVerbal(seanceId)), AttachmentType.DOWNLOAD,
                r.close() ? "Télécharger le procès-verbal (PDF)" : "Télécharger le projet de procès-verbal (PDF)");
        add(retour, titre, seance, regle, pv);

        add(new H2("Classement"));
        if (r.dossiers().isEmpty()) {
            Paragraph vide = new Paragraph(r.masques().isEmpty()
                    ? "Aucun dossier n'est inscrit à l'ordre du jour de cette séance."
                    : "Aucun résultat à afficher pour vous pour l'instant (voir ci-dessous).");
            vide.addClassName("muted");
            add(vide);
        } else {
            add(grille(r));
        }
        if (!r.masques().isEmpty()) {
            add(new H2("Dossiers dont les résultats ne vous sont pas affichés"));
            UnorderedList liste = new UnorderedList();
            for (DossierMasque m : r.masques()) {
                liste.add(new ListItem(m.titre() + " — " + m.raison().explication()));
            }
            add(liste);
        }
    }

    private Grid<ResultatDossier> grille(ResultatsSeance r) {
        grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAriaLabel("Classement des dossiers de la séance");
        grid.addColumn(d -> d.rang() == null ? "—" : String.valueOf(d.rang())).setHeader("Rang").setFlexGrow(0)
                .setWidth("5em");
        grid.addComponentColumn(d -> {
            Anchor dossier = new Anchor("comite/seances/" + r.seanceId() + "/dossiers/" + d.communId(), d.titre());
            dossier.setAriaLabel("Notes du dossier « " + d.titre() + " »");
            return dossier;
        }).setHeader("Dossier").setFlexGrow(3).setWidth("16em");
        grid.addColumn(d -> d.moyenneSur20() == null ? "non noté" : nombre(d.moyenneSur20()) + " / 20")
                .setHeader("Moyenne pondérée").setFlexGrow(1);
        grid.addColumn(ResultatDossier::nombreNotations).setHeader("Notations").setFlexGrow(0).setWidth("7em");
        for (CritereGrille c : r.grille()) {
            grid.addColumn(d -> critere(d, c)).setHeader("C" + c.numero() + " (sur " + c.noteMax() + ")")
                    .setTooltipGenerator(d -> c.libelle()).setFlexGrow(1);
        }
        grid.addComponentColumn(ResultatsView::desaccord).setHeader("Désaccord").setFlexGrow(3);
        grid.setItems(r.dossiers());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** "moyenne (min–max)" of one criterion, with its number of scores. */
    private static String critere(ResultatDossier d, CritereGrille c) {
        return d.criteres().stream().filter(rc -> rc.critere().id() == c.id()).findFirst()
                .filter(rc -> rc.nombreNotes() > 0)
                .map(rc -> nombre(rc.moyenne()) + " (" + rc.min() + "–" + rc.max() + ")")
                .orElse("—");
    }

    /** The disagreement, visible (red badge) and in words for everyone (criteria and spreads). */
    static Component desaccord(ResultatDossier d) {
        if (!d.desaccord()) {
            return new Span("Non");
        }
        Div cell = new Div();
        Span badge = Ui.badge("Désaccord", false);
        String texte = d.desaccords().stream()
                .map(c -> "« " + c.critere().libelle() + " » : notes de " + c.min() + " à " + c.max()
                        + " (écart de " + c.ecart() + " points)")
                .collect(Collectors.joining(" ; "));
        cell.add(badge, new Span(" " + texte + "."));
        return cell;
    }

    static String nombre(BigDecimal value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.FRANCE)).format(value);
    }
}
