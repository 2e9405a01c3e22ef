package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Daccept-specs=vendor[,vendor]: those baselines move, every other spec is still judged. */
class AcceptedSpecsTest {

    @TempDir
    Path dir;

    /** Two vendors of fixture specs, each of which removed an operation since its baseline: a break. */
    @BeforeEach
    void twoVendorsThatBothBreak() throws IOException {
        for (String vendor : new String[] {"alpha", "beta"}) {
            Files.writeString(Files.createDirectories(dir.resolve("specs/baseline")).resolve(vendor + ".yaml"), spec(true));
            Files.writeString(dir.resolve("specs").resolve(vendor + ".yaml"), spec(false));
        }
    }

    @Test
    void acceptingOneVendorMovesItsBaselineAndStillFailsOnTheOther() throws IOException {
        var failure = assertThrows(SpecGate.SpecsBreakClients.class, () -> gate("alpha"));

        assertTrue(failure.getMessage().contains("beta.yaml: "), failure::getMessage);
        assertFalse(failure.getMessage().contains("alpha.yaml: "), failure::getMessage);
        assertEquals(Files.readString(dir.resolve("specs/alpha.yaml")), Files.readString(dir.resolve("specs/baseline/alpha.yaml")));
        assertNotEquals(Files.readString(dir.resolve("specs/beta.yaml")), Files.readString(dir.resolve("specs/baseline/beta.yaml")));
    }

    @Test
    void acceptingBothByNamePasses() throws IOException {
        gate("alpha, beta.yaml");

        assertEquals(Files.readString(dir.resolve("specs/beta.yaml")), Files.readString(dir.resolve("specs/baseline/beta.yaml")));
    }

    @Test
    void trueStillAcceptsEverySpecAndFalseNone() throws IOException {
        assertThrows(SpecGate.SpecsBreakClients.class, () -> gate("false"));
        gate("true");
        gate("false"); // both baselines moved: nothing breaks now
    }

    @Test
    void aVendorWithNoSpecIsNamedInOneLine() {
        var failure = assertThrows(SpecGate.SpecsBreakClients.class, () -> gate("alpah"));

        assertTrue(failure.getMessage().startsWith("-Daccept-specs names no spec in "), failure::getMessage);
        assertTrue(failure.getMessage().contains("alpah (the vendors there: alpha, beta)"), failure::getMessage);
        assertEquals(1, failure.getMessage().lines().count());
    }

    private void gate(String accept) throws IOException {
        SpecGate.main(new String[] {dir.resolve("specs").toString(), dir.resolve("specs/baseline").toString(),
                dir.resolve("reports").toString(), accept});
    }

    private static String spec(boolean withRemovedOperation) {
        String removed = withRemovedOperation ? """
                  /things/{id}:
                    get:
                      operationId: getThing
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        '200': {description: OK, content: {application/json: {schema: {type: object}}}}
                """ : "";
        return """
                openapi: 3.0.3
                info: {title: Fixture, version: '1'}
                paths:
                  /things:
                    get:
                      operationId: listThings
                      responses:
                        '200': {description: OK, content: {application/json: {schema: {type: array, items: {type: object}}}}}
                """ + removed;
    }
}
