package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON form of each packaged spec is the spec: its YAML with its overlay applied, and never stale. */
class PackagedSpecsTest {

    private static final Path SPECS = Path.of("..", "specs");

    @Test
    void everySpecOfTheBuildReadsTheSameFromItsJsonAsFromItsYaml() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(SPECS)) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.endsWith(".overlay.yaml"))
                    .map(f -> f.replaceFirst("\\.yaml$", "")).toList();
        }
        assertFalse(names.isEmpty());
        for (String name : names) {
            try (var in = PackagedSpecs.class.getResourceAsStream("/dev/contractkit/stub/specs/" + name + ".packaged.json")) {
                assertNotNull(in, name + ": the build packaged no JSON of it");
                assertEquals(fromYaml(name), new ObjectMapper().readTree(in).get("document"),
                        name + ": the packaged JSON differs from specs/" + name + ".yaml");
            }
            assertEquals(fromYaml(name), PackagedSpecs.read(name), name);
        }
    }

    @Test
    void aJsonMadeFromAnotherYamlIsNotRead() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("x.yaml", "openapi: 3.0.3\ninfo: {title: now, version: '2'}\npaths: {}\n".getBytes(StandardCharsets.UTF_8));
        files.put("x.packaged.json", ("{\"source\":\"0000\",\"document\":{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"before\","
                + "\"version\":\"1\"},\"paths\":{}}}").getBytes(StandardCharsets.UTF_8));
        assertEquals("now", PackagedSpecs.read("x", files::get).path("info").path("title").asText());
    }

    @Test
    void aSpecTakenOutOfSpecsIsNoLongerPackaged(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path packaged = Files.createDirectories(dir.resolve("classes"));
        String spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
        for (String name : List.of("kept", "dropped")) {
            Files.writeString(specs.resolve(name + ".yaml"), spec);
            Files.writeString(packaged.resolve(name + ".yaml"), spec); // as the build's resource copy leaves it
        }
        Files.writeString(specs.resolve("dropped.overlay.yaml"), "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions: []\n");
        Files.copy(specs.resolve("dropped.overlay.yaml"), packaged.resolve("dropped.overlay.yaml"));
        dev.contractkit.stub.tools.PackageSpecs.main(new String[] {packaged.toString(), specs.toString()});
        assertTrue(Files.exists(packaged.resolve("dropped.packaged.json")));

        Files.delete(specs.resolve("dropped.yaml"));
        Files.delete(specs.resolve("dropped.overlay.yaml"));
        dev.contractkit.stub.tools.PackageSpecs.main(new String[] {packaged.toString(), specs.toString()});

        try (Stream<Path> left = Files.list(packaged)) {
            assertEquals(List.of("index.txt", "kept.packaged.json", "kept.yaml"),
                    left.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("kept\n", Files.readString(packaged.resolve("index.txt")));
    }

    @Test
    void anUnreadableJsonIsNotRead() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("x.yaml", "openapi: 3.0.3\ninfo: {title: now, version: '2'}\npaths: {}\n".getBytes(StandardCharsets.UTF_8));
        files.put("x.packaged.json", "{\"source\":".getBytes(StandardCharsets.UTF_8));
        assertEquals("now", PackagedSpecs.read("x", files::get).path("info").path("title").asText());
    }

    private static JsonNode fromYaml(String name) throws IOException {
        JsonNode document = PackagedSpecs.yaml(Files.readAllBytes(SPECS.resolve(name + ".yaml")), name);
        Path overlay = SPECS.resolve(name + ".overlay.yaml");
        if (Files.exists(overlay)) {
            Overlay.apply(PackagedSpecs.yaml(Files.readAllBytes(overlay), name), (com.fasterxml.jackson.databind.node.ObjectNode) document);
        }
        return document;
    }

}
