package fr.communs.base.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Migrations run without the pool's statement and lock timeouts (set for users' requests by the connection's
 * {@code options}, see application.properties): a migration on a large table may take minutes. The connections Flyway
 * borrows get {@code statement_timeout = 0} and {@code lock_timeout = 0}, and are given back to the pool with both
 * reset to the connection's own settings.
 */
@Component
class FlywayWithoutTimeouts implements FlywayConfigurationCustomizer {
    private static final Logger log = LoggerFactory.getLogger(FlywayWithoutTimeouts.class);

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool != null) {
            configuration.dataSource(new NoTimeouts(pool));
        }
    }

    static final class NoTimeouts extends DelegatingDataSource {
        NoTimeouts(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return withoutTimeouts(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return withoutTimeouts(super.getConnection(username, password));
        }

        private static Connection withoutTimeouts(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SET statement_timeout = 0");
                s.execute("SET lock_timeout = 0");
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if ("close".equals(method.getName()) && (args == null || args.length == 0)) {
                            restore(connection);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static void restore(Connection connection) {
            try {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    try (Statement s = connection.createStatement()) {
                        s.execute("RESET statement_timeout");
                        s.execute("RESET lock_timeout");
                    }
                }
            } catch (SQLException e) {
                log.warn("Délais de la connexion non rétablis après la migration ; connexion écartée du pool", e);
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // closed anyway
                }
            }
        }
    }
}
