package fr.communs.security;

import org.springframework.security.authentication.AccountStatusException;

/** Login refused (after a correct password): the account's e-mail address has not been confirmed yet. */
public class EmailNotConfirmedException extends AccountStatusException {
    public EmailNotConfirmedException() {
        super("Votre adresse électronique n'est pas encore confirmée : ouvrez le lien reçu par courriel, "
                + "ou demandez un nouveau lien de confirmation.");
    }
}
