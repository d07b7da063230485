package fr.communs.comite.contribution;

import fr.communs.base.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning at {@code communs.comite.contributions.rappels-cron} (8:00, Paris time, by default; "-" turns it off),
 * reminds the contributors and groupements of the comité's contributions whose expected date has passed. Several nodes
 * may run it: the rows being reminded are locked and skipped by the others, and each is reminded once.
 */
@Component
class RappelsContributionsComite {
    private static final Logger log = LoggerFactory.getLogger(RappelsContributionsComite.class);
    private final ContributionComiteService contributions;

    RappelsContributionsComite(ContributionComiteService contributions) {
        this.contributions = contributions;
    }

    @Scheduled(cron = "${communs.comite.contributions.rappels-cron:0 0 8 * * *}", zone = "Europe/Paris")
    void remind() {
        int count = contributions.sendReminders(Dates.today());
        if (count > 0) {
            log.info("Rappels des contributions du comité : {} contribution(s) dont la date prévue est passée.", count);
        }
    }
}
