package fr.communs.comite.seance;

/** An active member of the comité on the day of a séance, their organisation and attendance (null until recorded). */
public record MembreSeance(long membreId, String nom, String organisation, Presence presence) {
}
