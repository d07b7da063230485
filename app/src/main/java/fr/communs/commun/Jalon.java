package fr.communs.commun;

import java.time.LocalDate;

/**
 * A step of a commun's public timeline, in public words (no names of agents, no motives, no avis): a step reached
 * ({@link Etat#FAIT}, dated the day it happened), the step the file is at ({@link Etat#EN_COURS}) or a step of the
 * cycle still to come ({@link Etat#A_VENIR}); for those two, {@code date} is the expected date or deadline when there
 * is one, already written in the label.
 */
public record Jalon(LocalDate date, String libelle, Etat etat) {

    /** Where the step stands. */
    public enum Etat { FAIT, EN_COURS, A_VENIR }

    public boolean fait() {
        return etat == Etat.FAIT;
    }
}
