package fr.communs.comite;

/** A comité member's scores (0 to 5) for the audition, on the four criteria of the appel. */
public record NotesAudition(Integer contributeurs, Integer gouvernance, Integer defis, Integer communs,
                            String commentaire) {
}
