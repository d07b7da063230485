package fr.communs.contribution;

import java.util.Map;

/**
 * What the contributions need to know about their commun, read by their own repository (the commun's feature shows
 * and freezes the contributions, so they do not depend on it).
 *
 * @param statut             the name of the commun's statut ({@code fr.communs.commun.CommunStatut})
 * @param porteurStructureId the structure that carries the commun
 * @param porteur            whether the caller belongs to the porteur structure
 */
public record CommunContribue(long id, String titre, String statut, long porteurStructureId, boolean porteur) {
    /** The states in which a commun's story has ended, with their French labels (as {@code CommunStatut} has them). */
    static final Map<String, String> TERMINES = Map.of(
            "DEPOT_CLOS", "Dépôt clos sans transmission",
            "NON_RECEVABLE", "Non recevable",
            "REJETE", "Subvention non votée",
            "LIVRABLE_DEPOSE", "Lauréat — livrable déposé");

    /** A draft, not published yet. */
    public boolean brouillon() {
        return "BROUILLON".equals(statut);
    }

    /** Before transmission: the file, and so the needs of contribution, may still change. */
    public boolean modifiable() {
        return brouillon() || "EN_CONSTITUTION".equals(statut);
    }

    /** The commun's story has ended: it receives no more offers. */
    public boolean termine() {
        return TERMINES.containsKey(statut);
    }

    /** The French label of an ended state (as shown in lists), {@code null} otherwise. */
    String libelleTermine() {
        return TERMINES.get(statut);
    }
}
