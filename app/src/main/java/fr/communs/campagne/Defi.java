package fr.communs.campagne;

/** One of the campagne's défis, with its hashtags. */
public record Defi(long id, int numero, String libelle, String hashtags) {
}
