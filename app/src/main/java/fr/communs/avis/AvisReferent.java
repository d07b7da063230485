package fr.communs.avis;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request for the avis of a référent thématique on a file, and the avis once given.
 *
 * @param direction the référent's direction, {@code null} when not filled in
 * @param avis      {@code null} until the avis is given
 * @param reponse   the référent's text, {@code null} until the avis is given
 * @param renduLe   {@code null} until the avis is given
 * @param relances  how many reminders the référent received
 */
public record AvisReferent(long id, long communId, String demandeurNom, long referentId, String referentNom,
                           String direction, String question, LocalDate dateLimite, StatutAvis statut, SensAvis avis,
                           String reponse, OffsetDateTime demandeLe, OffsetDateTime renduLe, int relances) {

    /** Still awaited after its due date. */
    public boolean enRetard(LocalDate today) {
        return statut == StatutAvis.EN_ATTENTE && dateLimite.isBefore(today);
    }
}
