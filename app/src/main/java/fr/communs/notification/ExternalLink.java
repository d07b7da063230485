package fr.communs.notification;

import fr.communs.base.Checks;
import java.util.Objects;

/**
 * An address outside the platform that a mail must keep clickable, such as the video-conference link of a séance
 * typed by an agent: shown after the text, alone on its line under its label ({@code Visioconférence}), never
 * neutralised. Only an absolute {@code http(s)} address with a host, without spaces, of at most 500 characters.
 */
public record ExternalLink(String label, String url) {
    public ExternalLink {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
        if (label.isBlank() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Libellé de lien refusé");
        }
        if (url.length() > 500 || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '<' || c == '>' || c == '"') || !Checks.isWebLink(url)) {
            throw new IllegalArgumentException("Adresse refusée : " + url);
        }
    }

    /** Whether the text is an address this record accepts. */
    public static boolean accepts(String url) {
        try {
            new ExternalLink("Lien", url);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
