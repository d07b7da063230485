package fr.communs.security.ui;

import fr.communs.base.ui.ErrorPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import fr.communs.security.AccountService;

/** Asks for a new confirmation link; the answer is the same whether an account exists or not. */
class ResendConfirmationForm extends VerticalLayout {

    ResendConfirmationForm(AccountService accounts) {
        setPadding(false);
        setWidth(Forms.WIDTH);
        Paragraph intro = new Paragraph("Vous n'avez pas reçu le courriel de confirmation, ou son lien a expiré ? "
                + "Indiquez votre adresse pour recevoir un nouveau lien.");
        ErrorPanel errors = Forms.errorPanel();
        EmailField email = Forms.emailField();
        Paragraph done = new Paragraph();
        done.getElement().setAttribute("role", "status");
        done.setVisible(false);
        Button resend = new Button("Renvoyer le lien de confirmation", e -> {
            if (errors.run(() -> accounts.resendConfirmation(email.getValue()))) {
                done.setText("Si un compte en attente de confirmation existe avec l'adresse «\u00a0" + email.getValue().strip()
                        + "\u00a0», un nouveau lien de confirmation (valable 48 heures) vient d'y être envoyé.");
                done.setVisible(true);
            }
        });
        add(intro, errors, email, resend, done);
    }
}
