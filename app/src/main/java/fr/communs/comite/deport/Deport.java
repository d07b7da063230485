package fr.communs.comite.deport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A comité member recused from a file, with every cause found (a member can be recused for several reasons, and for
 * several structures).
 */
public record Deport(long communId, long membreId, String nomComplet, List<Cause> causes) {

    /**
     * One cause. {@code detail} names the structure for an automatic cause, or is the member's reason for a declared
     * one.
     */
    public record Cause(CauseDeport cause, String detail) {
        /** "Membre d'une structure du groupement : La Combine", "Déport déclaré par le membre : …". */
        public String texte() {
            return detail == null || detail.isBlank() ? cause.libelle() : cause.libelle() + " : " + detail;
        }
    }

    /** Whether the member declared it themselves. */
    public boolean declare() {
        return causes.stream().anyMatch(c -> c.cause() == CauseDeport.DECLARE);
    }

    /** The causes, one sentence, for a list or the procès-verbal. */
    public String causesTexte() {
        return causes.stream().map(Cause::texte).collect(Collectors.joining(" ; "));
    }
}
