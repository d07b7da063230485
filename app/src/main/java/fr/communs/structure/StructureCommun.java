package fr.communs.structure;

/** A commun a structure takes part in, with its role (porteur / membre / contributeur). */
public record StructureCommun(long communId, String titre, String role) {
}
