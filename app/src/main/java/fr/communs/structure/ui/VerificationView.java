package fr.communs.structure.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The agents' queue: confirm or refuse (with a reason) the declared ESS status and location of structures. */
@Route(value = "verifications", layout = MainLayout.class)
@PageTitle("Vérification des structures — Communs")
@RolesAllowed(Roles.AGENT)
class VerificationView extends VerticalLayout {
    static final int PAGE = 50;
    private final StructureService structures;

    VerificationView(StructureService structures) {
        this.structures = structures;
        addClassName("page");
        refresh();
    }

    private void refresh() {
        removeAll();
        int size = structures.verificationQueueSize();
        add(new H1("Structures à vérifier"), new Paragraph(size == 0 ? "Aucune structure n'attend de vérification."
                : size + (size > 1 ? " structures attendent" : " structure attend") + " une vérification (les plus anciennes d'abord"
                + (size > PAGE ? ", " + PAGE + " affichées" : "") + ")."));
        List<Structure> queue = structures.verificationQueue(0, PAGE);
        for (Structure s : queue) {
            add(card(s));
        }
    }

    private Div card(Structure s) {
        Div card = new Div();
        card.addClassName("card");
        H2 title = new H2();
        title.add(new Anchor("structures/" + s.id(), s.nom()));
        card.add(title,
                new Paragraph(s.formeJuridique().libelle() + " · " + s.commune() + " (" + s.codeDepartement() + ")"
                        + " · SIRET : " + (s.siret() == null ? "non renseigné" : s.siret())
                        + (s.rna() == null ? "" : " · RNA : " + s.rna())),
                new Paragraph("Statut déclaré : " + s.essExplication()));
        if (s.siret() != null) {
            Anchor registre = new Anchor("https://annuaire-entreprises.data.gouv.fr/etablissement/" + s.siret(),
                    "Consulter l'établissement dans l'Annuaire des entreprises (nouvel onglet)");
            registre.setTarget("_blank");
            registre.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(registre);
        }
        ErrorPanel errors = new ErrorPanel();
        TextField motif = new TextField("Motif en cas de refus");
        motif.setMaxLength(1000);
        motif.setWidth("28em");
        Button valider = new Button("Confirmer le statut et l'implantation", e -> decide(errors, s, true, null));
        valider.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        valider.setAriaLabel("Confirmer " + s.nom());
        Button refuser = new Button("Refuser", e -> decide(errors, s, false, motif.getValue()));
        refuser.addThemeVariants(ButtonVariant.LUMO_ERROR);
        refuser.setAriaLabel("Refuser " + s.nom());
        HorizontalLayout actions = new HorizontalLayout(valider, motif, refuser);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        card.add(errors, actions);
        return card;
    }

    private void decide(ErrorPanel errors, Structure s, boolean ok, String motif) {
        if (errors.run(() -> structures.verify(s.id(), s.version(), ok, motif))) {
            Ui.success(ok ? "« " + s.nom() + " » est vérifiée." : "Le refus est enregistré ; la structure verra son motif.");
            refresh();
        }
    }
}
