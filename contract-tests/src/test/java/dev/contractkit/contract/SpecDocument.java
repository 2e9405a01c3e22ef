package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A vendor spec from specs/, read as a JSON tree so tests take their data from it. */
record SpecDocument(JsonNode root) {

    static final ObjectMapper JSON = new ObjectMapper();

    static SpecDocument load(String fileName) {
        Path file = Path.of(System.getProperty("specs.dir", "../specs"), fileName);
        try {
            return new SpecDocument(new YAMLMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node at a JSON pointer, failing loudly when the spec does not have it. */
    JsonNode at(String pointer) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new AssertionError("spec has nothing at " + pointer);
        }
        return node;
    }

    /** The value of a named example of an operation's request body (JSON content). */
    JsonNode requestExample(String path, String method, String name) {
        return at(operation(path, method) + "/requestBody/content/application~1json/examples/" + name + "/value");
    }

    /** The value of a named example of an operation's response with this status. */
    JsonNode responseExample(String path, String method, int status, String name) {
        return at(operation(path, method) + "/responses/" + status + "/content/application~1json/examples/" + name + "/value");
    }

    private static String operation(String path, String method) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method;
    }
}
