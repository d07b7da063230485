package fr.communs.commun;

import java.time.OffsetDateTime;

/**
 * A structure's request to join a commun ({@link Sens#DEMANDE}), or the porteur's invitation to a structure
 * ({@link Sens#INVITATION}), and what became of it.
 */
public record DemandeGroupement(long id, long communId, String communTitre, long structureId, String structureNom,
                                Sens sens, RoleGroupement role, String message, Statut statut,
                                OffsetDateTime createdAt, OffsetDateTime decideLe, String reponse) {

    public enum Sens { DEMANDE, INVITATION }

    public enum Statut {
        EN_ATTENTE("En attente"), ACCEPTEE("Acceptée"), REFUSEE("Refusée"), ANNULEE("Annulée");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }
}
