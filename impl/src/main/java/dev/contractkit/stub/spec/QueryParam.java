package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/**
 * A query or header parameter an operation declares: both arrive as text and are read as the JSON their schema
 * describes ({@link QueryValues}), so one record serves both.
 *
 * @param definition its parameter object in the spec (for its default and any x-contract-kit rule)
 * @param schemaNode its schema as written, $ref followed (a missing node when none)
 * @param schema     compiled; null when the spec gives none
 */
public record QueryParam(String name, JsonNode definition, JsonNode schemaNode, Schema schema, boolean required) {

    /** The rule the spec attaches to this parameter under x-contract-kit, or a missing node. */
    public JsonNode rule(String key) {
        return definition.path("x-contract-kit").path(key);
    }
}
