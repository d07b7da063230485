package fr.communs.retention.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One purge at a time across every node sharing the database: a PostgreSQL session-level advisory lock, held on a
 * connection of its own for the whole run (the purge itself commits batch after batch on other connections). The
 * lock is released at the end, or by PostgreSQL if the node dies.
 */
@Component
public class PurgeLock {
    /** The lock's key: "communs-retention" on 64 bits, unlikely to collide with another advisory lock. */
    public static final long KEY = 0x636f6d6d_756e7352L;

    private final DataSource dataSource;

    PurgeLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the action if no other purge holds the lock and returns its result; otherwise returns {@code busy}. */
    public <T> T runAlone(Supplier<T> action, T busy) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?)")) {
                return busy;
            }
            try {
                return action.get();
            } finally {
                call(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de la purge : " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
