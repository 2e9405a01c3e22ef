package dev.contractkit.stub.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.engine.Collection;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.store.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What Layer's data cannot say: a write's {@code tags} ([{key, value}]) replace the item's
 * {@code transaction_tags}, each with an id, its timestamps and dimension ids stable per business and key.
 */
public final class LayerTags implements Engine.WriteRule {

    @Override
    public void apply(Collection collection, String scope, JsonNode sent, ObjectNode item) {
        if (sent != null && sent.get("tags") instanceof ArrayNode tags) {
            item.set("transaction_tags", transactionTags(scope, tags));
        }
    }

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
}
