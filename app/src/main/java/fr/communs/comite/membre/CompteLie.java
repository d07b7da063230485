package fr.communs.comite.membre;

/** Another account of the same person as a comité member (their structure account, say): it counts for recusals. */
public record CompteLie(long id, String nomComplet, String email, String role) {
}
