package fr.communs.base.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stopping with the database down: once every other part has stopped (lowest phase: it stops last, before the beans
 * are destroyed), a direct connection attempt of one second tells whether PostgreSQL answers. If it does not, the pool
 * is closed at once, so that the engine's last writes (metrics, shutdown) fail immediately instead of each waiting
 * the pool's connection timeout: the application stops within a few seconds (issue 11: SIGTERM hung for more than
 * 60 s). With the database up, nothing changes.
 */
@Component
class PoolClosedWhenDatabaseDown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PoolClosedWhenDatabaseDown.class);

    private final DataSource dataSource;
    private volatile boolean running;

    PoolClosedWhenDatabaseDown(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        HikariDataSource pool = pool();
        if (pool == null || pool.isClosed() || answers(pool)) {
            return;
        }
        log.warn("Arrêt avec la base de données injoignable : le pool de connexions est fermé tout de suite.");
        pool.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    private HikariDataSource pool() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** A fresh connection (not from the pool, which would wait its full timeout), one second at most. */
    private static boolean answers(HikariDataSource pool) {
        if (pool.getJdbcUrl() == null) {
            return true;
        }
        Properties props = new Properties();
        props.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            props.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            props.setProperty("password", pool.getPassword());
        }
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "1");
        props.setProperty("socketTimeout", "1");
        try (Connection ignored = DriverManager.getConnection(pool.getJdbcUrl(), props)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
