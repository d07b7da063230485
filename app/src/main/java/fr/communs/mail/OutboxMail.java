package fr.communs.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mail kept in the outbox instead of being sent (property {@code communs.mail.outbox=true}), with its attachments
 * (described, their content is read with {@link MailService#outboxAttachment(long)}).
 */
public record OutboxMail(long id, OffsetDateTime createdAt, String destinataire, String sujet, String texte,
                         List<OutboxAttachment> piecesJointes) {
    public OutboxMail {
        piecesJointes = piecesJointes == null ? List.of() : List.copyOf(piecesJointes);
    }

    /** An attachment of a kept mail: its file name, MIME type (with parameters) and size in bytes. */
    public record OutboxAttachment(long id, String nomFichier, String typeContenu, int taille) {
    }
}
