package fr.communs.base.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Accent-insensitive text search without PostgreSQL's {@code unaccent} (absent from the embedded server): both sides of
 * the comparison go through the same SQL expression (README, décision 19).
 */
public final class AccentInsensitive {
    static final String ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ’ʼ";
    static final String PLAIN = plain(ACCENTED);

    private AccentInsensitive() {
    }

    /** One condition per word of {@code texte} (at most {@code maxWords}): the folded haystack contains it. */
    public static List<Condition> containsEveryWord(Field<String> haystack, String texte, int maxWords) {
        Field<String> folded = fold(haystack);
        return Arrays.stream(texte.split("\\s+")).filter(w -> !w.isEmpty()).distinct().limit(maxWords)
                .map(w -> folded.like(DSL.concat(DSL.inline("%"), fold(DSL.val(escapeLike(w))), DSL.inline("%")), '\\'))
                .toList();
    }

    /** Lower case, without accents, œ and æ spelt out, typographic apostrophes made straight. */
    public static Field<String> fold(Field<String> text) {
        Field<String> t = DSL.translate(text, ACCENTED, PLAIN);
        t = DSL.replace(DSL.replace(DSL.replace(DSL.replace(t, "œ", "oe"), "Œ", "oe"), "æ", "ae"), "Æ", "ae");
        return DSL.lower(t);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String plain(String accented) {
        StringBuilder sb = new StringBuilder();
        for (char ch : accented.toCharArray()) {
            if (ch == '’' || ch == 'ʼ') {
                sb.append('\'');
            } else {
                String base = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                sb.append(base.charAt(0));
            }
        }
        return sb.toString();
    }
}
