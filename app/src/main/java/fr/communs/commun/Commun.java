package fr.communs.commun;

import fr.communs.campagne.Defi;
import java.time.OffsetDateTime;
import java.util.List;

/** A commun's file as deposited (and completed during instruction). */
public record Commun(long id, long campagneId, String titre, String resume, String besoin, String interetGeneral,
                     String gouvernance, long porteurStructureId, String porteurNom, CommunStatut statut,
                     OffsetDateTime dateTransmission, OffsetDateTime createdAt, List<Defi> defis) {
}
