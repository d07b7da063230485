package fr.communs.structure;

/** A structure on the map. */
public record MapPoint(long id, String nom, String commune, double latitude, double longitude, boolean ess,
                       boolean verifiee) {
}
