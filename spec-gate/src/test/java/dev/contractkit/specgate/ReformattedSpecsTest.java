package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec in specs/, whatever files a user keeps there, written back by a YAML tool with other formatting
 * (quoted scalars, a document marker, other indentation, folded text as one line): the same document, so the gate
 * must stay silent and the copy must still be valid OpenAPI. The user's files are only read; the copy is a temp file.
 */
class ReformattedSpecsTest {

    static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));
    private static final ObjectMapper READ = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper WRITE = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.INDENT_ARRAYS).build());

    @TempDir
    Path dir;

    static Stream<Path> specs() throws IOException {
        List<Path> specs = SpecGate.specFiles(SPECS);
        assertFalse(specs.isEmpty(), "no spec in " + SPECS.toAbsolutePath());
        return specs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aSpecWrittenBackByAYamlToolIsNoChange(Path original) throws IOException {
        String name = original.getFileName().toString();
        String text = Files.readString(original);
        String reformatted = WRITE.writeValueAsString(READ.readTree(text));
        assertNotEquals(text, reformatted, "the writer kept " + name + "'s formatting: nothing is tested");
        Path spec = Files.writeString(Files.createDirectories(dir.resolve("specs")).resolve(name), reformatted);
        Path baseline = Files.copy(original, Files.createDirectories(dir.resolve("baseline")).resolve(name));

        assertEquals(List.of(), SpecGate.parseErrors(spec), name + " reformatted is no longer valid OpenAPI");
        GateLog log = new GateLog();
        List<String> breaks = log.during(() -> SpecGate.check(spec, baseline, dir.resolve("reports"), false));

        assertEquals(List.of(), breaks);
        assertTrue(log.text().contains("[spec-gate] " + name + ": unchanged ("), log::text);
        String changelog = Files.readString(dir.resolve("reports").resolve(name.replaceFirst("\\.yaml$", ".md")));
        assertTrue(changelog.contains("## Breaking changes\n\nNone.\n") && changelog.contains("## Compatible changes\n\nNone.\n"),
                changelog);
    }
}
