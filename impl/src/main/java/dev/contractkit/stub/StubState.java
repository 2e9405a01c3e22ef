package dev.contractkit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.engine.ResourceModel;
import dev.contractkit.stub.engine.Seeder;
import dev.contractkit.stub.fault.Faults;
import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.state.StateBackend;
import dev.contractkit.stub.store.JdbcStore;
import dev.contractkit.stub.store.ResourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a stub remembers, and what a reset goes back to: in this process's memory, or (a shared sandbox) in a
 * PostgreSQL database that several replicas share, where it survives their restarts.
 */
public final class StubState implements AutoCloseable {

    /** A vendor's spec, what its operations do, and the resources they keep. */
    public record VendorState(OpenApiSpec spec, ResourceModel model, ResourceStore store, Engine engine, Seeder seeder) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Vendor, VendorState> vendors = new LinkedHashMap<>();
    private final Map<Vendor, Map<String, Map<String, List<ObjectNode>>>> loaded = new LinkedHashMap<>();
    final Journal journal;
    final Faults faults;
    final RateLimits rateLimits;
    /** Memory or the shared sandbox's database, chosen once by {@link StateBackend#open}. */
    private final StateBackend backend;

    /**
     * @param vayuJwtSecret what Vayu's login signs its access tokens with (strict auth's secret, or a random one)
     * @param store         the shared sandbox's database, or null to keep the state in memory
     */
    StubState(Path dataFile, int journalSize, String rateLimits, byte[] vayuJwtSecret, JdbcStore store) {
        JsonNode data = dataFile == null ? embedded() : read(dataFile); // a bad file fails before connecting
        this.backend = StateBackend.open(store);
        try {
            this.journal = backend.journal(journalSize);
            this.faults = backend.faults();
            this.rateLimits = backend.rateLimits(rateLimits);
            load(data, vayuJwtSecret);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void load(JsonNode data, byte[] vayuJwtSecret) {
        for (Vendor vendor : Vendor.packaged()) {
            OpenApiSpec spec = OpenApiSpec.load(vendor.prefix());
            ResourceModel model = ResourceModel.of(spec);
            ResourceStore resources = backend.resources(vendor.prefix(), model::fieldOrder);
            vendors.put(vendor, new VendorState(spec, model, resources,
                    new Engine(spec, model, resources, vendor.writeRule(), vendor.answerRule(vayuJwtSecret), vendor.notFound()),
                    new Seeder(spec, model)));
        }
        data.fieldNames().forEachRemaining(name -> {
            if (Vendor.byPrefix(name) == null) {
                throw new IllegalArgumentException("the data names vendor '" + name + "', which the stub has no spec of; it serves "
                        + vendors.keySet());
            }
        });
        for (Vendor vendor : vendors.keySet()) {
            Map<String, Map<String, List<ObjectNode>>> items = new LinkedHashMap<>();
            try {
                vendors.get(vendor).seeder().walk(data.path(vendor.prefix()), List.of(), List.of(), items);
            } catch (dev.contractkit.stub.refusal.StubException e) {
                throw new IllegalArgumentException("the " + vendor.prefix() + " data does not fit its spec: "
                        + e.getMessage() + " " + e.violations().stream().map(v -> v.param() + " " + v.message()).toList(), e);
            }
            loaded.put(vendor, items);
        }
        backend.loadOnce(() -> reset(true)); // a database that has it already keeps what it holds
    }

    /** For the line a stub prints when it starts: where its state is (never a password). */
    String storeDescription() {
        return backend.location().map(where -> ", state in " + where).orElse("");
    }

    /** Empty while the stub can serve; else why not (its database is away). */
    public java.util.Optional<String> down() {
        return backend.down();
    }

    @Override
    public void close() {
        backend.close();
    }

    /** Back to the loaded data (or to nothing), with no journal, no faults and full rate-limit buckets. */
    public void reset(boolean toLoadedData) {
        vendors.forEach((vendor, state) -> state.store().replaceAll(toLoadedData ? loaded.get(vendor) : Map.of(),
                collection -> state.model().collections().stream().filter(c -> c.template().equals(collection))
                        .findFirst().map(c -> c.idField()).orElse("id")));
        journal.clear();
        faults.clear();
        rateLimits.reset();
    }

    /**
     * Stores an item given in its vendor's answer shape at a collection's path (id given or generated),
     * completed like loaded data and checked against the vendor's spec; a scope (a Layer business) is
     * created if needed.
     */
    public ObjectNode seed(Vendor vendor, String path, JsonNode given) {
        VendorState state = vendor(vendor);
        Seeder.Placed placed = state.seeder().place(path, given);
        var collection = placed.collection();
        return state.store().inScope(collection.template(), placed.scope(), true, s ->
                s.put(placed.item().path(collection.idField()).asText(), placed.item(), collection.uniqueFields(),
                        collection.noun())).orElseThrow();
    }

    /** The item at a path of the vendor's API (/customers/5f1d…), as stored: a snapshot, never mutated. */
    public java.util.Optional<ObjectNode> stored(Vendor vendor, String itemPath) {
        int slash = itemPath.lastIndexOf('/');
        if (slash <= 0) {
            return java.util.Optional.empty();
        }
        Seeder.Placed where = vendor(vendor).seeder().locate(itemPath.substring(0, slash));
        return vendors.get(vendor).store().inScope(where.collection().template(), where.scope(), false,
                s -> s.get(itemPath.substring(slash + 1)));
    }

    public VendorState vendor(Vendor vendor) {
        VendorState state = vendors.get(vendor);
        if (state == null) {
            throw new IllegalArgumentException("no vendor " + vendor + " is served: the stub serves " + vendors.keySet());
        }
        return state;
    }

    /** The vendors this stub serves: one a spec it packages, in name order. */
    public java.util.Set<Vendor> vendors() {
        return java.util.Collections.unmodifiableSet(vendors.keySet());
    }

    public OpenApiSpec spec(Vendor vendor) {
        return vendor(vendor).spec();
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    private static JsonNode embedded() {
        try (InputStream in = StubState.class.getResourceAsStream("/dev/contractkit/stub/default-data.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

}
