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

/** Layer's refusals of the derived negative cases, in the words of Layer's "JSON data" page. */
@StubServerTest
class LayerNegativeCasesTest {

    private static final String LAYER = "layer";

    @Test
    void theSpecYieldsEnoughCasesOfEachKind() {
        List<NegativeRequest> cases = NegativeCases.of(LAYER);
        Map<String, Long> byKind = cases.stream()
                .collect(Collectors.groupingBy(r -> r.broken().kind(), TreeMap::new, Collectors.counting()));
        assertTrue(cases.size() >= 10, "only " + cases.size() + " cases " + byKind);
        assertTrue(byKind.keySet().containsAll(Set.of("type", "nullable", "required", "format")), "kinds " + byKind);
    }

    @TestFactory
    Stream<DynamicTest> eachRefusalIsABadRequestEntryDescribingItsField(StubServer stub) {
        return NegativeCases.of(LAYER).stream().filter(r -> r.broken().problem() == null)
                .map(r -> dynamicTest(r.name().replace("[provider]", "[layer words]"), () -> {
                    var answer = NegativeCases.send(stub, r);
                    String exchange = r.exchange(answer);
                    JsonNode errors = SpecDocument.JSON.readTree(answer.body()).path("errors");
                    assertEquals(1, errors.size(), exchange);
                    errors.forEach(entry -> {
                        assertEquals("BadRequest", entry.path("type").asText(), exchange);
                        assertEquals("SpecifiedBadRequest", entry.path("error_enum").asText(), exchange);
                        assertEquals(r.broken().field(), entry.at("/meta/field").asText(), exchange);
                        assertTrue(entry.path("description").asText().contains(r.broken().field()), exchange);
                    });
                }));
    }
}
