package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate itself on copies of the real specs: changelog, unreadable files, failures of the diff library, accepting. */
class SpecGateTest {

    static final Path SPECS = SpecEdits.SPECS;

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
    void aChangedExampleGetsOpenApiDiffsReportToo() throws IOException {
        // openapi-diff 2.1.3's MarkdownRender throws a NullPointerException on a changed example; ChangelogRender
        // steps around it, so the report is written and says what changed.
        SpecEdits.Verdict verdict = new SpecEdits(dir).text("layer.yaml", t -> t.replace("This is a note", "Another note"));

        assertEquals(List.of(), verdict.breaks());
        assertTrue(verdict.changelog().contains("request: example documented-example changed"), verdict::changelog);
        assertTrue(verdict.changelog().contains("Its examples changed; its schema did not."), verdict::changelog);
        assertFalse(verdict.changelog().contains("could not be written"), verdict::changelog);
        assertFalse(verdict.log().contains("Exception"), verdict::log);
    }

    @Test
    void whenTheComparisonThrowsTheGateFailsThatSpecInOneLine() throws IOException {
        Path spec = write("layer.yaml", Files.readString(SPECS.resolve("layer.yaml")));
        Path baseline = Files.copy(SPECS.resolve("layer.yaml"), Files.createDirectories(dir.resolve("baseline")).resolve("layer.yaml"));

        List<String> breaks = SpecGate.check(spec, baseline, dir.resolve("reports"), false, (before, after) -> {
            throw new IllegalStateException("schema is null\n\tat somewhere");
        });

        assertEquals(1, breaks.size(), breaks::toString);
        String line = breaks.get(0);
        assertTrue(line.startsWith("layer.yaml: openapi-diff could not compare it with " + baseline
                + "; check the change by hand, then accept it"), line);
        assertFalse(line.contains("Exception") || line.contains("SpecGateTest"), line);
        assertTrue(Files.readString(dir.resolve("reports/layer.md")).contains("IllegalStateException in SpecGateTest"));
    }

    @Test
    void aFailingGateNamesEveryBreakWithoutAStackTrace() throws IOException {
        // exec:java prints a thrown exception's frames above Maven's message: the verdict must carry none.
        write("vayu.yaml", Files.readString(SPECS.resolve("vayu.yaml")).replaceFirst("        - EUR\\n", ""));
        Files.copy(SPECS.resolve("vayu.yaml"), Files.createDirectories(dir.resolve("baseline")).resolve("vayu.yaml"));

        SpecGate.SpecsBreakClients failure = assertThrows(SpecGate.SpecsBreakClients.class, () -> SpecGate.main(new String[] {
                dir.resolve("specs").toString(), dir.resolve("baseline").toString(), dir.resolve("reports").toString(), "false"}));

        assertEquals(0, failure.getStackTrace().length);
        assertTrue(failure.getMessage().contains("\n  - vayu.yaml: PUT /customers/{customerId} request: field currency enum narrowed: [EUR] removed\n"),
                failure::getMessage);
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
        return new SpecEdits(dir).text(name, change).breaks();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("specs")).resolve(name), text);
    }
}
