package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An allOf of closed parts validated as OpenAPI's users and generators read it (closed-allof.yaml). */
class AllOfPropertyUnionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiSpec spec;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(AllOfPropertyUnionTest.class.getResource("closed-allof.yaml").toURI()).getParent();
        spec = OpenApiSpec.load(folder, "closed-allof");
    }

    @Test
    void allOfPartsWithAdditionalPropertiesFalseAcceptEachOthersProperties() throws Exception {
        assertEquals(List.of(), violations("/children", "{\"id\":\"c1\",\"name\":\"n\",\"color\":\"red\"}"));
    }

    @Test
    void aPropertyNoPartNamesIsStillRefusedByName() throws Exception {
        List<Violation> violations = violations("/children", "{\"name\":\"n\",\"color\":\"red\",\"flavour\":\"x\"}");

        assertEquals(1, violations.size(), violations.toString());
        assertEquals("flavour", violations.get(0).param());
        assertEquals("is not a known parameter", violations.get(0).message());
    }

    @Test
    void eachPartStillChecksWhatItSays() throws Exception {
        assertEquals(List.of(new Violation("name", "is required", true)), violations("/children", "{\"color\":\"red\"}"));
        List<Violation> wrongType = violations("/children", "{\"name\":\"n\",\"color\":5}");
        assertEquals(1, wrongType.size(), wrongType.toString());
        assertEquals("color", wrongType.get(0).param());
    }

    @Test
    void aClosedPartUsedAloneStaysClosed() throws Exception {
        List<Violation> violations = violations("/bases", "{\"name\":\"n\",\"color\":\"red\"}");

        assertEquals(1, violations.size(), violations.toString());
        assertEquals("color", violations.get(0).param());
    }

    @Test
    void aNestedAllOfAllowsThePropertiesOfEveryLevel() throws Exception {
        assertEquals(List.of(), violations("/grandchildren", "{\"name\":\"n\",\"color\":\"red\",\"size\":3}"));
        List<Violation> unknown = violations("/grandchildren", "{\"name\":\"n\",\"size\":3,\"bogus\":true}");
        assertEquals(List.of("bogus"), unknown.stream().map(Violation::param).toList());
    }

    @Test
    void anAllOfInsideAnArrayItemAllowsBothParts() throws Exception {
        assertEquals(List.of(), violations("/rankings", "{\"entries\":[{\"name\":\"n\",\"rank\":1}]}"));
        List<Violation> unknown = violations("/rankings", "{\"entries\":[{\"name\":\"n\",\"rank\":1,\"extra\":1}]}");
        assertEquals(List.of("entries[0].extra"), unknown.stream().map(Violation::param).toList());
    }

    @Test
    void theDocumentItselfIsLeftAsTheVendorWroteIt() {
        assertFalse(spec.document().at("/components/schemas/Base/additionalProperties").asBoolean(true));
        assertTrue(spec.document().at("/components/schemas/Child/allOf/0/$ref").isTextual());
        assertTrue(spec.document().at("/components/schemas/Child/properties").isMissingNode());
    }

    private static List<Violation> violations(String path, String body) throws Exception {
        return RequestValidator.body(spec.route("POST", path).operation(), JSON.readTree(body));
    }
}
