package fr.communs.comite.contribution;

import java.time.LocalDate;

/**
 * What an agent types to record a contribution proposed by the comité to a file.
 *
 * @param contributeur who gives
 * @param membreId     the comité member whose organisation gives (for {@link ContributeurComite#ORGANISATION_MEMBRE})
 * @param structureId  the structure of the directory that gives (for {@link ContributeurComite#STRUCTURE})
 * @param datePrevue   when it is expected, optional, never in the past
 * @param seanceId     the séance where the comité proposed it, optional (the file must be on its agenda)
 */
public record ContributionComiteData(ContributeurComite contributeur, Long membreId, Long structureId,
                                     TypeContributionComite type, String description, LocalDate datePrevue,
                                     Long seanceId) {
}
