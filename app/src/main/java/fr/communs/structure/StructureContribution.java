package fr.communs.structure;

/** A contribution a structure brings to a commun, accepted by its porteur (for the structure's public page). */
public record StructureContribution(long communId, String titre, String type, String description) {
}
