package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's other breaks, each applied to a copy of a real spec: a removed parameter, a new required one, and
 * an enum widened in an answer (a client's generated enum cannot read the new value). The wording is checked
 * loosely, by the names a reader needs, so rewording the gate does not break these.
 */
class ParameterAndAnswerBreaksTest {

    static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));
    static final String LIST_CUSTOMERS = "GET /v1/businesses/{business_id}/customers";

    @TempDir
    Path dir;

    @Test
    void aRemovedParameterFailsNamingIt() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text.replaceFirst(
                "(?s)        - name: name_contains\\n          in: query\\n.*?(        - name: sort_by\\n)", "$1"));

        assertBreak(breaks, LIST_CUSTOMERS, "name_contains", "removed");
    }

    @Test
    void aNewRequiredParameterFailsNamingIt() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text.replaceFirst("(        - name: sort_by\\n)",
                "        - name: region\n          in: query\n          required: true\n          schema:\n"
                        + "            type: string\n$1"));

        assertBreak(breaks, LIST_CUSTOMERS, "region", "required");
    }

    @Test
    void aNewOptionalParameterPasses() throws IOException {
        assertEquals(List.of(), gate("layer.yaml", text -> text.replaceFirst("(        - name: sort_by\\n)",
                "        - name: region\n          in: query\n          schema:\n            type: string\n$1")));
    }

    @Test
    void anEnumWidenedInAnAnswerFailsNamingTheValue() throws IOException {
        List<String> breaks = gate("layer.yaml", text -> text.replace(
                "        status:\n          type: string\n          enum:\n            - ACTIVE\n            - ARCHIVED\n",
                "        status:\n          type: string\n          enum:\n            - ACTIVE\n            - ARCHIVED\n"
                        + "            - DELETED\n"));

        assertBreak(breaks, "response 200", "status", "DELETED");
    }

    @Test
    void anEnumWidenedInARequestOnlyPasses() throws IOException {
        assertEquals(List.of(), gate("layer.yaml", text -> text.replace(
                "            enum:\n              - ASC\n              - DESC\n",
                "            enum:\n              - ASC\n              - DESC\n              - RANDOM\n")));
    }

    /** Some break names every one of these words. */
    private static void assertBreak(List<String> breaks, String... words) {
        assertTrue(breaks.stream().anyMatch(b -> List.of(words).stream().allMatch(b::contains)),
                () -> "no break names " + List.of(words) + ": " + breaks);
    }

    /** The gate's breaks after a change to a copy of specs/NAME; fails if the change did not apply. */
    private List<String> gate(String name, UnaryOperator<String> change) throws IOException {
        String original = Files.readString(SPECS.resolve(name));
        String changed = change.apply(original);
        assertTrue(!changed.equals(original), "the change did not apply to " + name);
        Path spec = Files.writeString(Files.createDirectories(dir.resolve("specs")).resolve(name), changed);
        Path baseline = Files.copy(SPECS.resolve(name), Files.createDirectories(dir.resolve("baseline")).resolve(name));
        return SpecGate.check(spec, baseline, dir.resolve("reports"), false);
    }
}
