package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A vendor's resources in PostgreSQL, shared by every replica on the database. A scope's lock is a transaction-
 * scoped advisory lock on the scope's name, so writers on any replica go one at a time exactly as the memory
 * store's {@code synchronized} makes them; {@code work} runs in that transaction, which a refusal rolls back.
 * Items are stored as the vendor's JSON (jsonb), which keeps no key order: read back, an item's fields come in
 * the order its schema declares them (then any others), whatever replica wrote it.
 */
public final class PostgresStore implements ResourceStore {

    private final Database db;
    private final String vendor;
    private final Function<String, List<String>> fieldOrder;
    private final Map<String, List<String>> fieldOrders = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param fieldOrder a collection's item fields in the order its schema declares them */
    public PostgresStore(Database db, String vendor, Function<String, List<String>> fieldOrder) {
        this.db = db;
        this.vendor = vendor;
        this.fieldOrder = collection -> fieldOrders.computeIfAbsent(collection, fieldOrder);
    }

    @Override
    public <T> Optional<T> inScope(String collection, String scope, boolean create, Function<Scope, T> work) {
        return db.transaction(c -> {
            if (!lockedAndExists(c, collection, scope) && !(create && made(c, collection, scope))) {
                return Optional.empty();
            }
            return Optional.ofNullable(work.apply(new PostgresScope(c, vendor, collection, scope, fieldOrder)));
        });
    }

    @Override
    public boolean hasScope(String collection, String scope) {
        return db.autoCommit(c -> exists(c, collection, scope));
    }

    @Override
    public void replaceAll(Map<String, Map<String, List<ObjectNode>>> items, Function<String, String> idField) {
        db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from resource_scope where vendor = ?")) {
                delete.setString(1, vendor);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into resource (vendor, collection, scope, id, body) values (?, ?, ?, ?, ?::jsonb)")) {
                for (var collection : items.entrySet()) {
                    for (var scope : collection.getValue().entrySet()) {
                        made(c, collection.getKey(), scope.getKey());
                        for (ObjectNode item : scope.getValue()) {
                            where(insert, collection.getKey(), scope.getKey());
                            insert.setString(4, item.path(idField.apply(collection.getKey())).asText());
                            insert.setString(5, item.toString());
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Map<String, Integer>> counts() {
        return db.autoCommit(c -> {
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            try (PreparedStatement count = c.prepareStatement("select s.collection, s.scope, count(r.id) from resource_scope s"
                    + " left join resource r using (vendor, collection, scope) where s.vendor = ?"
                    + " group by s.collection, s.scope order by s.collection, s.scope")) {
                count.setString(1, vendor);
                try (ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getInt(3));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Takes the scope's lock until the transaction ends, and says whether the scope exists, in one round trip: every
     * writer of the scope waits here, so the fewer trips under the lock, the more requests a second.
     */
    private boolean lockedAndExists(Connection c, String collection, String scope) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(? || chr(10) || ?"
                + " || chr(10) || ?, 0)), exists (select 1 from resource_scope where vendor = ? and collection = ? and scope = ?)")) {
            where(lock, collection, scope);
            lock.setString(4, vendor);
            lock.setString(5, collection);
            lock.setString(6, scope);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(2);
            }
        }
    }

    private boolean exists(Connection c, String collection, String scope) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select 1 from resource_scope where vendor = ? and collection = ? and scope = ?")) {
            where(select, collection, scope);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private boolean made(Connection c, String collection, String scope) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into resource_scope (vendor, collection, scope) values (?, ?, ?) on conflict do nothing")) {
            where(insert, collection, scope);
            insert.executeUpdate();
            return true;
        }
    }

    private void where(PreparedStatement statement, String collection, String scope) throws SQLException {
        statement.setString(1, vendor);
        statement.setString(2, collection);
        statement.setString(3, scope);
    }
}
