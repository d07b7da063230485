package fr.communs.campagne;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What an administrator can change on the campagne. */
public record CampagneSettings(String nom, String collectivite, String territoireNom, String territoireCode,
                               OffsetDateTime dateLimiteDepot, LocalDate dateComite) {
}
