package dev.contractkit.stub.support;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The default customer of a vendor on a running stub, as the update tests see it: the URL to PUT to, the
 * customer as stored (read from the stub's state, not through the API), and how a sent field shows there.
 */
public record UpdateTarget(StubServer stub, Vendor vendor) {


    /** Where a PUT updates the customer. */
    public String url() {
        return stub.url(vendor) + (vendor == Vendor.VAYU ? DefaultData.VAYU_CUSTOMER : DefaultData.LAYER_CUSTOMER);
    }

    /** The path template of the customers' collection, as the store files them. */
    public String collection() {
        return vendor == Vendor.VAYU ? "/customers" : "/v1/businesses/{business_id}/customers";
    }

    /** The customer's scope in the store: Layer's business, "" for Vayu. */
    public String scope() {
        return vendor == Vendor.VAYU ? "" : DefaultData.LAYER_BUSINESS_ID;
    }

    /** The customer as the stub holds it now (stored objects are never mutated, so this is a snapshot). */
    public ObjectNode stored() {
        String path = vendor == Vendor.VAYU ? DefaultData.VAYU_CUSTOMER : DefaultData.LAYER_CUSTOMER;
        return stub.state().stored(vendor, path)
                .orElseThrow(() -> new AssertionError(vendor + " customer " + path + " is gone"));
    }

    /**
     * A request field as it shows in a stored customer. Every field is stored under its own name, as sent,
     * but Layer's {@code tags}: they replace {@code transaction_tags}, each tag getting an id and timestamps,
     * so both sides are compared by key and value only.
     */
    public JsonNode storedField(ObjectNode stored, String field) {
        return isLayerTags(field) ? keysAndValues(stored.get("transaction_tags")) : stored.get(field);
    }

    /** What {@link #storedField} must equal once {@code sent} was accepted for {@code field}. */
    public JsonNode expectedField(String field, JsonNode sent) {
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
