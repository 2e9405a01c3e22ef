package dev.contractkit.stub.ratelimit;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The vendors' token buckets in the shared sandbox's database, so a limit holds across replicas: one row a vendor,
 * taken from by one database function (rate_bucket_take, in the schema's migration) that holds the row while it
 * refills by the database's clock and takes a token. (Bucket4j's PostgreSQL backend is not published for the
 * Java 17 build of the version the stub uses; this is the same greedy refill in a few lines of SQL.)
 */
public final class PostgresBuckets implements TokenBuckets {

    private final Database db;

    public PostgresBuckets(Database db) {
        this.db = db;
    }

    @Override
    public Taken take(Vendor vendor, long perSecond, long burst) {
        return db.autoCommit(c -> {
            try (PreparedStatement take = c.prepareStatement("select * from rate_bucket_take(?, ?, ?)")) {
                take.setString(1, vendor.prefix());
                take.setDouble(2, burst);
                take.setDouble(3, perSecond);
                try (ResultSet row = take.executeQuery()) {
                    row.next();
                    boolean consumed = row.getBoolean(1);
                    double available = row.getDouble(3);
                    long nanosToWait = consumed ? 0 : (long) Math.ceil((1 - available) / perSecond * 1e9);
                    return new Taken(consumed, (long) Math.floor(row.getDouble(2)), nanosToWait);
                }
            }
        });
    }

    @Override
    public long available(Vendor vendor, long perSecond, long burst) {
        return db.autoCommit(c -> {
            try (PreparedStatement read = c.prepareStatement("select least(?, tokens + extract(epoch from"
                    + " greatest(clock_timestamp(), refilled_at) - refilled_at) * ?) from rate_bucket where vendor = ?")) {
                read.setDouble(1, burst);
                read.setDouble(2, perSecond);
                read.setString(3, vendor.prefix());
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? (long) Math.floor(row.getDouble(1)) : burst;
                }
            }
        });
    }

    @Override
    public void reset() {
        db.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from rate_bucket")) {
                return delete.executeUpdate();
            }
        });
    }
}
