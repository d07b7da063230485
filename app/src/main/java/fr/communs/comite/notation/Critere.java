package fr.communs.comite.notation;

import java.math.BigDecimal;

/** A criterion of the campagne's scoring grid: its weight and scale (0 to {@code noteMax}). */
public record Critere(long id, int numero, String libelle, BigDecimal poids, int noteMax) {
}
