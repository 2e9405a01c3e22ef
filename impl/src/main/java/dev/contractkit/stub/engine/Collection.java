package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A collection the spec's paths describe: /customers and its item /customers/{customerId}, or
 * /v1/businesses/{business_id}/customers, scoped by the path parameters before it (the business).
 *
 * @param template    the collection's path template, which is also its key: two collections of the same
 *                    name under different paths are apart
 * @param noun        what one item is called in messages ("Customer")
 * @param scopeParams the path parameters that scope it, outermost first
 * @param idParam     the item path's parameter ("customerId")
 * @param idSchema    that parameter's schema, which new ids fit
 * @param itemSchema  an item as the vendor answers it
 * @param source      the pointer of the operation whose answer shows an item (its GET), which a seeded or
 *                    loaded item is checked against
 * @param rules       the x-contract-kit object of the collection's path item (unique, upsertOn, aliases,
 *                    listHides), or a missing node
 */
public record Collection(String template, String noun, List<String> scopeParams, String idParam, JsonNode idSchema,
        JsonNode itemSchema, String source, JsonNode rules) {

    /** The path template of one item. */
    public String itemTemplate() {
        return template + "/{" + idParam + "}";
    }

    /** The item's field that holds its id: x-contract-kit idField, else "id". */
    public String idField() {
        return rules.path("idField").asText("id");
    }

    /** The fields no two items of a scope may share. */
    public List<String> uniqueFields() {
        return texts(rules.path("unique"));
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
