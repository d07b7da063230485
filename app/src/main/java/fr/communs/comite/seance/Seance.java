package fr.communs.comite.seance;

import java.time.LocalDateTime;

/** A séance of the comité: when (Paris time), where (place or video link) and where it stands. */
public record Seance(long id, long campagneId, LocalDateTime debut, String lieu, String lienVisio, Statut statut,
                     LocalDateTime ouverteLe, LocalDateTime closeLe, int version) {

    public enum Statut {
        PREPARATION("En préparation"), OUVERTE("Ouverte"), CLOSE("Close"), ANNULEE("Annulée");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** "le 12/01/2027 à 14:00, Hôtel du Département (Nîmes)" style wording of where and when. */
    public String ouEtQuand() {
        String quand = "le " + debut.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm"));
        String ou = lieu != null && lienVisio != null ? lieu + " (ou en visio : " + lienVisio + ")"
                : lieu != null ? lieu : "en visio : " + lienVisio;
        return quand + ", " + ou;
    }
}
