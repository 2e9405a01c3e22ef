package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.NegativeCases.NegativeRequest;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Vayu's refusals of the derived negative cases, in the words of Vayu's errors page. */
@StubServerTest
class VayuNegativeCasesTest {

    private static final String VAYU = "vayu";

    @Test
    void theSpecYieldsEnoughCasesOfEachKind() {
        List<NegativeRequest> cases = NegativeCases.of(VAYU);
        Map<String, Long> byKind = cases.stream()
                .collect(Collectors.groupingBy(r -> r.broken().kind(), TreeMap::new, Collectors.counting()));
        assertTrue(cases.size() >= 30, "only " + cases.size() + " cases " + byKind);
        assertTrue(byKind.keySet().containsAll(Set.of("type", "nullable", "enum", "pattern", "minLength", "required",
                "additionalProperties")), "kinds " + byKind);
    }

    @TestFactory
    Stream<DynamicTest> eachRefusalIsAnInvalidRequestErrorWithItsCodeAndParam(StubServer stub) {
        return NegativeCases.of(VAYU).stream().filter(r -> r.broken().problem() == null)
                .map(r -> dynamicTest(r.name().replace("[provider]", "[vayu words]"), () -> {
                    var answer = NegativeCases.send(stub, r);
                    String exchange = r.exchange(answer);
                    JsonNode error = SpecDocument.JSON.readTree(answer.body());
                    assertEquals("invalid_request_error", error.path("type").asText(), exchange);
                    String code = r.broken().kind().equals("required") ? "parameter_missing" : "parameter_invalid";
                    assertEquals(code, error.path("code").asText(), exchange);
                    assertEquals(r.broken().field(), error.path("param").asText(), exchange);
                    assertTrue(error.path("message").asText().contains(r.broken().field()), exchange);
                }));
    }
}
