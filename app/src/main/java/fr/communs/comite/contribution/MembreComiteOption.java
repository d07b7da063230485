package fr.communs.comite.contribution;

/** An active comité member, for the agents' picker: their name and the organisation they represent. */
public record MembreComiteOption(long id, String nom, String organisation, Long structureId) {

    /** "Organisation (Nom)", as the picker shows it. */
    public String libelle() {
        return organisation + " (" + nom + ")";
    }
}
