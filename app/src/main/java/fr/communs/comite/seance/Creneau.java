package fr.communs.comite.seance;

import java.time.LocalDateTime;

/** The slot of a file's audition: start (Paris time) and duration in minutes. */
public record Creneau(long communId, LocalDateTime debut, Integer dureeMinutes) {
}
