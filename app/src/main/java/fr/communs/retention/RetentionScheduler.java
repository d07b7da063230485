package fr.communs.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the purge at {@code communs.retention.cron} (every night by default; "-" turns it off). Every node may run
 * it: {@link RetentionService} makes sure only one purges at a time.
 */
@Configuration
@EnableScheduling
class RetentionScheduler {
    private final RetentionService retention;

    RetentionScheduler(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${communs.retention.cron:0 30 3 * * *}", zone = "Europe/Paris")
    void purge() {
        retention.purge();
    }
}
