package fr.communs.base.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is stopping, a connection is waited for 250 ms at most instead of the pool's 3 s: the engine
 * still writes its metrics and releases its jobs while it stops, and with the database gone each of those would wait
 * the full timeout (the stop took more than 60 s with the pool's former 30 s). With it, a stop takes a few seconds even
 * when the database is down (DatabaseFailureIT).
 */
@Component
class FastShutdown {
    private final ObjectProvider<HikariDataSource> pools;

    FastShutdown(ObjectProvider<HikariDataSource> pools) {
        this.pools = pools;
    }

    @EventListener
    void stopping(ContextClosedEvent event) {
        List<HikariDataSource> all = pools.orderedStream().toList();
        for (HikariDataSource pool : all) {
            if (pool.getHikariConfigMXBean() != null) {
                pool.getHikariConfigMXBean().setConnectionTimeout(250);
            }
        }
    }
}
