package fr.communs.piece;

import fr.communs.base.ValidationException;
import java.text.Normalizer;
import java.util.Locale;

/** Cleans the name a browser sends for a file: the name is shown to others and given back on download. */
final class NomsFichiers {
    static final int LONGUEUR_MAX = 255;
    /** Characters that some systems forbid in file names; replaced by "_". */
    private static final String INTERDITS = "<>:\"|?*";

    private NomsFichiers() {
    }

    /**
     * The last segment of the name (no folder), without control or invisible formatting characters (which could
     * disguise an extension), without leading dots, of at most 255 characters keeping the extension.
     */
    static String nettoyer(String nom) {
        if (nom == null) {
            throw new ValidationException("Le nom du fichier est obligatoire.");
        }
        String n = Normalizer.normalize(nom, Normalizer.Form.NFC);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if (INTERDITS.indexOf(cp) >= 0) {
                sb.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String propre = sb.toString().strip().replaceAll(" {2,}", " ").replaceFirst("^\\.+", "").strip();
        if (propre.isEmpty()) {
            throw new ValidationException("Le nom du fichier est vide ou ne contient aucun caractère utilisable : "
                    + "renommez le fichier puis déposez-le de nouveau.");
        }
        return tronquer(propre);
    }

    /** The name, with the format's usual extension added when it has none of the format's extensions. */
    static String avecExtension(String nom, FormatPiece format) {
        int point = nom.lastIndexOf('.');
        String extension = point < 0 ? "" : nom.substring(point + 1).toLowerCase(Locale.ROOT);
        if (format.extensions().contains(extension)) {
            return nom;
        }
        return tronquer(nom + "." + format.extensions().get(0));
    }

    /** At most 255 characters, cutting the base name (never inside a surrogate pair) to keep a short extension. */
    static String tronquer(String nom) {
        if (nom.length() <= LONGUEUR_MAX) {
            return nom;
        }
        int point = nom.lastIndexOf('.');
        String extension = point > 0 && nom.length() - point <= 16 ? nom.substring(point) : "";
        int garde = LONGUEUR_MAX - extension.length();
        if (Character.isHighSurrogate(nom.charAt(garde - 1))) {
            garde--;
        }
        return nom.substring(0, garde).strip() + extension;
    }
}
