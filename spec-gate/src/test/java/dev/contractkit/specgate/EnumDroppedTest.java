package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enum removed as a whole (a closed list of names made an open string, as the admin API's vendor became)
 * widens a request and breaks only readers of answers: never "narrowed" where every value is now accepted.
 */
class EnumDroppedTest {

    @TempDir
    Path dir;

    @Test
    void anEnumDroppedFromASchemaBothSidesUseBreaksOnlyItsAnswers() throws IOException {
        SpecEdits.Verdict verdict = new SpecEdits(dir).tree("vayu.yaml",
                root -> ((ObjectNode) root.at("/components/schemas/Currency")).remove("enum"));

        assertFalse(verdict.breaks().stream().anyMatch(b -> b.contains("request") && b.contains("enum")),
                () -> String.join("\n", verdict.breaks()));
        assertTrue(verdict.breaks().stream().anyMatch(b -> b.contains("response") && b.contains("enum dropped in a response")),
                () -> String.join("\n", verdict.breaks()));
        assertTrue(verdict.changelog().contains("enum dropped: any value accepted"), verdict::changelog);
    }
}
