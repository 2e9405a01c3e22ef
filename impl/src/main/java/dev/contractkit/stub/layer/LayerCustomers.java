package dev.contractkit.stub.layer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.store.CustomerStore;
import dev.contractkit.stub.store.Timestamps;
import dev.contractkit.layer.server.model.Customer;
import dev.contractkit.layer.server.model.CustomerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Layer's customers: scoped by business, external_id unique within one, tags replacing transaction_tags. */
public final class LayerCustomers {

    public static final String SCHEMA = "/components/schemas/Customer";
    private static final List<String> NULLABLE_FIELDS = List.of("external_id", "individual_name", "company_name",
            "email", "mobile_phone", "office_phone", "address_string", "notes");

    private final CustomerStore store;

    public LayerCustomers(CustomerStore store) {
        this.store = store;
    }

    public static CustomerStore newStore() {
        return new CustomerStore("external_id");
    }

    /** Merges the body's fields as Vayu's do; "tags", when present, replaces the customer's tags. */
    public CustomerResponse update(String businessId, String customerId, ObjectNode fields) {
        if (!store.hasScope(businessId)) {
            throw new StubException(ErrorKind.OWNER_NOT_FOUND, "Business " + businessId + " not found");
        }
        JsonNode tags = fields.remove("tags");
        ObjectNode updated = store.update(businessId, customerId, customer -> {
            customer.setAll(fields);
            if (tags != null) {
                customer.set("transaction_tags", transactionTags(businessId, (ArrayNode) tags));
            }
            return customer;
        }).orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "Customer " + customerId + " not found"));
        try {
            return new CustomerResponse().data(Vendor.LAYER.json().treeToValue(updated, Customer.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Layer customer does not fit the generated model", e);
        }
    }

    /** Each new tag gets an id and the documented fields; its dimension ids are stable per key and value. */
    private static ArrayNode transactionTags(String businessId, ArrayNode tags) {
        ArrayNode result = tags.arrayNode();
        String now = Timestamps.now();
        for (JsonNode tag : tags) {
            String key = tag.path("key").asText();
            String value = tag.path("value").asText();
            result.addObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("key", key)
                    .put("value", value)
                    .put("dimension_display_name", key)
                    .put("value_display_name", value)
                    .put("dimension_id", nameUuid(businessId + "/" + key))
                    .put("definition_id", nameUuid(businessId + "/" + key + "=" + value))
                    .put("created_at", now)
                    .put("updated_at", now)
                    .putNull("deleted_at")
                    .putNull("archived_at");
        }
        return result;
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A customer as seeded, completed with what every Layer customer has (type, id, status, tags, nulls). */
    public static ObjectNode complete(ObjectNode customer) {
        ObjectNode complete = customer.deepCopy();
        complete.put("type", "CustomerData");
        if (!complete.hasNonNull("id")) {
            complete.put("id", UUID.randomUUID().toString());
        }
        NULLABLE_FIELDS.forEach(field -> {
            if (!complete.has(field)) {
                complete.putNull(field);
            }
        });
        if (!complete.has("status")) {
            complete.put("status", "ACTIVE");
        }
        if (!complete.has("transaction_tags")) {
            complete.putArray("transaction_tags");
        }
        return complete;
    }
}
