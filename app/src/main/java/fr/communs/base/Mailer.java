package fr.communs.base;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends a plain-text mail. Implemented by {@code fr.communs.mail.MailService}; features that mail people (such as
 * {@code security}) depend on this interface, so that the mail feature, whose admin screen sits in the application
 * frame (which itself depends on {@code security}), creates no cycle between feature packages.
 */
public interface Mailer {
    /** Sends (or keeps, in outbox mode) a mail, once the caller's transaction commits. */
    void send(String to, String subject, String text);

    /**
     * Sends (or keeps, in outbox mode) a mail with attachments (none: the same as {@link #send(String, String, String)}),
     * once the caller's transaction commits.
     */
    void send(String to, String subject, String text, List<Attachment> attachments);

    /**
     * Absolute link to a page of the platform for a mail: {@code communs.base-url}, by default
     * {@code http://localhost:<port>} (the port the server really listens on, read when the mail is written).
     */
    String link(String path);

    /**
     * A file attached to a mail, such as a calendar invitation ({@code convocation.ics}, type
     * {@code text/calendar; method=REQUEST; charset=UTF-8}). The name is a plain file name (letters, digits,
     * {@code . _ -}, at most {@value #NAME_MAX} characters), the type a MIME type with optional parameters, the content
     * at most {@value #SIZE_MAX} bytes: attachments are written by the platform, never uploaded by users.
     */
    record Attachment(String filename, String contentType, byte[] content) {
        public static final int NAME_MAX = 100;
        public static final int SIZE_MAX = 1_000_000;
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
        private static final Pattern TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+(;\\s*[a-z-]+=[A-Za-z0-9_.-]+)*");

        public Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            if (filename.length() > NAME_MAX || !NAME.matcher(filename).matches()) {
                throw new IllegalArgumentException("Nom de pièce jointe refusé : " + filename);
            }
            if (contentType.length() > 200 || !TYPE.matcher(contentType).matches()) {
                throw new IllegalArgumentException("Type de pièce jointe refusé : " + contentType);
            }
            if (content.length > SIZE_MAX) {
                throw new IllegalArgumentException("Pièce jointe trop lourde : " + content.length + " octets");
            }
            content = content.clone();
        }

        /** A copy of the content. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The MIME type without its parameters ({@code text/calendar}). */
        public String mimeType() {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && a.filename.equals(filename) && a.contentType.equals(contentType)
                    && java.util.Arrays.equals(a.content, content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filename, contentType, java.util.Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + filename + ", " + contentType + ", " + content.length + " octets]";
        }
    }
}
