package dev.contractkit.stub.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The journal of every replica of a shared sandbox, in its database, in the order the entries were written.
 * Each insert drops what falls beyond the newest {@code capacity} entries in the same statement, so the table
 * stays bounded however long the replicas run.
 */
public final class PostgresJournal implements Journal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final Database db;
    private final int capacity;

    public PostgresJournal(Database db, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journal size must be 0 or more");
        }
        this.db = db;
        this.capacity = capacity;
    }

    @Override
    public void add(Recorded entry) {
        if (capacity == 0) {
            return;
        }
        try {
            insert(entry);
        } catch (dev.contractkit.stub.refusal.StubException unavailable) {
            // The database is away (logged): the request is answered all the same, unjournalled.
        }
    }

    private void insert(Recorded entry) {
        db.autoCommit(c -> {
            try (PreparedStatement insert = c.prepareStatement("with added as (insert into journal (vendor, operation,"
                    + " method, path, headers, body, status, response_body, received_at)"
                    + " values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning seq)"
                    + " delete from journal where seq <= (select seq from added) - ?")) {
                insert.setString(1, entry.vendor());
                insert.setString(2, entry.operation());
                insert.setString(3, entry.method());
                insert.setString(4, entry.path());
                insert.setString(5, JSON.writeValueAsString(entry.headers()));
                insert.setBytes(6, entry.body());
                insert.setInt(7, entry.status());
                insert.setBytes(8, entry.responseBody());
                insert.setTimestamp(9, Timestamp.from(entry.receivedAt()));
                insert.setLong(10, capacity);
                return insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public List<Recorded> find(Predicate<Recorded> filter) {
        return db.autoCommit(c -> {
            List<Recorded> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select seq, vendor, operation, method, path, headers,"
                    + " body, status, response_body, received_at from journal order by seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Recorded entry = new Recorded(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), JSON.readValue(rows.getString(6), HEADERS),
                            rows.getBytes(7), rows.getInt(8), rows.getBytes(9), rows.getTimestamp(10).toInstant());
                    if (filter.test(entry)) {
                        found.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        });
    }

    @Override
    public void clear() {
        db.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from journal")) {
                return delete.executeUpdate();
            }
        });
    }
}
