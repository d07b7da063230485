package fr.communs.livrable;

/** The laureate groupement's livrable (shareable and appropriable) and its retour d'expérience. */
public record LivrableData(String titre, String lien, String description, String retourExperience) {
}
