package fr.communs.comite.notation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.CritereData;
import fr.communs.comite.notation.GrilleService;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * « Grille de notation du comité »: administrators set the criteria, weights and scale of the current appel until a
 * member has scored with it; afterwards the grid is shown read-only, with the reason.
 */
@Route(value = "admin/comite/grille", layout = MainLayout.class)
@PageTitle("Grille de notation et quorum du comité — Communs")
@RolesAllowed(Roles.ADMIN)
class GrilleAdminView extends VerticalLayout {
    private final GrilleService grilles;
    final ErrorPanel errors = new ErrorPanel();
    final Div lignes = new Div();
    final Button ajouter = new Button("Ajouter un critère", VaadinIcon.PLUS.create());
    final Button enregistrer = new Button("Enregistrer la grille");
    final IntegerField quorum = new IntegerField("Quorum");
    final Button enregistrerQuorum = new Button("Enregistrer le quorum");
    final ErrorPanel errorsQuorum = new ErrorPanel();
    final List<Ligne> criteres = new ArrayList<>();
    private long campagneId;
    boolean modifiable;

    /** One criterion being edited. */
    record Ligne(HorizontalLayout layout, TextField libelle, IntegerField poids, IntegerField noteMax) {
        CritereData data() {
            return new CritereData(libelle.getValue(), poids.getValue(), noteMax.getValue());
        }
    }

    GrilleAdminView(GrilleService grilles, CampagneService campagnes) {
        this.grilles = grilles;
        addClassName("page");
        add(new Anchor("admin/comite", "← Membres du comité"), new H1("Grille de notation et quorum du comité"));
        Campagne campagne = campagnes.current().orElse(null);
        if (campagne == null) {
            add(new Paragraph("Aucun appel n'est ouvert."));
            return;
        }
        campagneId = campagne.id();
        modifiable = grilles.modifiable(campagneId);
        Paragraph aide = new Paragraph("Chaque membre présent note chaque audition sur ces critères, de 0 à la note "
                + "maximale. La moyenne du dossier est pondérée par les poids (des nombres entiers relatifs les uns aux "
                + "autres) et ramenée sur 20. " + (modifiable
                ? "La grille se modifie tant qu'aucun membre n'a noté avec elle."
                : "Des membres ont déjà noté avec cette grille : elle ne se modifie plus pour cet appel."));
        aide.addClassName("muted");
        lignes.getElement().setAttribute("role", "list");
        lignes.getElement().setAttribute("aria-label", "Critères de la grille");
        for (Critere c : grilles.grille(campagneId)) {
            ajouterLigne(c.libelle(), c.poids().intValue(), c.noteMax());
        }
        ajouter.addClickListener(e -> ajouterLigne("", 1, 5));
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> enregistrer());
        ajouter.setVisible(modifiable);
        enregistrer.setVisible(modifiable);
        add(new Paragraph("Appel : " + campagne.nom()), aide, errors, lignes, new HorizontalLayout(ajouter, enregistrer));
        quorum.setMin(1);
        quorum.setMax(100);
        quorum.setStepButtonsVisible(true);
        quorum.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        quorum.setValue(grilles.quorumPourcent(campagneId));
        quorum.setHelperText("Part des membres actifs le jour de la séance qui doivent être présents et non déportés "
                + "pour qu'un dossier reçoive un avis (de 1 à 100).");
        quorum.setWidth("24em");
        enregistrerQuorum.addClickListener(e -> {
            if (errorsQuorum.run(() -> grilles.enregistrerQuorum(campagneId, quorum.getValue()))) {
                Ui.success("Le quorum est enregistré : " + quorum.getValue() + " % des membres actifs.");
            }
        });
        add(new com.vaadin.flow.component.html.H2("Quorum des séances"), errorsQuorum, quorum, enregistrerQuorum);
    }

    private void ajouterLigne(String libelle, int poids, int noteMax) {
        TextField nom = new TextField("Intitulé du critère");
        nom.setValue(libelle);
        nom.setMaxLength(GrilleService.LIBELLE_MAX);
        nom.setRequiredIndicatorVisible(true);
        nom.setWidth("36em");
        IntegerField p = entier("Poids", poids, GrilleService.POIDS_MAX);
        IntegerField max = entier("Note maximale", noteMax, GrilleService.NOTE_MAX);
        Button retirer = new Button(VaadinIcon.TRASH.create());
        retirer.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout layout = new HorizontalLayout(nom, p, max, retirer);
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        layout.getElement().setAttribute("role", "listitem");
        Ligne ligne = new Ligne(layout, nom, p, max);
        retirer.getElement().setAttribute("aria-label", "Retirer ce critère");
        retirer.addClickListener(e -> {
            criteres.remove(ligne);
            lignes.remove(layout);
        });
        retirer.setVisible(modifiable);
        nom.setReadOnly(!modifiable);
        p.setReadOnly(!modifiable);
        max.setReadOnly(!modifiable);
        criteres.add(ligne);
        lignes.add(layout);
    }

    private static IntegerField entier(String label, int valeur, int max) {
        IntegerField f = new IntegerField(label);
        f.setMin(1);
        f.setMax(max);
        f.setStepButtonsVisible(true);
        f.setValue(valeur);
        f.setHelperText("de 1 à " + max);
        f.setWidth("10em");
        return f;
    }

    void enregistrer() {
        List<CritereData> data = criteres.stream().map(Ligne::data).toList();
        if (criteres.stream().anyMatch(l -> l.poids().isInvalid() || l.noteMax().isInvalid())) {
            errors.show(List.of("Le poids et la note maximale sont des nombres entiers : corrigez les champs signalés."));
            return;
        }
        if (errors.run(() -> grilles.enregistrer(campagneId, data))) {
            Ui.success("La grille de notation est enregistrée (" + data.size() + " critère" + (data.size() > 1 ? "s" : "") + ").");
        }
    }
}
