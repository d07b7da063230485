package fr.communs.instruction;

/** An agent of the Département, who can instruct a file (or be asked for an avis). */
public record Agent(long id, String nom, String direction) {

    /** "Claire Fabre — Innovation sociale et solidaire". */
    public String libelle() {
        return direction == null || direction.isBlank() ? nom : nom + " — " + direction;
    }
}
