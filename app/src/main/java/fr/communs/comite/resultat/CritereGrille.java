package fr.communs.comite.resultat;

import java.math.BigDecimal;

/** A criterion of the campagne's scoring grid (table {@code comite_critere}): scored from 0 to {@code noteMax}. */
public record CritereGrille(long id, int numero, String libelle, BigDecimal poids, int noteMax) {
}
