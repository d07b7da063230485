package fr.communs.comite.membre.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.comite.membre.CompteLie;
import fr.communs.comite.membre.Membre;
import fr.communs.comite.membre.MembreService;
import fr.communs.layout.Ui;
import fr.communs.security.Roles;
import fr.communs.structure.Structure;
import java.util.List;

/**
 * A member's page for the administrator: collège, organisation and period; their other accounts (linked accounts
 * count for recusals); a new invitation link while the account is not activated.
 */
class MembreDialog extends Dialog {
    private final MembreService membres;
    private final long membreId;
    private final Runnable apres;
    final ErrorPanel errors = new ErrorPanel();
    final MembreForm form;
    final Button enregistrer = new Button("Enregistrer");
    final Div comptes = new Div();
    final TextField compte = new TextField("Adresse d'un autre compte de la personne");
    final Button lier = new Button("Lier ce compte");
    final Button relancer = new Button("Renvoyer l'invitation");
    private int version;

    MembreDialog(MembreService membres, Membre m, List<Structure> annuaire, Runnable apres) {
        this.membres = membres;
        this.membreId = m.id();
        this.apres = apres;
        this.version = m.version();
        setHeaderTitle(m.nomComplet() + " — " + m.email());
        setWidth("40em");
        form = new MembreForm(annuaire);
        form.remplir(m.data(), annuaire);
        enregistrer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enregistrer.addClickListener(e -> enregistrer());

        compte.setHelperText("Par exemple son compte de structure : les structures de ce compte comptent pour ses déports.");
        compte.setWidthFull();
        lier.addClickListener(e -> lier());
        HorizontalLayout ajout = new HorizontalLayout(compte, lier);
        ajout.setWidthFull();
        ajout.setAlignItems(FlexComponent.Alignment.BASELINE);
        ajout.expand(compte);

        relancer.addClickListener(e -> {
            if (errors.run(() -> membres.renvoyerInvitation(membreId))) {
                Ui.success("Un nouveau lien d'activation est envoyé à " + m.email() + ".");
            }
        });
        relancer.setVisible(m.invitationEnAttente());
        Paragraph attente = new Paragraph("Invitation en attente : la personne n'a pas encore activé son compte.");
        attente.addClassName("muted");
        attente.setVisible(m.invitationEnAttente());

        VerticalLayout body = new VerticalLayout(errors, attente, relancer, form, new H3("Comptes liés"), comptes, ajout);
        body.setPadding(false);
        add(body);
        afficherComptes(m.autresComptes());
        getFooter().add(new Button("Fermer", e -> close()), enregistrer);
    }

    private void enregistrer() {
        List<String> problemes = form.problemes();
        if (!problemes.isEmpty()) {
            errors.show(problemes);
            return;
        }
        if (errors.run(() -> membres.modifier(membreId, version, form.lire()))) {
            close();
            Ui.success("Les informations du membre sont enregistrées.");
            apres.run();
        }
    }

    private void lier() {
        if (errors.run(() -> membres.lierCompte(membreId, compte.getValue()))) {
            compte.clear();
            Ui.success("Le compte est lié à ce membre.");
            recharger();
        }
    }

    private void delier(CompteLie c) {
        if (errors.run(() -> membres.delierCompte(membreId, c.id()))) {
            Ui.success("Le compte " + c.email() + " n'est plus lié à ce membre.");
            recharger();
        }
    }

    /** After a change of the links: the member's version moved, the list too. */
    private void recharger() {
        Membre m = membres.membre(membreId);
        version = m.version();
        afficherComptes(m.autresComptes());
        apres.run();
    }

    private void afficherComptes(List<CompteLie> liens) {
        comptes.removeAll();
        if (liens.isEmpty()) {
            Paragraph aucun = new Paragraph("Aucun autre compte n'est lié à ce membre.");
            aucun.addClassName("muted");
            comptes.add(aucun);
            return;
        }
        UnorderedList list = new UnorderedList();
        for (CompteLie c : liens) {
            Button retirer = new Button("Retirer", e -> delier(c));
            retirer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retirer.getElement().setAttribute("aria-label", "Retirer le lien avec le compte " + c.email());
            list.add(new ListItem(new Span(c.nomComplet() + " — " + c.email() + " (" + Roles.label(c.role()) + ") "), retirer));
        }
        comptes.add(list);
    }
}
