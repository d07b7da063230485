package fr.communs.comite.seance;

import java.time.LocalDateTime;

/** A file on a séance's agenda and its slot (Paris time). */
public record Audition(long id, long seanceId, long communId, String titre, String porteurNom, LocalDateTime debut,
                       int dureeMinutes, Statut statut, String motif, int version) {

    public enum Statut {
        PREVUE("Prévue"), DEPLACEE("Ajournée avant la séance"), TENUE("Tenue");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    public LocalDateTime fin() {
        return debut.plusMinutes(dureeMinutes);
    }
}
