package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every documented example of every vendor: the named response examples in a spec (with an
 * {@code x-contract-kit} extension saying how to replay them), and the files under
 * specs/examples/VENDOR/OPERATION_ID/ for a vendor whose spec file stays the vendor's own.
 */
final class ContractExamples {

    private static final Path SPECS = VendorSpecs.SPECS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<ContractExample>> BY_VENDOR = new ConcurrentHashMap<>();

    private ContractExamples() {
    }

    /** The examples of every vendor in specs/. */
    static List<ContractExample> all() {
        return VendorSpecs.names().stream().flatMap(vendor -> of(vendor).stream()).toList();
    }

    /** The examples of one vendor, read once. */
    static List<ContractExample> of(String vendor) {
        return BY_VENDOR.computeIfAbsent(vendor, name -> read(SPECS, name, VendorSpecs.spec(name)));
    }

    /** The examples of a spec read from a folder of specs (a test's fixture, say): in the spec and beside it. */
    static List<ContractExample> read(Path specs, String vendor, OpenApiSpec spec) {
        List<ContractExample> examples = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            examples.addAll(inSpec(vendor, spec, operation));
            examples.addAll(inFiles(specs, vendor, spec, operation));
        }
        return List.copyOf(examples);
    }

    private static List<ContractExample> inSpec(String vendor, OpenApiSpec spec, Operation operation) {
        List<ContractExample> examples = new ArrayList<>();
        String operationPointer = operation.pointer();
        JsonNode document = spec.document();
        List<String> keys = ResponseKeys.of(spec, operation);
        for (String key : keys) {
            String response = spec.resolvedPointer(operationPointer + "/responses/" + key.replace("~", "~0"));
            document.at(response + "/content/application~1json/examples").fields().forEachRemaining(named -> {
                JsonNode example = named.getValue();
                JsonNode replay = example.path("x-contract-kit");
                JsonNode requestExample = document.at(operationPointer
                        + "/requestBody/content/application~1json/examples/" + named.getKey() + "/value");
                examples.add(new ContractExample(vendor, spec, operation, named.getKey(), replay.path("given"),
                        replay.path("request"), requestExample, key, ResponseKeys.sample(key, keys),
                        key.matches("\\d{3}"), example.path("value"), strings(replay.path("matchByShape")),
                        VendorSpecs.fileName(vendor), true));
            });
        }
        return examples;
    }

    private static List<ContractExample> inFiles(Path specs, String vendor, OpenApiSpec spec, Operation operation) {
        Path folder = specs.resolve("examples").resolve(vendor).resolve(operation.id());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = ResponseKeys.of(spec, operation);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(file -> {
                JsonNode example = read(file);
                JsonNode response = example.path("response");
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                int status = response.path("status").asInt();
                return new ContractExample(vendor, spec, operation, name, example.path("given"),
                        example.path("request"), MissingNode.getInstance(), ResponseKeys.keyFor(status, keys), status,
                        true, response.path("body"), strings(response.path("matchByShape")),
                        specs.relativize(file).toString(), false);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read example " + file, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }
}
