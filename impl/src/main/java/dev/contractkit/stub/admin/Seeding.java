package dev.contractkit.stub.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.StubState;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.layer.LayerCustomers;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.vayu.VayuCustomers;
import java.util.List;
import java.util.Map;

/** A seeded customer, completed like loaded data and checked against its vendor's response schema. */
final class Seeding {

    static final String VAYU_SCOPE = VayuCustomers.SCOPE;

    private final StubState state;

    Seeding(StubState state) {
        this.state = state;
    }

    ObjectNode seed(Vendor vendor, String scope, Map<String, Object> body) {
        ObjectNode given = vendor.json().valueToTree(body);
        ObjectNode customer = vendor == Vendor.VAYU ? VayuCustomers.complete(given) : LayerCustomers.complete(given);
        String schema = vendor == Vendor.VAYU ? VayuCustomers.SCHEMA : LayerCustomers.SCHEMA;
        List<Violation> violations = RequestValidator.check(state.spec(vendor).schemaAt(schema), customer, "customer");
        if (!violations.isEmpty()) {
            throw new StubException(ErrorKind.INVALID_REQUEST,
                    "The customer does not fit " + vendor.prefix() + "'s spec", violations);
        }
        return state.store(vendor).put(scope, customer);
    }
}
