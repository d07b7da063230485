package fr.communs.base;

/**
 * The number of unread notifications of the logged-in person, for the bell of the application frame. Implemented by
 * {@code fr.communs.notification.NotificationService}: the frame ({@code layout}) depends on this interface only,
 * because the notifications screen sits in the frame (a direct dependency would be a cycle between packages).
 */
public interface UnreadNotifications {
    /** Unread notifications of the logged-in person; 0 when nobody is logged in. */
    int unreadCount();
}
