package dev.contractkit.stub.vayu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.store.CustomerStore;
import dev.contractkit.stub.store.Timestamps;
import dev.contractkit.vayu.server.model.UpdateCustomerResponse;
import dev.contractkit.vayu.server.model.UpdateCustomerResponseCustomer;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Vayu's customers: one scope, externalId unique across it, updatedAt moved on every update. */
public final class VayuCustomers {

    public static final String SCOPE = "";
    public static final String SCHEMA = "/components/schemas/UpdateCustomerResponse/properties/customer";

    private final CustomerStore store;

    public VayuCustomers(CustomerStore store) {
        this.store = store;
    }

    public static CustomerStore newStore() {
        return new CustomerStore("externalId");
    }

    /** Merges the body's fields: present ones overwrite, null clears, absent ones keep their value. */
    public UpdateCustomerResponse update(String id, ObjectNode fields) {
        ObjectNode updated = store.update(SCOPE, id, customer -> {
            customer.setAll(fields);
            customer.put("updatedAt", Timestamps.after(customer.path("updatedAt").asText(null)));
            return customer;
        }).orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "Customer with id " + id + " not found"));
        try {
            return new UpdateCustomerResponse().customer(
                    Vendor.VAYU.json().treeToValue(updated, UpdateCustomerResponseCustomer.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Vayu customer does not fit the generated model", e);
        }
    }

    /** A customer as seeded, completed with what Vayu always has: a 24-hex id and both timestamps. */
    public static ObjectNode complete(ObjectNode customer) {
        ObjectNode complete = customer.deepCopy();
        if (!complete.hasNonNull("id")) {
            byte[] id = new byte[12];
            new SecureRandom().nextBytes(id);
            complete.put("id", HexFormat.of().formatHex(id));
        }
        String now = Timestamps.now();
        if (!complete.hasNonNull("createdAt")) {
            complete.put("createdAt", now);
        }
        if (!complete.hasNonNull("updatedAt")) {
            complete.put("updatedAt", complete.get("createdAt").asText());
        }
        return complete;
    }
}
