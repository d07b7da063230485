package fr.communs.base;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one reader of amounts in euros for the whole platform (contributions, subsidies, budgets): it reads what people
 * type — {@code 1500}, {@code 1 500}, {@code 1 500,50}, {@code 1500.50}, {@code 1 500 €} — and refuses anything else
 * with a French message saying what is wrong. It never returns a different number from the one written: no character
 * is dropped, thousands are only separated by spaces, one comma or dot introduces at most two cents digits.
 * Services re-check the amounts they receive with {@link #check}.
 */
public final class Montants {
    /** The platform's ceiling for any single amount (10 million euros), named in the refusal message. */
    public static final BigDecimal PLAFOND = new BigDecimal("10000000");

    private static final int LONGUEUR_MAX = 40;
    /** Spaces people (and spreadsheets) put between thousands: space, no-break space, narrow no-break space. */
    private static final Pattern ESPACES = Pattern.compile("[ \\u00a0\\u202f\\u2009]+");
    private static final Pattern EURO = Pattern.compile("(?i)\\s*(€|eur|euros?)\\s*$");
    private static final Pattern ENTIER = Pattern.compile("\\d+|\\d{1,3}( \\d{3})+");
    private static final Pattern CENTIMES = Pattern.compile("\\d{1,2}");

    private Montants() {
    }

    /**
     * Reads an amount typed by a person. Blank gives {@code null}; anything that is not exactly an amount in euros of
     * at most {@code plafond} (exclusive bound: {@code plafond} itself is accepted) is refused with a message naming
     * the field {@code label}.
     */
    public static BigDecimal parse(String text, String label, BigDecimal plafond) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        String shown = typed.length() > LONGUEUR_MAX ? typed.substring(0, LONGUEUR_MAX) + "…" : typed;
        String prefix = "« " + label + " » : « " + shown + " » ";
        if (typed.length() > LONGUEUR_MAX) {
            throw new ValidationException(prefix + "est trop long pour un montant.");
        }
        String s = EURO.matcher(ESPACES.matcher(typed).replaceAll(" ")).replaceFirst("").strip();
        if (s.startsWith("-")) {
            throw new ValidationException(prefix + "est négatif ; un montant est positif ou nul.");
        }
        if (!s.matches("[0-9 ,.]+")) {
            throw new ValidationException(prefix + "n'est pas un montant en euros : seuls les chiffres, des espaces "
                    + "entre les milliers, une virgule pour les centimes et le signe € sont acceptés "
                    + "(par exemple 1 500 ou 1 500,50).");
        }
        int separators = s.replaceAll("[^,.]", "").length();
        if (separators > 1) {
            throw new ValidationException(prefix + "contient plusieurs virgules ou points : séparez les milliers par "
                    + "des espaces et les centimes par une virgule (par exemple 1 500 000 ou 1 500,50).");
        }
        int sep = Math.max(s.indexOf(','), s.indexOf('.'));
        String entier = sep < 0 ? s : s.substring(0, sep).strip();
        String centimes = sep < 0 ? null : s.substring(sep + 1).strip();
        if (centimes != null && !CENTIMES.matcher(centimes).matches()) {
            throw new ValidationException(prefix + (centimes.matches("\\d{3,}")
                    ? "a plus de deux chiffres après la virgule : un montant a au plus deux décimales (les centimes) ; "
                      + "séparez les milliers par des espaces (par exemple 12 345)."
                    : "n'est pas un montant en euros : écrivez par exemple 1 500 ou 1 500,50."));
        }
        if (entier.isEmpty() || !ENTIER.matcher(entier).matches()) {
            throw new ValidationException(prefix + "n'est pas un montant en euros : les espaces ne peuvent séparer que "
                    + "des groupes de trois chiffres (par exemple 15 000 ou 1 500,50).");
        }
        BigDecimal value = new BigDecimal(entier.replace(" ", "") + (centimes == null ? "" : "." + centimes));
        if (plafond != null && value.compareTo(plafond) > 0) {
            throw new ValidationException(prefix + "dépasse le plafond de " + toInput(plafond) + " €.");
        }
        return value;
    }

    /** {@link #parse(String, String, BigDecimal)} with the platform's ceiling {@link #PLAFOND}. */
    public static BigDecimal parse(String text, String label) {
        return parse(text, label, PLAFOND);
    }

    /**
     * Service-side check of an amount received from a view: positive or zero (strictly positive when
     * {@code strictementPositif}), at most two decimals, at most {@code plafond}. A {@code null} amount passes
     * (combine with {@link Checks#notNull} when required).
     */
    public static Checks check(Checks checks, BigDecimal value, String label, BigDecimal plafond,
                               boolean strictementPositif) {
        if (value == null) {
            return checks;
        }
        checks.check(strictementPositif ? value.signum() > 0 : value.signum() >= 0, "« " + label + " » : le montant doit être "
                + (strictementPositif ? "supérieur à 0 €." : "positif ou nul."));
        checks.check(value.stripTrailingZeros().scale() <= 2,
                "« " + label + " » : un montant a au plus deux décimales (les centimes).");
        checks.check(plafond == null || value.compareTo(plafond) <= 0,
                "« " + label + " » : le montant dépasse le plafond de " + toInput(plafond) + " €.");
        return checks;
    }

    /** French display of an amount, as everywhere on the platform: {@code 1 500,50 €} ({@code ""} for null). */
    public static String format(BigDecimal value) {
        return value == null ? "" : java.text.NumberFormat.getCurrencyInstance(Locale.FRANCE).format(value);
    }

    /** How the amount is written back in an input field: {@code 1 500,50} (plain spaces, readable by {@link #parse}). */
    public static String toInput(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        return new DecimalFormat(value.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00", symbols).format(value);
    }
}
