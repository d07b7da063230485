package fr.communs.assemblee;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The subsidy the Assemblée voted for a commun (public) and the date of the séance. */
public record SubventionVotee(BigDecimal montant, LocalDate dateSeance) {
}
