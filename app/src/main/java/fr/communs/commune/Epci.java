package fr.communs.commune;

/** An établissement public de coopération intercommunale à fiscalité propre: SIREN and name. */
public record Epci(String code, String nom) {
}
