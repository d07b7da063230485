package fr.communs.mail;

import java.time.OffsetDateTime;

/** A mail kept in the outbox instead of being sent (property {@code communs.mail.outbox=true}). */
public record OutboxMail(long id, OffsetDateTime createdAt, String destinataire, String sujet, String texte) {
}
