package fr.communs.notification;

import java.time.OffsetDateTime;

/**
 * A notification of the logged-in person. {@code lien} is a relative route of the application (such as
 * {@code communs/12}), or null; {@code luLe} is null while it is unread.
 */
public record Notification(long id, NotificationType type, String titre, String texte, String lien,
                           OffsetDateTime createdAt, OffsetDateTime luLe) {
    public boolean lue() {
        return luLe != null;
    }
}
