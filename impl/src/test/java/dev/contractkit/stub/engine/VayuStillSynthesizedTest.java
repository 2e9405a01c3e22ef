package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/behaviour.md's table "Still synthesized in Vayu's whole file" is what the engine does with Vayu's whole
 * published file and its overlay: the same operations, each with the reason the stub gives; at most three
 * (issue 26).
 */
class VayuStillSynthesizedTest {

    private static final Path DOC = Path.of("..", "docs", "behaviour.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\| `([A-Z]+) ([^`]+)` \\| (.+) \\|$");

    @TempDir
    Path specs;

    @Test
    void theDocsListIsWhatTheEngineSynthesizesWithTheReasonItGives() throws Exception {
        EngineFixture vayu = EngineFixture.vayusWholeFile(specs);
        OpenApiSpec spec = vayu.spec;
        ResourceModel model = vayu.model;
        assertEquals(46, spec.operations().size(), "Vayu's whole file");

        Map<String, String[]> listed = listed();
        assertFalse(listed.isEmpty(), "the doc's table is found");
        Set<String> synthesized = new TreeSet<>();
        for (Operation operation : spec.operations()) {
            Behaviour behaviour = model.behaviour(operation);
            String[] row = listed.get(operation.id());
            if (behaviour.kind() == Behaviour.Kind.SYNTHESIZED) {
                synthesized.add(operation.id());
            }
            if (row != null) {
                assertEquals(operation.method().toUpperCase(Locale.ROOT) + " " + operation.pathTemplate(), row[0], operation.id());
            }
            if (row != null && behaviour.kind() == Behaviour.Kind.SYNTHESIZED) {
                assertEquals(behaviour.reason(), row[1], operation.id() + "'s reason in the doc");
            }
        }
        assertEquals(new TreeSet<>(listed.keySet()), synthesized, "docs/behaviour.md's still-synthesized table against the engine");
        assertTrue(spec.operations().stream().map(Operation::id).toList().containsAll(listed.keySet()), "every row names an operation");
        assertTrue(synthesized.size() <= 3, "issue 26: at most 3 of 46 still synthesized: " + synthesized);
    }

    /** operationId -> {"METHOD path", reason}, from the table under "### Still synthesized in Vayu's whole file". */
    private static Map<String, String[]> listed() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        Map<String, String[]> rows = new LinkedHashMap<>();
        int at = lines.indexOf("### Still synthesized in Vayu's whole file");
        assertTrue(at >= 0, "docs/behaviour.md has the section");
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    rows.put(row.group(1), new String[] {row.group(2) + " " + row.group(3), row.group(4)});
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }
}
