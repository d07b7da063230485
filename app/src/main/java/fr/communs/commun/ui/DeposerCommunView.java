package fr.communs.commun.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Defi;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/** "Déposer une idée de Commun": a structure deposits its idea, which starts the cycle. */
@Route(value = "deposer", layout = MainLayout.class)
@PageTitle("Déposer une idée de commun — Communs")
@RolesAllowed(Roles.STRUCTURE)
class DeposerCommunView extends VerticalLayout {
    private final ErrorPanel errors = new ErrorPanel();

    DeposerCommunView(CommunService communs, CampagneService campagnes, StructureService structures, CurrentUser currentUser) {
        addClassName("page");
        add(new H1("Déposer une idée de commun"));
        Campagne campagne = campagnes.current().orElse(null);
        if (campagne == null) {
            add(new Paragraph("Aucun appel à communs n'est ouvert actuellement."));
            return;
        }
        add(new Paragraph("Vous déposez une idée ; vous constituerez ensuite votre groupement (au moins 3 structures) "
                + "et transmettrez le dossier au Département avant le " + Ui.dateTime(campagne.dateLimiteDepot()) + "."));
        List<Structure> mine = structures.findAll(currentUser.require().structureIds());
        ComboBox<Structure> porteur = new ComboBox<>("Structure qui porte l'idée");
        porteur.setItems(mine);
        porteur.setItemLabelGenerator(Structure::nom);
        porteur.setRequiredIndicatorVisible(true);
        long acting = fr.communs.structure.ui.ActingStructure.get().orElse(mine.isEmpty() ? -1L : mine.get(0).id());
        mine.stream().filter(s -> s.id() == acting).findFirst().ifPresent(porteur::setValue);
        if (mine.isEmpty()) {
            add(new Paragraph("Pour déposer une idée, inscrivez d'abord votre structure ou rejoignez-en une depuis « Mes structures »."));
        }
        TextField titre = new TextField("Titre");
        titre.setMaxLength(200);
        titre.setRequiredIndicatorVisible(true);
        titre.setHelperText("200 caractères au plus.");
        TextArea resume = area("Résumé", 2000, true);
        TextArea besoin = area("Besoin du territoire (diagnostic)", 4000, true);
        besoin.setHelperText("Quel besoin du territoire ce commun veut-il couvrir ? Sur quel diagnostic partagé s'appuie-t-il ?");
        TextArea interet = area("Caractère d'intérêt général", 4000, false);
        TextArea gouvernance = area("Gouvernance", 4000, false);
        gouvernance.setHelperText("Comment les décisions sont prises, comment les responsabilités et la charge sont partagées.");
        CheckboxGroup<Defi> defis = new CheckboxGroup<>("Défis de l'appel auxquels le commun répond");
        defis.setItems(campagne.defis());
        defis.setItemLabelGenerator(d -> "Défi " + d.numero() + " — " + d.libelle());
        defis.setRequiredIndicatorVisible(true);
        defis.addClassName("defis");
        for (var field : List.of(titre, resume, besoin, interet, gouvernance)) {
            field.setWidthFull();
        }
        Button deposer = new Button("Déposer l'idée", e -> {
            long[] id = new long[1];
            if (errors.run(() -> {
                if (porteur.getValue() == null) {
                    throw new fr.communs.base.ValidationException("Choisissez la structure qui porte l'idée.");
                }
                id[0] = communs.depositIdea(porteur.getValue().id(), new CommunData(titre.getValue(), resume.getValue(),
                        besoin.getValue(), interet.getValue(), gouvernance.getValue(),
                        defis.getValue().stream().map(Defi::id).collect(Collectors.toSet())));
            })) {
                Ui.success("Votre idée de commun est déposée. Constituez maintenant votre groupement.");
                getUI().ifPresent(ui -> ui.navigate("communs/" + id[0]));
            }
        });
        deposer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(errors, porteur, titre, resume, besoin, interet, gouvernance, defis, deposer);
    }

    private static TextArea area(String label, int max, boolean required) {
        TextArea area = new TextArea(label);
        area.setMaxLength(max);
        area.setRequiredIndicatorVisible(required);
        area.setMinHeight("6em");
        return area;
    }
}
