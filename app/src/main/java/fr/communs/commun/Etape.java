package fr.communs.commun;

import java.time.LocalDateTime;

/** A step of the cycle on a commun's page: passed (with its date), current, to come, or how it ended. */
public record Etape(String id, String libelle, Etat etat, LocalDateTime date) {
    public enum Etat { PASSEE, EN_COURS, A_VENIR, FIN }
}
