package dev.contractkit.stub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database a shared sandbox keeps its state in: a pool of connections (each request takes one;
 * the pool replaces connections a database that went away broke, so the stub serves again once it is back),
 * the schema migrated by Flyway at start (V1__... beside this class's resources), and transactions.
 * A database that cannot be reached is the vendor's 503, never a 500.
 */
public final class Database implements AutoCloseable {

    /** What a vendor's client reads when the database is away; the reason is in the log and in /__admin/health. */
    public static final String UNAVAILABLE = "The service is temporarily unavailable; try again shortly";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** While the database is away every request fails: one line every 10 s says so, not one a request. */
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong lastWarned = new java.util.concurrent.atomic.AtomicLong();

    static {
        // Flyway names the database URL at INFO; the pool logs a stack trace for every connection an outage breaks.
        quiet("org.flywaydb", "warn");
        quiet("com.zaxxer.hikari", "error");
    }

    private static void quiet(String logger, String level) {
        if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, level);
        }
    }

    /** Work on one connection, which may throw SQL's checked exception. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String where;

    private Database(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** Connects (failing fast with a message naming the database, never its password) and migrates the schema. */
    public static Database open(JdbcStore store) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("contract-kit-store");
        config.setJdbcUrl(store.url());
        config.setUsername(store.user());
        config.setPassword(store.password());
        config.setMaximumPoolSize(24);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("connectTimeout", "2");
        // A database that stops answering without closing the connection is a 503 after 30 s, not a request hung
        // for ever (a request waits for its scope's lock a few milliseconds a writer ahead of it).
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", "contract-kit-stub");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot connect to the store " + store.described() + ": " + reason(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:dev/contractkit/stub/db").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalArgumentException("cannot migrate the store " + store.described() + ": " + reason(e), e);
        }
        return new Database(pool, store.described());
    }

    /** {@code work} in one transaction: committed when it returns, rolled back when it throws, so a refusal changes nothing. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** {@code work} on a connection in auto-commit: each statement its own transaction. */
    public <T> T autoCommit(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Runs {@code load} once in the database's life: on the first start against it, when several replicas start
     * together too (the first takes a lock the others wait on, then find the data loaded).
     */
    public void loadOnce(Runnable load) {
        autoCommit(c -> {
            try (Statement sql = c.createStatement()) {
                sql.execute("select pg_advisory_lock(hashtextextended('contract-kit: load data', 0))");
                try (var loaded = sql.executeQuery("select 1 from sandbox_loaded")) {
                    if (loaded.next()) {
                        return null;
                    }
                }
                load.run();
                sql.execute("insert into sandbox_loaded (loaded_at) values (now())");
                return null;
            } finally {
                try (Statement unlock = c.createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()");
                }
            }
        });
    }

    /** Empty while the database answers; else why not. */
    public Optional<String> down() {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout(2);
            sql.execute("select 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("database " + where + " unavailable: " + reason(e));
        }
    }

    /** A database that cannot be reached is a 503 in the vendor's words; any other SQL failure is a bug (500, logged). */
    public static RuntimeException failed(SQLException e) {
        if (unreachable(e)) {
            long now = System.nanoTime();
            long last = lastWarned.get();
            if (now - last > WARN_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
                LOG.warn("The store's database is unavailable, requests are answered 503: {}", reason(e));
            }
            return new StubException(ErrorKind.UNAVAILABLE, UNAVAILABLE);
        }
        return new IllegalStateException("store failed: " + e.getMessage(), e);
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || state == null
                || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
    }

    /** The innermost message: "Connection to 127.0.0.1:5432 refused", not the pool's wrapper. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int hint = message.indexOf(" Check that the hostname");
        return hint > 0 ? message.substring(0, hint) : message;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** The database and user, never the password. */
    @Override
    public String toString() {
        return where;
    }

    @Override
    public void close() {
        pool.close();
    }
}
