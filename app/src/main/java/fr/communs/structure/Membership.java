package fr.communs.structure;

/** A person's link to a structure: member (possibly administrator) or pending request. */
public record Membership(Structure structure, boolean administrateur, boolean enAttente) {
}
