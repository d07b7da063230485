package fr.communs.assemblee;

import fr.communs.processes.CycleCommunProcess.ResultatVote;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The Assemblée's vote on the proposed subsidy. */
public record VoteAssemblee(ResultatVote resultat, BigDecimal montantVote, LocalDate dateSeance) {
}
