package dev.contractkit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The default customer of a vendor on a running stub, as the update tests see it: the URL to PUT to, the
 * customer as stored (read from the stub's state, not through the API), and how a sent field shows there.
 */
record UpdateTarget(StubServer stub, Vendor vendor) {

    static final String VAYU_ID = "5f1d7c2b9a3e4b5c6d7e8f90";
    static final String LAYER_ID = "4f7c1b16-e057-4ec0-8b20-50308ba5b9ea";

    /** Where a PUT updates the customer. */
    String url() {
        return stub.url(vendor) + (vendor == Vendor.VAYU ? StubHttp.VAYU_CUSTOMER : StubHttp.LAYER_CUSTOMER);
    }

    /** The path template of the customers' collection, as the store files them. */
    String collection() {
        return vendor == Vendor.VAYU ? "/customers" : "/v1/businesses/{business_id}/customers";
    }

    /** The customer's scope in the store: Layer's business, "" for Vayu. */
    String scope() {
        return vendor == Vendor.VAYU ? "" : StubHttp.LAYER_BUSINESS;
    }

    /** The customer as the stub holds it now (stored objects are never mutated, so this is a snapshot). */
    ObjectNode stored() {
        String path = vendor == Vendor.VAYU ? StubHttp.VAYU_CUSTOMER : StubHttp.LAYER_CUSTOMER;
        return stub.state().stored(vendor, path)
                .orElseThrow(() -> new AssertionError(vendor + " customer " + path + " is gone"));
    }

    /**
     * A request field as it shows in a stored customer. Every field is stored under its own name, as sent,
     * but Layer's {@code tags}: they replace {@code transaction_tags}, each tag getting an id and timestamps,
     * so both sides are compared by key and value only.
     */
    JsonNode storedField(ObjectNode stored, String field) {
        return isLayerTags(field) ? keysAndValues(stored.get("transaction_tags")) : stored.get(field);
    }

    /** What {@link #storedField} must equal once {@code sent} was accepted for {@code field}. */
    JsonNode expectedField(String field, JsonNode sent) {
        return isLayerTags(field) ? keysAndValues(sent) : sent;
    }

    private boolean isLayerTags(String field) {
        return vendor == Vendor.LAYER && field.equals("tags");
    }

    private static JsonNode keysAndValues(JsonNode tags) {
        if (tags == null || !tags.isArray()) {
            return tags;
        }
        ArrayNode pairs = JsonNodeFactory.instance.arrayNode();
        tags.forEach(tag -> {
            ObjectNode pair = pairs.addObject();
            pair.set("key", tag.get("key"));
            pair.set("value", tag.get("value"));
        });
        return pairs;
    }
}
