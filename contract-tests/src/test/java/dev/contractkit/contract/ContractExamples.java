package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every documented example of every vendor: the named response examples in a spec (with an
 * {@code x-contract-kit} extension saying how to replay them), and the files under
 * specs/examples/VENDOR/OPERATION_ID/ for a vendor whose spec file stays the vendor's own.
 */
final class ContractExamples {

    static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<ContractExample> all;

    private ContractExamples() {
    }

    static synchronized List<ContractExample> all() {
        if (all == null) {
            List<ContractExample> examples = new ArrayList<>();
            for (Vendor vendor : Vendor.values()) {
                OpenApiSpec spec = OpenApiSpec.load(SPECS, vendor.prefix());
                for (Operation operation : spec.operations()) {
                    examples.addAll(inSpec(vendor, spec, operation));
                    examples.addAll(inFiles(vendor, spec, operation));
                }
            }
            all = List.copyOf(examples);
        }
        return all;
    }

    static OpenApiSpec spec(Vendor vendor) {
        return all().stream().filter(e -> e.vendor() == vendor).findFirst().map(ContractExample::spec)
                .orElseGet(() -> OpenApiSpec.load(SPECS, vendor.prefix()));
    }

    private static List<ContractExample> inSpec(Vendor vendor, OpenApiSpec spec, Operation operation) {
        List<ContractExample> examples = new ArrayList<>();
        String operationPointer = operationPointer(operation);
        JsonNode document = spec.document();
        document.at(operationPointer + "/responses").fieldNames().forEachRemaining(status -> {
            String response = spec.resolvedPointer(operationPointer + "/responses/" + status);
            document.at(response + "/content/application~1json/examples").fields().forEachRemaining(named -> {
                JsonNode example = named.getValue();
                JsonNode replay = example.path("x-contract-kit");
                JsonNode requestExample = document.at(operationPointer
                        + "/requestBody/content/application~1json/examples/" + named.getKey() + "/value");
                examples.add(new ContractExample(vendor, spec, operation, named.getKey(), replay.path("given"),
                        replay.path("request"), requestExample, Integer.parseInt(status), example.path("value"),
                        strings(replay.path("matchByShape")), vendor.prefix() + ".yaml"));
            });
        });
        return examples;
    }

    private static List<ContractExample> inFiles(Vendor vendor, OpenApiSpec spec, Operation operation) {
        Path folder = SPECS.resolve("examples").resolve(vendor.prefix()).resolve(operation.id());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(file -> {
                JsonNode example = read(file);
                JsonNode response = example.path("response");
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                return new ContractExample(vendor, spec, operation, name, example.path("given"),
                        example.path("request"), MissingNode.getInstance(), response.path("status").asInt(),
                        response.path("body"), strings(response.path("matchByShape")),
                        SPECS.relativize(file).toString());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String operationPointer(Operation operation) {
        return "/paths/" + operation.pathTemplate().replace("~", "~0").replace("/", "~1") + "/" + operation.method();
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
