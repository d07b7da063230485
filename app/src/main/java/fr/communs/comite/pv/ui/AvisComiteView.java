package fr.communs.comite.pv.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.Montants;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.pv.AvisDuComite;
import fr.communs.comite.pv.ContributionProposee;
import fr.communs.comite.pv.ProcesVerbalService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * « Avis du comité » on a commun ({@code /communs/<id>/avis-comite}), for its groupement (and the agents): the avis,
 * its motivation, the réserves, the subsidy proposed and the contributions proposed, and the same as a PDF. Never a
 * score. Anyone else logged in gets a polite refusal; the service decides.
 */
@Route(value = "communs/:communId([0-9]{1,18})/avis-comite", layout = MainLayout.class)
@PermitAll
@PageTitle("Avis du comité d'accompagnement")
class AvisComiteView extends VerticalLayout implements BeforeEnterObserver {
    private final ProcesVerbalService documents;

    AvisComiteView(ProcesVerbalService documents) {
        this.documents = documents;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("communId").orElseThrow()));
    }

    /** Builds the screen for a commun (also called by tests, without a router). */
    void show(long communId) {
        removeAll();
        Anchor retour = new Anchor("communs/" + communId, "← Retour à la page du commun");
        H1 titre = new H1("Avis du comité d'accompagnement");
        Optional<AvisDuComite> avis;
        try {
            avis = documents.avisDuComite(communId);
        } catch (ValidationException e) {
            throw new NotFoundException("Commun introuvable");
        } catch (NotAllowedException e) {
            Paragraph refus = new Paragraph(e.getMessage());
            refus.addClassName("muted");
            add(retour, titre, refus);
            return;
        }
        add(retour, titre);
        if (avis.isEmpty()) {
            Paragraph vide = new Paragraph("Le comité n'a pas encore rendu d'avis sur ce dossier : il sera disponible ici "
                    + "à la clôture de sa séance.");
            vide.addClassName("muted");
            add(vide);
            return;
        }
        AvisDuComite a = avis.get();
        add(new H2(a.titre()));
        if (!a.definitif()) {
            add(new Paragraph("Projet : la séance n'est pas close, cet avis peut encore changer."));
        }
        if (a.dateSeance() != null) {
            add(new Paragraph("Séance du comité du " + Ui.dateTime(a.dateSeance()) + "."));
        }
        add(ligne("Avis", a.avisLibelle()));
        if (a.motivation() != null) {
            add(ligne("Motivation", a.motivation()));
        }
        if (a.reserves() != null) {
            add(ligne("Réserves", a.reserves()));
        }
        if (!a.ajourne()) {
            add(ligne("Subvention proposée à l'Assemblée", a.subventionProposee() == null
                    || a.subventionProposee().signum() == 0 ? "aucune" : Montants.format(a.subventionProposee())));
        }
        add(new H2("Contributions non financières proposées"));
        if (a.contributions().isEmpty()) {
            Paragraph aucune = new Paragraph("Aucune contribution non financière proposée.");
            aucune.addClassName("muted");
            add(aucune);
        } else {
            UnorderedList liste = new UnorderedList();
            for (ContributionProposee c : a.contributions()) {
                liste.add(new ListItem(c.type() + " — " + c.contributeurNom() + " : " + c.description()
                        + (c.datePrevue() == null ? "" : ", prévue le " + Ui.date(c.datePrevue())) + " (" + c.statut() + ")"));
            }
            add(liste);
        }
        add(new Anchor(new PdfDownloadHandler(() -> documents.avisDuComitePdf(communId)), AttachmentType.DOWNLOAD,
                "Télécharger l'avis du comité (PDF)"));
    }

    private static Paragraph ligne(String libelle, String valeur) {
        return new Paragraph(libelle + " : " + valeur);
    }
}
