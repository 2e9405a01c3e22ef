package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.layer.LayerCustomers;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.vayu.VayuCustomers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers a stub starts with (and resets to): {"vayu":{"customers":[...]},
 * "layer":{"businesses":[{"id":...,"customers":[...]}]}}, each customer in the vendor's own response shape,
 * completed with defaults and checked against the spec's schema for it.
 */
public record StubData(Map<String, List<ObjectNode>> vayu, Map<String, List<ObjectNode>> layer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static StubData embedded(OpenApiSpec vayuSpec, OpenApiSpec layerSpec) {
        try (InputStream in = StubData.class.getResourceAsStream("/dev/contractkit/stub/default-data.json")) {
            return parse(JSON.readTree(in), vayuSpec, layerSpec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StubData load(Path file, OpenApiSpec vayuSpec, OpenApiSpec layerSpec) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), vayuSpec, layerSpec);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    public static StubData parse(JsonNode data, OpenApiSpec vayuSpec, OpenApiSpec layerSpec) {
        var vayuSchema = vayuSpec.schemaAt(VayuCustomers.SCHEMA);
        var layerSchema = layerSpec.schemaAt(LayerCustomers.SCHEMA);
        List<ObjectNode> vayuCustomers = new ArrayList<>();
        for (JsonNode customer : data.path("vayu").path("customers")) {
            vayuCustomers.add(checked(VayuCustomers.complete(object(customer)), vayuSchema, "vayu customer"));
        }
        Map<String, List<ObjectNode>> businesses = new LinkedHashMap<>();
        for (JsonNode business : data.path("layer").path("businesses")) {
            List<ObjectNode> customers = new ArrayList<>();
            for (JsonNode customer : business.path("customers")) {
                customers.add(checked(LayerCustomers.complete(object(customer)), layerSchema, "layer customer"));
            }
            businesses.put(business.path("id").asText(), customers);
        }
        return new StubData(Map.of(VayuCustomers.SCOPE, vayuCustomers), businesses);
    }

    private static ObjectNode object(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a customer must be a JSON object, was " + node);
        }
        return (ObjectNode) node;
    }

    private static ObjectNode checked(ObjectNode customer, com.networknt.schema.Schema schema, String what) {
        List<Violation> violations = RequestValidator.check(schema, customer, "customer");
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(what + " " + customer.path("id").asText() + " does not fit the spec: "
                    + violations.stream().map(v -> v.param() + " " + v.message()).toList());
        }
        return customer;
    }
}
