package fr.communs.comite.contribution;

import fr.communs.base.CommunStatut;

/**
 * A file as the agents' screen of the comité's contributions sees it.
 *
 * @param ouvert whether contributions may be recorded on it now (declared recevable by the instruction, past the
 *               instruction, its story not ended)
 */
public record DossierComite(long id, String titre, CommunStatut statut, boolean ouvert) {
}
