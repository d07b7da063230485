package fr.communs.campagne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A collectivité's appel à communs: its territory (the Gard = département 30), its deposit deadline and
 * its défis are settings, so another collectivité can run its own appel.
 */
public record Campagne(long id, String nom, String collectivite, String territoireNom, String territoireCode,
                       OffsetDateTime dateLimiteDepot, LocalDate dateComite, List<Defi> defis) {

    public boolean depotOuvert(OffsetDateTime now) {
        return now.isBefore(dateLimiteDepot);
    }
}
