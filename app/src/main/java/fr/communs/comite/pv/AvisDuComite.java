package fr.communs.comite.pv;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the groupement receives of the comité's deliberation on its file: the avis (or the adjournment), its
 * motivation, the réserves, the subsidy proposed to the Assemblée and the contributions proposed. Never a score —
 * neither the members' scores nor their aggregates — nor who scored what. {@code definitif} is false while the
 * séance is not closed (only agents read it then). {@code subventionProposee} is {@code null} for an adjournment.
 */
public record AvisDuComite(long communId, String titre, String porteurNom, OffsetDateTime dateSeance, String avis,
                           String avisLibelle, String motivation, String reserves, BigDecimal subventionProposee,
                           String autresContributions, List<ContributionProposee> contributions, boolean definitif) {

    public AvisDuComite {
        contributions = List.copyOf(contributions);
    }

    /** Whether the comité adjourned the file to a later séance instead of giving an avis. */
    public boolean ajourne() {
        return Libelles.AJOURNE.equals(avis);
    }
}
