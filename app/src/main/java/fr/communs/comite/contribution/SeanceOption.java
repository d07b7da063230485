package fr.communs.comite.contribution;

import java.time.OffsetDateTime;

/** A séance whose agenda holds the file, for the agents' picker. */
public record SeanceOption(long id, OffsetDateTime debut, String lieu) {
}
