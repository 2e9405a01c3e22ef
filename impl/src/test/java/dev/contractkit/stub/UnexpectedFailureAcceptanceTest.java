package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.support.StubHttp.Answer;
import dev.contractkit.stub.junit.StubServerTest;
import dev.contractkit.stub.store.FailingReads;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real unexpected exception inside the stub (the store throwing on a read, through a test probe; no fault is
 * armed) is a 500 in the vendor's own error format, with no stack trace, exception class or message in it, and
 * the stub serves the next request as usual.
 */
@StubServerTest
class UnexpectedFailureAcceptanceTest {

    private static final String SECRET = "store blew up at item 42";

    @ParameterizedTest
    @MethodSource("dev.contractkit.stub.support.StubHttp#customerVendors")
    void isA500InTheVendorsFormatWithoutAStackTrace(Vendor vendor, StubServer stub) {
        String url = stub.url(vendor) + (vendor == Vendor.VAYU ? DefaultData.VAYU_CUSTOMER : DefaultData.LAYER_CUSTOMER);
        FailingReads failing = FailingReads.install(stub.state().vendor(vendor).store(), new IllegalStateException(SECRET));
        Answer answer;
        try {
            answer = StubHttp.put(url, "{}");
        } finally {
            failing.uninstall();
        }

        assertEquals(500, answer.status(), () -> String.valueOf(answer.body()));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String text = answer.body().toString();
        for (String leak : List.of(SECRET, "IllegalStateException", "Exception", "\tat ", "dev.contractkit")) {
            assertFalse(text.contains(leak), () -> "the answer shows '" + leak + "': " + text);
        }
        if (vendor == Vendor.VAYU) {
            assertEquals(List.of("type", "code", "message"), names(answer.body()), text);
            assertEquals("api_error", answer.body().get("type").asText());
            assertEquals("internal_error", answer.body().get("code").asText());
        } else {
            assertEquals(List.of("errors"), names(answer.body()), text);
            JsonNode error = answer.body().get("errors").get(0);
            assertEquals(List.of("type", "description"), names(error), "no error_enum on a 5xx: " + text);
            assertEquals("InternalServerError", error.get("type").asText());
        }
        assertEquals(200, StubHttp.put(url, "{}").status(), "the next request is served");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
