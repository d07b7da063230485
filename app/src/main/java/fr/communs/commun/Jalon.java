package fr.communs.commun;

import java.time.LocalDate;

/**
 * A milestone of a commun's public timeline, in public words (no names of agents, no motives, no avis): a step
 * reached ({@code fait}, dated the day it happened) or the next step expected (not done; {@code date} is then the
 * expected date or deadline when there is one, already written in the label).
 */
public record Jalon(LocalDate date, String libelle, boolean fait) {
}
