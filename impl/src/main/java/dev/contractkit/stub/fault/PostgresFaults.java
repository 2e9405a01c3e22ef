package dev.contractkit.stub.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.spec.Json;
import dev.contractkit.stub.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults of a shared sandbox, in its database: armed through any replica, taken by whichever replica gets the
 * request. A use is taken by one UPDATE of the fault's row, which the database runs one at a time, so a fault armed
 * for {@code times} requests answers exactly that many across all replicas. A delay drawn from a seed is drawn by
 * each replica's own generator.
 */
public final class PostgresFaults implements Faults {

    private static final ObjectMapper JSON = Json.mapper(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final Database db;
    /** Each fault's delay generator, per replica: seeded ones repeat their sequence here. */
    private final Map<String, ArmedFault> drawn = new ConcurrentHashMap<>();

    public PostgresFaults(Database db) {
        this.db = db;
    }

    @Override
    public Fault arm(Fault fault) {
        Faults.check(fault);
        return db.autoCommit(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into fault (seq, id, vendor, operation, spec, remaining)"
                    + " select n, 'fault-' || n, ?, ?, ?::jsonb, ? from (select nextval(pg_get_serial_sequence('fault', 'seq')) n) next"
                    + " returning id")) {
                insert.setString(1, fault.getVendor().toString());
                insert.setString(2, fault.getOperation());
                insert.setString(3, json(fault));
                if (fault.getTimes() == null) {
                    insert.setNull(4, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(4, fault.getTimes());
                }
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    fault.setId(row.getString(1));
                }
            }
            return fault.remaining(fault.getTimes());
        });
    }

    @Override
    public boolean none() {
        return false; // another replica may have armed one: take() asks the database
    }

    @Override
    public Optional<ArmedFault> take(String vendor, String operation) {
        return db.autoCommit(c -> {
            try (PreparedStatement update = c.prepareStatement("update fault set remaining = remaining - 1"
                    + " where seq = (select seq from fault where vendor = ? and (operation is null or operation = ?)"
                    + " and (remaining is null or remaining > 0) order by seq limit 1 for update)"
                    + " returning id, spec::text")) {
                update.setString(1, vendor);
                update.setString(2, operation);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String id = row.getString(1);
                    String spec = row.getString(2);
                    return Optional.of(drawn.computeIfAbsent(id, k -> new ArmedFault(fault(spec).id(id))));
                }
            }
        });
    }

    @Override
    public List<Fault> list() {
        return db.autoCommit(c -> {
            List<Fault> faults = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select id, spec::text, remaining from fault"
                    + " where remaining is null or remaining > 0 order by seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    faults.add(fault(rows.getString(2)).id(rows.getString(1)).remaining((Integer) rows.getObject(3)));
                }
            }
            return faults;
        });
    }

    @Override
    public boolean clear(String id) {
        drawn.remove(id);
        return db.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from fault where id = ? and (remaining is null or remaining > 0)")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void clear() {
        drawn.clear();
        db.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from fault")) {
                return delete.executeUpdate();
            }
        });
    }

    private static String json(Fault fault) {
        try {
            return JSON.writeValueAsString(fault);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fault fault(String json) {
        try {
            return JSON.readValue(json, Fault.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fault in the store does not read", e);
        }
    }
}
