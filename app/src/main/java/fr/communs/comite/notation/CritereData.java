package fr.communs.comite.notation;

/**
 * A criterion of the comité's scoring grid as an administrator types it: its label, its weight (a whole number from
 * 1 to 100, relative to the others) and the top of its scale (scores from 0 to {@code noteMax}, at most 20).
 */
public record CritereData(String libelle, Integer poids, Integer noteMax) {
}
