package fr.communs.comite.membre.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.base.ui.CharacterLimit;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.membre.MembreService;
import fr.communs.layout.Ui;
import fr.communs.structure.Structure;
import java.util.ArrayList;
import java.util.List;

/** "Inviter un membre": the person's address and name, their collège, organisation and period. */
class InvitationDialog extends Dialog {
    final ErrorPanel errors = new ErrorPanel();
    final EmailField email = new EmailField("Adresse électronique");
    final TextField nom = new TextField("Nom complet");
    final MembreForm form;
    final Button envoyer = new Button("Envoyer l'invitation");

    InvitationDialog(MembreService membres, List<Structure> annuaire, Runnable apres) {
        setHeaderTitle("Inviter un membre du comité");
        setWidth("38em");
        Paragraph intro = new Paragraph("Un compte de membre du comité est créé à cette adresse ; la personne reçoit un "
                + "courriel avec un lien (valable 7 jours) pour choisir son mot de passe et activer son compte.");
        intro.addClassName("muted");
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        email.setErrorMessage("L'adresse électronique n'est pas valide.");
        nom.setRequiredIndicatorVisible(true);
        nom.setWidthFull();
        CharacterLimit.apply(nom, 200);
        form = new MembreForm(annuaire);
        VerticalLayout body = new VerticalLayout(intro, errors, email, nom, form);
        body.setPadding(false);
        add(body);
        envoyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        envoyer.addClickListener(e -> {
            List<String> problemes = new ArrayList<>(CharacterLimit.problems(List.of(nom)));
            problemes.addAll(form.problemes());
            if (!problemes.isEmpty()) {
                errors.show(problemes);
                return;
            }
            String adresse = email.getValue().strip();
            if (errors.run(() -> membres.inviter(adresse, nom.getValue(), form.lire()))) {
                close();
                Ui.success("Invitation envoyée à " + adresse + ".");
                apres.run();
            }
        });
        getFooter().add(new Button("Annuler", e -> close()), envoyer);
    }
}
