package fr.communs.livrable;

import java.time.OffsetDateTime;

/** What everyone sees of a deposited livrable on the commun's page: meant to be shared, so public. */
public record LivrablePublic(String titre, String lien, String description, OffsetDateTime deposeLe) {
}
