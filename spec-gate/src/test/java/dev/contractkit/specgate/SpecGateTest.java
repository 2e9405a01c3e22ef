package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real changes applied to copies of the real specs, and what the gate says of each. */
class SpecGateTest {

    static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));

    @TempDir
    Path dir;

    @Test
    void anUnchangedSpecPassesAndGetsAChangelog() throws IOException {
        Path spec = write("layer.yaml", Files.readString(SPECS.resolve("layer.yaml")));
        Path baseline = Files.copy(SPECS.resolve("layer.yaml"), Files.createDirectories(dir.resolve("baseline")).resolve("layer.yaml"));

        assertEquals(List.of(), SpecGate.check(spec, baseline, dir.resolve("reports"), false));
        assertTrue(Files.exists(dir.resolve("reports/layer.md")));
    }

    @Test
    void anOptionalResponseFieldAddedPasses() throws IOException {
        assertEquals(List.of(), gate("layer.yaml", text -> text.replace(
                "        status:\n          type: string\n          enum:\n            - ACTIVE",
                "        loyalty_tier:\n          type: string\n          nullable: true\n"
                        + "        status:\n          type: string\n          enum:\n            - ACTIVE")));
    }

    @Test
    void aRemovedResponseFieldFailsNamingIt() throws IOException {
        List<String> breaks = gate("vayu.yaml", text -> text.replaceFirst(
                "(?s)(UpdateCustomerResponse:.*?)            legalName:\\n              type: string\\n              nullable: true\\n"
                        + "              description: The legal name of the customer\\n", "$1"));

        assertTrue(breaks.stream().anyMatch(b -> b.contains("response 200: field customer.legalName removed")), breaks::toString);
    }

    @Test
    void aNarrowedEnumFailsNamingTheValue() throws IOException {
        List<String> breaks = gate("vayu.yaml", text -> text.replaceFirst("        - EUR\\n", ""));

        assertTrue(breaks.stream().anyMatch(b -> b.contains("request: field currency enum narrowed: [EUR] removed")), breaks::toString);
    }

    @Test
    void aNewRequiredRequestFieldFailsNamingIt() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text
                .replace("        tags:\n          type: array\n",
                        "        region:\n          type: string\n        tags:\n          type: array\n")
                .replace("      description: >-\n        Every field is optional.",
                        "      required: [region]\n      description: >-\n        Every field is optional."));

        assertTrue(breaks.stream().anyMatch(b -> b.contains("request: new required field region")), breaks::toString);
    }

    @Test
    void aChangedTypeFailsNamingTheField() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text.replace(
                "        key:\n          type: string\n          description: The new tag's key",
                "        key:\n          type: integer\n          description: The new tag's key"));

        assertTrue(breaks.stream().anyMatch(b -> b.contains("field tags[].key changed type from string to integer")), breaks::toString);
    }

    @Test
    void aRemovedOperationFails() throws IOException {
        List<String> breaks = gate("stub-admin.yaml", text -> text.replaceFirst("(?s)  /health:.*?  /reset:", "  /reset:"));

        assertTrue(breaks.contains("stub-admin.yaml: operation GET /health removed"), breaks::toString);
    }

    @Test
    void aFileThatIsNotOpenApiFailsWithTheParsersMessageAndLine() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text.replace("info:\n  title:", "info:\n   title:\n  oops"));

        assertEquals(1, breaks.size(), breaks::toString);
        assertTrue(breaks.get(0).startsWith("layer.yaml is not valid OpenAPI:") && breaks.get(0).contains("line "), breaks::toString);
    }

    @Test
    void acceptingMovesTheBaseline() throws IOException {
        Path spec = write("vayu.yaml", Files.readString(SPECS.resolve("vayu.yaml")).replaceFirst("        - EUR\\n", ""));
        Path baseline = Files.copy(SPECS.resolve("vayu.yaml"), Files.createDirectories(dir.resolve("baseline")).resolve("vayu.yaml"));

        assertEquals(List.of(), SpecGate.check(spec, baseline, dir.resolve("reports"), true));

        assertEquals(Files.readString(spec), Files.readString(baseline));
        assertEquals(List.of(), SpecGate.check(spec, baseline, dir.resolve("reports"), false));
    }

    /** The gate's breaks after a change to a copy of specs/NAME; fails if the change did not apply. */
    private List<String> gate(String name, java.util.function.UnaryOperator<String> change) throws IOException {
        String original = Files.readString(SPECS.resolve(name));
        String changed = change.apply(original);
        assertTrue(!changed.equals(original), "the change did not apply to " + name);
        Path spec = write(name, changed);
        Path baseline = Files.copy(SPECS.resolve(name), Files.createDirectories(dir.resolve("baseline")).resolve(name));
        return SpecGate.check(spec, baseline, dir.resolve("reports"), false);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("specs")).resolve(name), text);
    }
}
