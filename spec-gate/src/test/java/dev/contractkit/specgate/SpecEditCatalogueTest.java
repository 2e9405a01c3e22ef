package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of spec edits a user makes, each on a copy of the real specs, with the gate's verdict as a
 * client would feel it: a break fails the gate naming what changed, anything else passes and is in the
 * changelog. None may end in a library's stack trace.
 */
class SpecEditCatalogueTest {

    private static final String LAYER_PUT = "PUT /v1/businesses/{business_id}/customers/{customer_id}";
    private static final String VAYU_PUT = "PUT /customers/{customerId}";

    @TempDir
    Path dir;

    private SpecEdits edits;

    @BeforeEach
    void setUp() {
        edits = new SpecEdits(dir);
    }

    @Test
    void aRequestExampleValueChangedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replaceFirst("notes: This is a note", "notes: This is another note")),
                LAYER_PUT + " request: example documented-example changed");
    }

    @Test
    void aResponseExampleValueChangedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace("    notes: This is a note\n                      status",
                        "    notes: This is another note\n                      status")),
                LAYER_PUT + " response 200: example documented-example changed");
    }

    @Test
    void aDescriptionChangedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace("Name of the individual customer.", "Name of the person.")),
                LAYER_PUT + " request: field individual_name description changed");
    }

    @Test
    void anOptionalRequestFieldAddedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace("        tags:\n          type: array\n",
                        "        memo:\n          type: string\n          nullable: true\n        tags:\n          type: array\n")),
                LAYER_PUT + " request: new optional field memo");
    }

    @Test
    void anOptionalResponseFieldAddedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace(
                        "        status:\n          type: string\n          enum:\n            - ACTIVE",
                        "        loyalty_tier:\n          type: string\n          nullable: true\n"
                                + "        status:\n          type: string\n          enum:\n            - ACTIVE")),
                LAYER_PUT + " response 200: new optional field data.loyalty_tier");
    }

    @Test
    void anOperationAddedPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace("paths:\n",
                        "paths:\n  /v1/whoami:\n    get:\n      operationId: whoAmI\n      responses:\n        '200':\n"
                                + "          description: The caller.\n")),
                "operation GET /v1/whoami added");
    }

    @Test
    void anOperationRemovedBreaks() throws IOException {
        assertBreaks(edits.text("stub-admin.yaml", t -> t.replaceFirst("(?s)  /health:.*?  /reset:", "  /reset:")),
                "stub-admin.yaml: operation GET /health removed");
    }

    @Test
    void aResponseFieldRemovedBreaks() throws IOException {
        assertBreaks(edits.text("vayu.yaml", t -> t.replaceFirst(
                        "(?s)(UpdateCustomerResponse:.*?)            legalName:\\n              type: string\\n              nullable: true\\n"
                                + "              description: The legal name of the customer\\n", "$1")),
                "vayu.yaml: " + VAYU_PUT + " response 200: field customer.legalName removed");
    }

    @Test
    void anEnumValueRemovedFromARequestBreaks() throws IOException {
        assertBreaks(edits.text("vayu.yaml", t -> t.replaceFirst("        - EUR\\n", "")),
                "vayu.yaml: " + VAYU_PUT + " request: field currency enum narrowed: [EUR] removed");
    }

    @Test
    void anEnumValueAddedToAResponseBreaks() throws IOException {
        assertBreaks(edits.text("layer.yaml", t -> t.replace("            - ARCHIVED\n", "            - ARCHIVED\n            - DELETED\n")),
                "layer.yaml: " + LAYER_PUT + " response 200: field data.status enum widened in a response: [DELETED] added");
    }

    @Test
    void aStricterPatternOnARequestBreaks() throws IOException {
        assertBreaks(edits.text("vayu.yaml", t -> t.replace("pattern: ^[0-9a-fA-F]{24}$", "pattern: ^[0-9a-f]{24}$")),
                "vayu.yaml: " + VAYU_PUT + " parameter customerId pattern changed from ^[0-9a-fA-F]{24}$ to ^[0-9a-f]{24}$");
    }

    @Test
    void aPatternReplacedByAFormatIsWordedAsSuch() throws IOException {
        // Vayu's published file has format: email where the seed page's copy has a pattern.
        SpecEdits.Verdict verdict = edits.text("vayu.yaml", t -> t.replaceFirst(
                "(?s)(    Contact:.*?        email:\\n          type: string\\n)          pattern: >-\\n            [^\\n]*\\n",
                "$1          format: email\n"));

        assertBreaks(verdict, "vayu.yaml: " + VAYU_PUT + " request: field contacts[].email format email added");
        assertTrue(verdict.changelog().contains(VAYU_PUT + " request: field contacts[].email pattern ^(?!"), verdict::changelog);
        assertFalse(verdict.changelog().contains("changed type"), verdict::changelog);
    }

    @Test
    void aFormatChangedInAResponseBreaks() throws IOException {
        assertBreaks(edits.text("layer.yaml", t -> t.replace("        created_at:\n          type: string\n          format: date-time",
                        "        created_at:\n          type: string\n          format: date")),
                "layer.yaml: " + LAYER_PUT + " response 200: field data.transaction_tags[].created_at format changed from date-time to date");
    }

    @Test
    void aChangedTypeBreaks() throws IOException {
        assertBreaks(edits.text("layer.yaml", t -> t.replace(
                        "        key:\n          type: string\n          description: The new tag's key",
                        "        key:\n          type: integer\n          description: The new tag's key")),
                "layer.yaml: " + LAYER_PUT + " request: field tags[].key changed type from string to integer");
    }

    @Test
    void aRequiredRequestFieldAddedBreaks() throws IOException {
        assertBreaks(edits.text("layer.yaml", t -> t
                        .replace("        tags:\n          type: array\n",
                                "        region:\n          type: string\n        tags:\n          type: array\n")
                        .replace("      description: >-\n        Every field is optional.",
                                "      required: [region]\n      description: >-\n        Every field is optional.")),
                "layer.yaml: " + LAYER_PUT + " request: new required field region");
    }

    @Test
    void aRequestBodyMadeRequiredBreaks() throws IOException {
        assertBreaks(edits.text("stub-admin.yaml", t -> t.replaceFirst("required: false", "required: true")),
                "stub-admin.yaml: POST /reset: request body now required");
    }

    @Test
    void anInlineSchemaMovedToComponentsPasses() throws IOException {
        assertPasses(edits.tree("vayu.yaml", root -> {
            ObjectNode schemas = (ObjectNode) root.at("/components/schemas");
            ObjectNode properties = (ObjectNode) schemas.at("/UpdateCustomerResponse/properties");
            schemas.set("Customer", properties.get("customer"));
            properties.putObject("customer").put("$ref", "#/components/schemas/Customer");
        }), "schema Customer new in components (a generated class of that name)");
    }

    @Test
    void aRenamedRefPasses() throws IOException {
        assertPasses(edits.text("layer.yaml", t -> t.replace("TagInput", "NewTag")),
                "schema TagInput no longer in components (its generated class goes)");
    }

    @Test
    void aMaxLengthLoweredInARequestBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> layerRequestField(r, "individual_name").put("maxLength", 200),
                        r -> layerRequestField(r, "individual_name").put("maxLength", 100)),
                "layer.yaml: " + LAYER_PUT + " request: field individual_name maxLength 200 → 100");
    }

    @Test
    void aMinLengthRaisedInARequestBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> layerRequestField(r, "individual_name").put("minLength", 1),
                        r -> layerRequestField(r, "individual_name").put("minLength", 2)),
                "layer.yaml: " + LAYER_PUT + " request: field individual_name minLength 1 → 2");
    }

    @Test
    void aMaximumLoweredInARequestBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> creditLimit(r).put("maximum", 1000),
                        r -> creditLimit(r).put("maximum", 500)),
                "layer.yaml: " + LAYER_PUT + " request: field credit_limit maximum 1000 → 500");
    }

    @Test
    void aMinimumRaisedInARequestBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> creditLimit(r).put("minimum", 0),
                        r -> creditLimit(r).put("minimum", 1)),
                "layer.yaml: " + LAYER_PUT + " request: field credit_limit minimum 0 → 1");
    }

    @Test
    void aBoundWidenedInARequestPasses() throws IOException {
        assertPasses(edits.tree("layer.yaml", r -> layerRequestField(r, "individual_name").put("maxLength", 100),
                        r -> layerRequestField(r, "individual_name").put("maxLength", 200)),
                LAYER_PUT + " request: field individual_name maxLength 100 → 200");
    }

    @Test
    void aRequestFieldNoLongerNullableBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> layerRequestField(r, "individual_name").remove("nullable")),
                "layer.yaml: " + LAYER_PUT + " request: field individual_name no longer nullable");
    }

    @Test
    void aResponseFieldMadeNullableBreaks() throws IOException {
        assertBreaks(edits.tree("layer.yaml", r -> ((ObjectNode) r.at("/components/schemas/Customer/properties/id")).put("nullable", true)),
                "layer.yaml: " + LAYER_PUT + " response 200: field data.id now nullable");
    }

    private static ObjectNode layerRequestField(ObjectNode root, String field) {
        return (ObjectNode) root.at("/components/schemas/UpdateCustomerRequest/properties/" + field);
    }

    /** An integer field the Layer fixture lacks, for numeric bounds. */
    private static ObjectNode creditLimit(ObjectNode root) {
        ObjectNode properties = (ObjectNode) root.at("/components/schemas/UpdateCustomerRequest/properties");
        return properties.has("credit_limit") ? (ObjectNode) properties.get("credit_limit")
                : properties.putObject("credit_limit").put("type", "integer");
    }

    private static void assertPasses(SpecEdits.Verdict verdict, String changelogLine) {
        assertEquals(List.of(), verdict.breaks());
        assertTrue(verdict.changelog().contains("- " + changelogLine + "\n"), verdict::changelog);
        assertFalse(verdict.changelog().contains("\tat "), verdict::changelog);
        assertPlainLog(verdict);
    }

    private static void assertBreaks(SpecEdits.Verdict verdict, String line) {
        assertTrue(verdict.breaks().contains(line), () -> String.join("\n", verdict.breaks()));
        assertPlainLog(verdict);
    }

    /** Every edit of the catalogue: what reaches the build log names no exception, frame or Java class. */
    private static void assertPlainLog(SpecEdits.Verdict verdict) {
        assertEquals(null, GateLog.javaIn(verdict.log()), verdict::log);
    }
}
