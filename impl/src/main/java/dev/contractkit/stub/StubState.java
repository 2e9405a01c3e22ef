package dev.contractkit.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.fault.Faults;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.fault.RateLimits;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.layer.LayerCustomers;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.store.CustomerStore;
import dev.contractkit.stub.store.StubData;
import dev.contractkit.stub.vayu.VayuCustomers;
import java.util.List;
import java.util.Map;

/** Everything a stub remembers, and what a reset goes back to. */
public final class StubState {

    final OpenApiSpec vayuSpec = OpenApiSpec.load(Vendor.VAYU.prefix());
    final OpenApiSpec layerSpec = OpenApiSpec.load(Vendor.LAYER.prefix());
    final CustomerStore vayu = VayuCustomers.newStore();
    final CustomerStore layer = LayerCustomers.newStore();
    final Journal journal;
    final Faults faults = new Faults();
    final RateLimits rateLimits;
    private final StubData loaded;

    StubState(java.nio.file.Path dataFile, int journalSize, RateLimits rateLimits) {
        this.loaded = dataFile == null ? StubData.embedded(vayuSpec, layerSpec) : StubData.load(dataFile, vayuSpec, layerSpec);
        this.journal = new Journal(journalSize);
        this.rateLimits = rateLimits;
        reset(true);
    }

    /** Back to the loaded data (or to no customers), with no journal, no faults and full rate-limit buckets. */
    public void reset(boolean toLoadedData) {
        vayu.replaceAll(toLoadedData ? loaded.vayu() : Map.of(VayuCustomers.SCOPE, List.<ObjectNode>of()));
        layer.replaceAll(toLoadedData ? loaded.layer() : Map.of());
        journal.clear();
        faults.clear();
        rateLimits.reset();
    }

    /**
     * Stores a customer given in its vendor's response shape (id given or generated), completed like loaded
     * data and checked against the vendor's schema; a Layer business is created if needed.
     */
    public ObjectNode seed(Vendor vendor, String scope, ObjectNode given) {
        ObjectNode customer = vendor.complete(given);
        List<Violation> violations = RequestValidator.check(spec(vendor).schemaAt(vendor.customerSchema()), customer,
                "customer");
        if (!violations.isEmpty()) {
            throw new StubException(ErrorKind.INVALID_REQUEST,
                    "The customer does not fit " + vendor.prefix() + "'s spec", violations);
        }
        return store(vendor).put(scope, customer);
    }

    public CustomerStore store(Vendor vendor) {
        return vendor == Vendor.VAYU ? vayu : layer;
    }

    public OpenApiSpec spec(Vendor vendor) {
        return vendor == Vendor.VAYU ? vayuSpec : layerSpec;
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }
}
