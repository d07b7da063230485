package fr.communs.instruction;

/** The porteur's answer to a request for compléments: the updated texts and a message to the instructeur. */
public record ComplementData(String besoin, String interetGeneral, String gouvernance, String reponse) {
}
