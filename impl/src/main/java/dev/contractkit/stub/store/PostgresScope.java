package dev.contractkit.stub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * One scope's items, read and written on the connection of the transaction that holds the scope's lock (see
 * {@link PostgresStore}). Items come back with their fields in their schema's order: jsonb keeps none.
 */
final class PostgresScope implements ResourceStore.Scope {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SCOPE = " from resource where vendor = ? and collection = ? and scope = ?";

    private final Connection c;
    private final String vendor;
    private final String collection;
    private final String scope;
    private final Function<String, List<String>> fieldOrder;

    PostgresScope(Connection c, String vendor, String collection, String scope, Function<String, List<String>> fieldOrder) {
        this.c = c;
        this.vendor = vendor;
        this.collection = collection;
        this.scope = scope;
        this.fieldOrder = fieldOrder;
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
        statement.setString(1, vendor);
        statement.setString(2, collection);
        statement.setString(3, scope);
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
