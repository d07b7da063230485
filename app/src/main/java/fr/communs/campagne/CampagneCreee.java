package fr.communs.campagne;

/** Published in the transaction that creates a campagne, for the features that set it up (the comité's grid). */
public record CampagneCreee(long campagneId) {
}
