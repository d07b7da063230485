package fr.communs.structure;

/** Input for registering a structure. */
public record StructureData(String nom, FormeJuridique formeJuridique, boolean ess, String commune,
                            String codeDepartement, String description) {
}
