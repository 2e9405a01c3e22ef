package dev.contractkit.stub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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
            return Optional.ofNullable(work.apply(new PostgresScope(c, collection, scope)));
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

    /** One scope's items, read and written on the connection of the transaction that holds its lock. */
    private final class PostgresScope implements Scope {
        private static final String SCOPE = " from resource where vendor = ? and collection = ? and scope = ?";

        private final Connection c;
        private final String collection;
        private final String scope;

        PostgresScope(Connection c, String collection, String scope) {
            this.c = c;
            this.collection = collection;
            this.scope = scope;
        }

        @Override
        public ObjectNode get(String id) {
            List<ObjectNode> found = select("select body" + SCOPE + " and id = ?", id);
            return found.isEmpty() ? null : found.get(0);
        }

        @Override
        public List<ObjectNode> items() {
            return select("select body" + SCOPE + " order by seq");
        }

        @Override
        public ObjectNode find(String field, JsonNode value) {
            List<ObjectNode> found = select("select body" + SCOPE + " and body -> ? = ?::jsonb order by seq limit 1",
                    field, value.toString());
            return found.isEmpty() ? null : found.get(0);
        }

        /** One statement, one round trip under the lock: stored unless another item holds a unique field's value. */
        @Override
        public ObjectNode put(String id, ObjectNode item, List<String> uniqueFields, String noun) {
            List<String> values = new java.util.ArrayList<>(List.of(id, item.toString(), vendor, collection, scope, id));
            List<String> taken = new java.util.ArrayList<>();
            for (String field : uniqueFields) {
                JsonNode value = item.get(field);
                if (value != null && !value.isNull()) {
                    taken.add("body -> ? = ?::jsonb");
                    values.add(field);
                    values.add(value.toString());
                }
            }
            String unlessTaken = taken.isEmpty() ? "" : " where not exists (select 1 from resource where vendor = ?"
                    + " and collection = ? and scope = ? and id <> ? and (" + String.join(" or ", taken) + "))";
            int stored = update("insert into resource (vendor, collection, scope, id, body) select ?, ?, ?, ?, ?::jsonb"
                    + unlessTaken + " on conflict (vendor, collection, scope, id) do update set body = excluded.body",
                    (taken.isEmpty() ? values.subList(0, 2) : values).toArray(String[]::new));
            if (stored == 0) {
                throw taken(id, item, uniqueFields, noun);
            }
            return item;
        }

        /** The 409 naming the first unique field another item holds. */
        private RuntimeException taken(String id, ObjectNode item, List<String> uniqueFields, String noun) {
            for (String field : uniqueFields) {
                JsonNode value = item.get(field);
                if (value != null && !value.isNull() && !select("select body" + SCOPE
                        + " and id <> ? and body -> ? = ?::jsonb limit 1", id, field, value.toString()).isEmpty()) {
                    return ResourceStore.taken(noun, field, value);
                }
            }
            return new IllegalStateException("an item was not stored, and no unique field of it is taken");
        }

        @Override
        public ObjectNode remove(String id) {
            List<ObjectNode> removed = select("delete" + SCOPE + " and id = ? returning body", id);
            return removed.isEmpty() ? null : removed.get(0);
        }

        private List<ObjectNode> select(String sql, String... values) {
            try (PreparedStatement statement = prepared(sql, values); ResultSet rows = statement.executeQuery()) {
                List<ObjectNode> items = new java.util.ArrayList<>();
                while (rows.next()) {
                    items.add(ordered((ObjectNode) JSON.readTree(rows.getString(1))));
                }
                return items;
            } catch (SQLException e) {
                throw Database.failed(e);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an item in the store is not JSON", e);
            }
        }

        private int update(String sql, String... values) {
            try (PreparedStatement statement = prepared(sql, values)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw Database.failed(e);
            }
        }

        private PreparedStatement prepared(String sql, String... values) throws SQLException {
            PreparedStatement statement = c.prepareStatement(sql);
            where(statement, collection, scope);
            for (int i = 0; i < values.length; i++) {
                statement.setString(4 + i, values[i]);
            }
            return statement;
        }

        /** The item's fields in its schema's order, then the rest as stored. */
        private ObjectNode ordered(ObjectNode stored) {
            ObjectNode item = JSON.createObjectNode();
            for (String field : fieldOrder.apply(collection)) {
                JsonNode value = stored.get(field);
                if (value != null) {
                    item.set(field, value);
                }
            }
            stored.fields().forEachRemaining(field -> {
                if (!item.has(field.getKey())) {
                    item.set(field.getKey(), field.getValue());
                }
            });
            return item;
        }
    }
}
