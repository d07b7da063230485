package fr.communs.comite;

/** A recorded score sheet of one comité member. */
public record NoteComite(String membreNom, int contributeurs, int gouvernance, int defis, int communs,
                         String commentaire) {
    public int total() {
        return contributeurs + gouvernance + defis + communs;
    }
}
