package fr.communs.contribution;

import fr.communs.base.CommunStatut;

/**
 * What the contributions need to know about their commun, read by their own repository (the commun's feature shows
 * and freezes the contributions, so they do not depend on it). The state is judged by the shared {@link CommunStatut}.
 *
 * @param porteurStructureId the structure that carries the commun
 * @param porteur            whether the caller belongs to the porteur structure
 */
public record CommunContribue(long id, String titre, CommunStatut statut, long porteurStructureId, boolean porteur) {

    /** A draft, not published yet. */
    public boolean brouillon() {
        return statut == CommunStatut.BROUILLON;
    }

    /** Before transmission: the file, and so the needs of contribution, may still change. */
    public boolean modifiable() {
        return statut == CommunStatut.BROUILLON || statut == CommunStatut.EN_CONSTITUTION;
    }

    /** The commun's story has ended: it receives no more offers. */
    public boolean termine() {
        return statut.termine();
    }

    /** The French label of an ended state (as shown in lists), {@code null} otherwise. */
    String libelleTermine() {
        return termine() ? statut.libelle() : null;
    }
}
