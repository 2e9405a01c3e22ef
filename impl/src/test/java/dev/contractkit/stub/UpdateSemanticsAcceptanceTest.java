package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.DefaultData.LAYER_BUSINESS_ID;
import static dev.contractkit.stub.support.DefaultData.LAYER_CUSTOMER;
import static dev.contractkit.stub.support.DefaultData.VAYU_CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How an update changes a stored customer, for data loaded with --data (two customers in each scope). */
class UpdateSemanticsAcceptanceTest {

    static final String OTHER_BUSINESS = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    StubServer stub;
    String vayu;
    String layer;

    @BeforeEach
    void start() throws Exception {
        stub = StubServer.builder().data(Path.of(getClass().getResource("/two-of-each.json").toURI())).start();
        vayu = stub.url(Vendor.VAYU) + VAYU_CUSTOMER;
        layer = stub.url(Vendor.LAYER) + LAYER_CUSTOMER;
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void presentFieldsOverwriteNullClearsAbsentFieldsKeepTheirValue() {
        ObjectNode before = StubHttp.current(vayu);

        ObjectNode after = StubHttp.put(vayu, "{\"name\":\"Acme 2\",\"legalName\":null}").customer();

        assertEquals("Acme 2", after.get("name").asText());
        assertTrue(after.has("legalName") && after.get("legalName").isNull(), () -> "legalName answered as null: " + after);
        assertEquals(before.get("aliases"), after.get("aliases"));
        assertEquals(before.get("externalId"), after.get("externalId"));
    }

    @Test
    void idAndCreatedAtNeverChangeAndUpdatedAtMovesOnEveryUpdate() {
        ObjectNode first = StubHttp.put(vayu, "{\"name\":\"One\"}").customer();
        ObjectNode second = StubHttp.put(vayu, "{\"name\":\"One\"}").customer();

        assertEquals(DefaultData.VAYU_CUSTOMER_ID, second.get("id").asText());
        assertEquals(Instant.parse("2026-01-05T10:00:00Z"), Instant.parse(second.get("createdAt").asText()));
        assertTrue(Instant.parse(second.get("updatedAt").asText()).isAfter(Instant.parse(first.get("updatedAt").asText())));
    }

    @Test
    void layerNullClearsAndAbsentKeeps() {
        StubHttp.put(layer, "{\"email\":\"jane@example.com\",\"notes\":\"keep me\"}");

        ObjectNode after = StubHttp.put(layer, "{\"email\":null}").customer();

        assertTrue(after.get("email").isNull());
        assertEquals("keep me", after.get("notes").asText());
        assertEquals("Jane Roe", after.get("individual_name").asText());
    }

    /**
     * Vayu's response schema marks legalName nullable (and several fields not): a field cleared with null is
     * answered as null, as stored; a field never given a value is left out.
     */
    @Test
    void vayuAnswersAClearedFieldAsNullAndLeavesOutFieldsNeverSet() {
        ObjectNode after = StubHttp.put(vayu, "{\"legalName\":null}").customer();

        assertTrue(after.has("legalName") && after.get("legalName").isNull(), () -> "cleared legalName: " + after);
        assertFalse(after.has("contacts"), () -> "contacts were never set: " + after);
        assertFalse(after.has("currency"), () -> "currency was never set: " + after);
        ObjectNode later = StubHttp.current(vayu);
        assertTrue(later.has("legalName") && later.get("legalName").isNull(), () -> "a later answer: " + later);
    }

    /** A tag's dimension id is one per key within the business: the same key, again or on another customer. */
    @Test
    void layerDimensionIdsAreStablePerKey() {
        String other = stub.url(Vendor.LAYER) + "/v1/businesses/" + LAYER_BUSINESS_ID
                + "/customers/9b2d4e6f-1a3c-4e5f-8a7b-0c1d2e3f4a5b";
        JsonNode first = StubHttp.put(layer, "{\"tags\":[{\"key\":\"region\",\"value\":\"west\"},"
                + "{\"key\":\"tier\",\"value\":\"gold\"}]}").customer().get("transaction_tags");
        JsonNode again = StubHttp.put(layer, "{\"tags\":[{\"key\":\"region\",\"value\":\"east\"}]}").customer()
                .get("transaction_tags");
        JsonNode elsewhere = StubHttp.put(other, "{\"tags\":[{\"key\":\"tier\",\"value\":\"silver\"}]}").customer()
                .get("transaction_tags");

        String region = first.get(0).get("dimension_id").asText();
        String tier = first.get(1).get("dimension_id").asText();
        assertNotEquals(region, tier, "two keys, two dimensions");
        assertEquals(region, again.get(0).get("dimension_id").asText(), "region's dimension after another value");
        assertEquals(tier, elsewhere.get(0).get("dimension_id").asText(), "tier's dimension on another customer");
        assertNotEquals(first.get(0).get("id").asText(), again.get(0).get("id").asText(), "each tag its own id");
    }

    @Test
    void layerTagsReplaceTransactionTagsWithIdsAndTimestamps() {
        StubHttp.put(layer, "{\"tags\":[{\"key\":\"region\",\"value\":\"west\"},{\"key\":\"tier\",\"value\":\"gold\"}]}");

        JsonNode tags = StubHttp.put(layer, "{\"tags\":[{\"key\":\"region\",\"value\":\"east\"}]}").customer()
                .get("transaction_tags");

        assertEquals(1, tags.size());
        JsonNode tag = tags.get(0);
        assertEquals("region", tag.get("key").asText());
        assertEquals("east", tag.get("value").asText());
        UUID.fromString(tag.get("id").asText());
        Instant.parse(tag.get("created_at").asText());
        Instant.parse(tag.get("updated_at").asText());
        assertTrue(tag.get("deleted_at").isNull());
    }

    @Test
    void layerCustomerOfAnotherBusinessIsNotFound() {
        String elsewhere = layer.replace(LAYER_BUSINESS_ID, OTHER_BUSINESS);

        Answer answer = StubHttp.put(elsewhere, "{\"notes\":\"x\"}");

        assertEquals(404, answer.status());
        assertEquals("ResourceNotFound", answer.body().at("/errors/0/type").asText());
        assertEquals("SpecifiedIdNotFound", answer.body().at("/errors/0/error_enum").asText());
    }

    @Test
    void layerUnknownBusinessIsNotFoundByName() {
        String unknown = "0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e";

        Answer answer = StubHttp.put(layer.replace(LAYER_BUSINESS_ID, unknown), "{}");

        assertEquals(404, answer.status());
        assertEquals("Business " + unknown + " not found", answer.body().at("/errors/0/description").asText());
    }

    @Test
    void vayuUnknownCustomerIsResourceNotFound() {
        Answer answer = StubHttp.put(stub.url(Vendor.VAYU) + "/customers/000000000000000000000000", "{}");

        assertEquals(404, answer.status());
        assertEquals("resource_not_found", answer.body().get("code").asText());
        assertEquals("Customer with id 000000000000000000000000 not found", answer.body().get("message").asText());
    }

    @Test
    void vayuExternalIdHeldByAnotherCustomerIsAConflictAndChangesNothing() {
        ObjectNode before = StubHttp.current(vayu);

        Answer answer = StubHttp.put(vayu, "{\"name\":\"Renamed\",\"externalId\":\"globex-001\"}");

        assertEquals(409, answer.status());
        assertEquals("invalid_request_error", answer.body().get("type").asText());
        assertEquals("resource_already_exists", answer.body().get("code").asText());
        assertEquals(before, StubHttp.current(vayu));
    }

    @Test
    void vayuOwnExternalIdIsNoConflict() {
        assertEquals(200, StubHttp.put(vayu, "{\"externalId\":\"acme-001\"}").status());
    }

    @Test
    void layerExternalIdHeldInTheSameBusinessIsAConflictAndChangesNothing() {
        ObjectNode before = StubHttp.current(layer);

        Answer answer = StubHttp.put(layer, "{\"notes\":\"x\",\"external_id\":\"customer-2\"}");

        assertEquals(409, answer.status());
        assertEquals("Conflict", answer.body().at("/errors/0/type").asText());
        assertFalse(answer.body().has("data"));
        assertEquals(before, StubHttp.current(layer));
    }

    @Test
    void layerExternalIdHeldInAnotherBusinessIsAllowed() {
        String other = stub.url(Vendor.LAYER) + "/v1/businesses/" + OTHER_BUSINESS
                + "/customers/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";

        assertEquals(200, StubHttp.put(other, "{\"external_id\":\"customer-2\"}").status());
    }

    @Test
    void aRejectedRequestChangesNothing() {
        ObjectNode before = StubHttp.current(vayu);

        Answer answer = StubHttp.put(vayu, "{\"name\":\"Changed\",\"currency\":\"XXX\"}");

        assertEquals(400, answer.status());
        assertEquals(before, StubHttp.current(vayu));
        assertNotEquals("Changed", StubHttp.current(vayu).get("name").asText());
    }
}
