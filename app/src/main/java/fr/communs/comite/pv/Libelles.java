package fr.communs.comite.pv;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** French labels of the codes stored by the séance and scoring services, and the number format of the documents. */
final class Libelles {
    /** The code of an adjournment in {@link AvisDuComite#avis()} (a {@code comite_ajournement} row). */
    static final String AJOURNE = "AJOURNE";

    private Libelles() {
    }

    static String avis(String code) {
        return switch (code) {
            case "FAVORABLE" -> "Favorable";
            case "RESERVE" -> "Favorable avec réserves";
            case "DEFAVORABLE" -> "Défavorable";
            case AJOURNE -> "Ajourné à une séance ultérieure";
            default -> code;
        };
    }

    static String college(String code) {
        return switch (code) {
            case "ELU" -> "élu(e)";
            case "AGENT_REFERENT_ESS" -> "agent référent ESS";
            case "ACTEUR_ESS" -> "acteur de l'ESS";
            case "COMITE_PILOTAGE" -> "comité de pilotage de la plateforme";
            default -> code;
        };
    }

    static String cause(String code, String detail) {
        return switch (code) {
            case "GROUPEMENT" -> "membre d'une structure du groupement (" + detail + ")";
            case "CONTRIBUTEUR" -> "membre d'une structure contributrice (" + detail + ")";
            case "ORGANISATION" -> "représente une structure liée au dossier (" + detail + ")";
            case "DECLARE" -> "s'est déporté(e)";
            default -> code;
        };
    }

    static String typeContribution(String code) {
        return switch (code) {
            case "HUMAINE" -> "Humaine";
            case "TECHNIQUE" -> "Technique";
            case "MATERIELLE" -> "Matérielle";
            case "MISE_EN_RELATION" -> "Mise en relation";
            case "AUTRE" -> "Autre";
            default -> code;
        };
    }

    static String statutContribution(String code) {
        return switch (code) {
            case "PROPOSEE" -> "proposée";
            case "ACCEPTEE" -> "acceptée par le groupement";
            case "DECLINEE" -> "déclinée par le groupement";
            case "REALISEE" -> "réalisée";
            case "ABANDONNEE" -> "abandonnée";
            default -> code;
        };
    }

    /** A number as the documents print it: French decimal comma, no useless zeros ({@code 14,5}, {@code 14}, {@code 3,25}). */
    static String nombre(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.FRANCE)).format(value);
    }
}
