package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An absent property is its documented default, at any depth, through $ref, allOf and items; nothing else is added. */
class SchemaDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void absentPropertiesGetTheirDocumentedDefaultsOnly() throws Exception {
        JsonNode document = JSON.readTree("""
                {"components":{"schemas":{
                  "User":{"allOf":[{"$ref":"#/components/schemas/Base"},
                    {"properties":{"banned":{"type":"boolean","default":false},"tags":{"type":"array",
                      "items":{"properties":{"kind":{"type":"string","default":"plain"}}}}}}]},
                  "Base":{"properties":{"id":{"type":"string"},"env":{"type":"string","default":"production"}}}}}}""");
        JsonNode schema = JSON.readTree("{\"$ref\":\"#/components/schemas/User\"}");

        JsonNode filled = SchemaDefaults.filled(document, schema,
                JSON.readTree("{\"id\":\"u1\",\"banned\":true,\"tags\":[{},{\"kind\":\"x\"}]}"));

        assertEquals(JSON.readTree("{\"id\":\"u1\",\"banned\":true,\"env\":\"production\","
                + "\"tags\":[{\"kind\":\"plain\"},{\"kind\":\"x\"}]}"), filled);
    }
}
