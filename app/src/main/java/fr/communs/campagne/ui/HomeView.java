package fr.communs.campagne.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import java.time.OffsetDateTime;

/** Public home page: the appel, its défis, its calendar and the calls to action. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Appel à communs")
@AnonymousAllowed
class HomeView extends VerticalLayout {

    HomeView(CampagneService campagnes) {
        addClassName("page");
        Campagne campagne = campagnes.current().orElse(null);
        if (campagne == null) {
            add(new H1("Appel à communs"), new Paragraph("Aucun appel à communs n'est ouvert actuellement."));
            return;
        }
        add(new H1(campagne.nom()));
        add(new H2(campagne.collectivite() + " s'engage dans les communs !"));
        add(new Paragraph("Il s'agit de lancer un appel aux structures du territoire pour créer collectivement des "
                + "projets coopératifs, accessibles et appropriables par toutes et tous (dits Communs), qui s'appuient "
                + "sur les besoins et les ressources d'un territoire donné, à l'échelle d'un quartier, d'un village ou du "
                + "département dans sa globalité."));
        Div calendrier = new Div();
        calendrier.addClassName("card");
        boolean ouvert = campagne.depotOuvert(OffsetDateTime.now());
        calendrier.add(new H3("Calendrier"), new Paragraph(ouvert
                ? "Dépôt des dossiers ouvert jusqu'au " + Ui.dateTime(campagne.dateLimiteDepot()) + "."
                : "Le dépôt est clos depuis le " + Ui.dateTime(campagne.dateLimiteDepot()) + "."));
        if (campagne.dateComite() != null) {
            calendrier.add(new Paragraph("Comité d'accompagnement des communs : " + Ui.date(campagne.dateComite()) + "."));
        }
        calendrier.add(new Paragraph("Un groupement d'au moins 3 structures, dont au moins 2/3 relèvent de l'ESS et sont "
                + "implantées dans le " + campagne.territoireNom() + " ; le porteur administratif relève de l'ESS et est "
                + "implanté dans le " + campagne.territoireNom() + "."));
        add(calendrier);
        Button voir = new Button("Voir les idées et participer", e -> getUI().ifPresent(ui -> ui.navigate("communs")));
        Button deposer = new Button("Déposer une idée de commun", e -> getUI().ifPresent(ui -> ui.navigate("deposer")));
        deposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deposer.setEnabled(ouvert);
        add(new HorizontalLayout(deposer, voir));
        add(new H2("Les défis à relever"));
        for (Defi defi : campagne.defis()) {
            Div d = new Div();
            d.addClassName("defi");
            d.add(new H3("Défi " + defi.numero()), new Paragraph(defi.libelle()));
            if (defi.hashtags() != null) {
                Span tags = new Span(defi.hashtags());
                tags.addClassName("hashtags");
                d.add(tags);
            }
            add(d);
        }
    }
}
