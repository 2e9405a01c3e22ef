package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.SpecSchemas;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.DefaultData.LAYER_CUSTOMER;
import static dev.contractkit.stub.support.DefaultData.VAYU_CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** Requests checked against the spec, and refusals worded as each vendor documents them. */
@StubServerTest
class ValidationAcceptanceTest {

    static StubServer stub;
    static String vayu;
    static String layer;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
        vayu = stub.url(Vendor.VAYU) + VAYU_CUSTOMER;
        layer = stub.url(Vendor.LAYER) + LAYER_CUSTOMER;
    }


    @Test
    void vayuNamesTheOneFailedParameter() {
        Answer answer = refused(vayu, "{\"contacts\":[{\"email\":\"not-an-email\"}]}", 400);

        assertEquals("invalid_request_error", answer.body().get("type").asText());
        assertEquals("parameter_invalid", answer.body().get("code").asText());
        assertEquals("contacts[0].email", answer.body().get("param").asText());
        assertFalse(answer.body().has("params"));
    }

    @Test
    void vayuListsEverySeveralFailedParameters() {
        Answer answer = refused(vayu, "{\"name\":5,\"contacts\":[{\"phone\":\"x\"}],\"dueDays\":\"NET_45\",\"foo\":1}", 400);

        assertEquals("validation_failed", answer.body().get("code").asText());
        List<String> params = new ArrayList<>();
        answer.body().get("params").forEach(p -> {
            params.add(p.get("param").asText());
            assertFalse(p.get("message").asText().isEmpty());
        });
        assertEquals(List.of("name", "contacts[0].phone", "dueDays", "foo"), params);
    }

    @Test
    void vayuMissingRequiredFieldIsParameterMissing() {
        Answer answer = refused(vayu, "{\"customFields\":[{\"valueType\":\"String\"}]}", 400);

        assertEquals("parameter_missing", answer.body().get("code").asText());
        assertEquals("customFields[0].vayuCustomFieldName", answer.body().get("param").asText());
    }

    @Test
    void nullableEnumsStillRejectUnknownValues() {
        for (String field : List.of("currency", "source", "dueDays")) {
            Answer answer = refused(vayu, "{\"" + field + "\":\"NOPE\"}", 400);
            assertEquals(field, answer.body().get("param").asText());
        }
        assertEquals(200, StubHttp.put(vayu, "{\"currency\":null,\"source\":null,\"dueDays\":null}").status());
    }

    @Test
    void vayuGuideMinimumLengthsApply() {
        assertEquals("name", refused(vayu, "{\"name\":\"\"}", 400).body().get("param").asText());
        assertEquals("externalId", refused(vayu, "{\"externalId\":\"\"}", 400).body().get("param").asText());
    }

    @Test
    void vayuPathIdMustBe24Hex() {
        Answer answer = refused(stub.url(Vendor.VAYU) + "/customers/not-hex", "{}", 400);

        assertEquals("customerId", answer.body().get("param").asText());
    }

    @Test
    void malformedJsonIsBadRequest() {
        assertEquals("bad_request", refused(vayu, "{\"name\":", 400).body().get("code").asText());
        assertEquals("SpecifiedBadRequest", refused(layer, "{\"notes\":", 400).body().at("/errors/0/error_enum").asText());
    }

    @Test
    void layerAnswersOneErrorEntryPerFailedField() {
        Answer answer = refused(layer, "{\"email\":5,\"tags\":[{\"key\":\"k\"}]}", 400);

        JsonNode errors = answer.body().get("errors");
        assertEquals(2, errors.size());
        for (JsonNode error : errors) {
            assertEquals("BadRequest", error.get("type").asText());
            assertEquals("SpecifiedBadRequest", error.get("error_enum").asText());
            assertTrue(error.get("description").asText().startsWith(error.at("/meta/field").asText()));
        }
        assertEquals("tags[0].value", errors.get(1).at("/meta/field").asText());
    }

    @Test
    void vayuBodyOver256KbIsRequestTooLarge() {
        String big = "{\"name\":\"" + "x".repeat(256 * 1024) + "\"}";

        Answer answer = refused(vayu, big, 413);

        assertEquals("request_too_large", answer.body().get("code").asText());
        assertEquals(200, StubHttp.put(vayu, "{\"name\":\"" + "x".repeat(250 * 1024) + "\"}").status());
    }

    @Test
    void layerBodyOver1MibIsPayloadTooLargeInLayersEnvelope() {
        Answer answer = refused(layer, "{\"notes\":\"" + "x".repeat(1024 * 1024) + "\"}", 413);

        assertEquals("PayloadTooLarge", answer.body().at("/errors/0/type").asText());
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaTypeInEachVendorsShape() {
        Answer vayuAnswer = StubHttp.send(request(vayu, "text/plain"));
        Answer layerAnswer = StubHttp.send(request(layer, "application/xml"));

        assertEquals(415, vayuAnswer.status());
        assertEquals("invalid_request_error", vayuAnswer.body().get("type").asText());
        assertEquals(415, layerAnswer.status());
        assertEquals("UnsupportedMediaType", layerAnswer.body().at("/errors/0/type").asText());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405InEachVendorsShape() {
        Answer vayuPath = StubHttp.put(stub.url(Vendor.VAYU) + "/contract-kit-no-such-path/1", "{}");
        Answer layerMethod = StubHttp.send(HttpRequest.newBuilder(URI.create(layer))
                .header("Authorization", "Bearer t").DELETE());

        assertEquals(404, vayuPath.status());
        assertEquals("resource_not_found", vayuPath.body().get("code").asText());
        assertEquals(405, layerMethod.status());
        assertEquals(SpecSchemas.updateCustomer(Vendor.LAYER).allowed(), layerMethod.headers().firstValue("Allow").orElseThrow());
        assertEquals("MethodNotAllowed", layerMethod.body().at("/errors/0/type").asText());
    }

    /** Sends, checks the status, and checks that the stored customer did not change. */
    private static Answer refused(String url, String body, int status) {
        ObjectNode before = url.startsWith(vayu) || url.startsWith(layer) ? StubHttp.current(url) : null;
        Answer answer = StubHttp.put(url, body);
        assertEquals(status, answer.status(), () -> String.valueOf(answer.body()));
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        if (before != null) {
            assertEquals(before, StubHttp.current(url), "a refused request must change nothing");
        }
        return answer;
    }

    private static HttpRequest.Builder request(String url, String contentType) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer t")
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString("{}"));
    }
}
