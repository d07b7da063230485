package fr.communs.retention;

import java.time.Period;

/**
 * How long each kind of personal data is kept ({@code communs.retention.*} in application.properties; the README's
 * registre des traitements explains each choice).
 *
 * @param compteInactif          an account without a login for this long is anonymised…
 * @param avertissement          …after a mail sent this long before
 * @param compteNonConfirme      an account whose address was never confirmed, after its creation
 * @param messages               messages of a file, after the file's end
 * @param pieces                 attachments of a file without a subsidy, after its end
 * @param piecesSubventionne     attachments of a file that received a subsidy, after its end
 * @param notifications          notifications, after their creation
 * @param courriels              the mails kept by the platform (outbox), after their creation
 * @param jetons                 confirmation and reset links, after their expiry
 */
public record RetentionPeriods(Period compteInactif, Period avertissement, Period compteNonConfirme, Period messages,
                               Period pieces, Period piecesSubventionne, Period notifications, Period courriels,
                               Period jetons) {
}
