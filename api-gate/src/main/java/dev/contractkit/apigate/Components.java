package dev.contractkit.apigate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The names under a spec's components/schemas: each one a generated class of (nearly) that name. */
final class Components {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Components() {
    }

    static Set<String> schemaNames(Path spec) throws IOException {
        Set<String> names = new TreeSet<>();
        YAML.readTree(spec.toFile()).path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
