package fr.communs.commun;

import java.time.OffsetDateTime;

/** A line of the public "Communs déposés" list. */
public record CommunSummary(long id, String titre, String resume, String porteurNom, CommunStatut statut,
                            int nombreStructures, OffsetDateTime createdAt) {
}
