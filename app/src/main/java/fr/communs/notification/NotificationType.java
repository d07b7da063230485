package fr.communs.notification;

/** What a notification is about. */
public enum NotificationType {
    DEMANDE_ADHESION("Demande d'adhésion"),
    DECISION_ADHESION("Décision sur une demande d'adhésion"),
    INVITATION("Invitation"),
    REPONSE_INVITATION("Réponse à une invitation"),
    DEPART_MEMBRE("Départ d'un membre"),
    ROLE_MODIFIE("Rôle modifié"),
    OFFRE_CONTRIBUTION("Offre de contribution"),
    DECISION_CONTRIBUTION("Décision sur une offre de contribution"),
    TRANSMISSION("Transmission au Département"),
    RAPPEL_DEPOT("Rappel avant la date limite de dépôt"),
    DECISION_INSTRUCTION("Décision d'instruction"),
    COMPLEMENTS_DEMANDES("Compléments demandés"),
    COMPLEMENTS_RECUS("Compléments reçus"),
    RAPPEL_COMPLEMENTS("Rappel : compléments attendus"),
    DOSSIER_ATTRIBUE("Dossier attribué"),
    MESSAGE("Message sur un dossier"),
    AVIS_DEMANDE("Avis demandé"),
    AVIS_RENDU("Avis rendu"),
    AVIS_ANNULE("Demande d'avis annulée"),
    RAPPEL_AVIS("Rappel : avis attendu"),
    AUDITION_A_NOTER("Audition à noter"),
    NOTES_COMITE("Notes du comité complètes"),
    AVIS_COMITE("Avis du comité d'accompagnement"),
    RESULTAT_ASSEMBLEE("Résultat du vote de l'Assemblée"),
    LIVRABLE_DEPOSE("Livrable déposé"),
    CONTRIBUTION_COMITE("Contribution proposée par le comité"),
    REPONSE_CONTRIBUTION_COMITE("Réponse du groupement à une contribution du comité"),
    SUIVI_CONTRIBUTION_COMITE("Contribution du comité abandonnée"),
    RAPPEL_CONTRIBUTION_COMITE("Rappel : contribution du comité attendue"),
    CONVOCATION("Convocation du comité"),
    CONVOCATION_MODIFIEE("Convocation modifiée"),
    RAPPEL_CONVOCATION("Rappel : séance du comité"),
    CONVOCATION_ANNULEE("Convocation annulée");

    private final String libelle;

    NotificationType(String libelle) {
        this.libelle = libelle;
    }

    /** French label, for the UI. */
    public String libelle() {
        return libelle;
    }
}
