package fr.communs.comite.seance;

import java.time.LocalDateTime;
import java.util.List;

/** What an agent types to create a séance: when (Paris time), where, and the agenda with a slot per file. */
public record SeanceData(LocalDateTime debut, String lieu, String lienVisio, List<Creneau> ordreDuJour) {
}
