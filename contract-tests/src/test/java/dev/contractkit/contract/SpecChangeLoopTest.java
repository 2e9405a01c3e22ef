package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop a user goes through: a changed vendor file dropped into specs/, then a build. Each test builds
 * a copy of the project (the gate and the client only, offline) with one real change applied.
 */
class SpecChangeLoopTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    /** The seed's Vayu file and a one-operation Layer spec, which the spec gate's own catalogue edits too. */
    static final Path FIXTURES = ROOT.resolve("spec-gate/src/test/resources/catalogue");

    @TempDir
    Path copy;

    @Test
    void additionsRegenerateTheClientPassAndAreListedInYourJava() throws Exception {
        Build build = build("layer.yaml", spec -> edited(s -> properties(s, "Customer").putObject("loyalty_tier")
                .put("type", "string").put("nullable", true)).apply(spec)
                .replace("  /v1/businesses/{business_id}/customers/{customer_id}:\n", GET_CUSTOMER));

        assertEquals(0, build.exit(), build::output);
        assertTrue(build.output().contains("layer.yaml: changed, compatibly"), build::output);
        assertTrue(javap(copy.resolve("generated-client/target/classes"), "dev.contractkit.layer.client.model.Customer")
                .contains("getLoyaltyTier()"));
        String yourJava = yourJava("layer.md");
        assertTrue(yourJava.contains("- method Customer.getLoyaltyTier()"), yourJava);
        assertTrue(yourJava.contains("- method CustomersApi.getCustomer(UUID, UUID)"), yourJava);
        assertFalse(yourJava.contains("source-incompatible"), yourJava);
    }

    @Test
    void aWireIdenticalRestructuringFailsNamingTheRemovedClassAndItsReplacement() throws Exception {
        Build build = build("vayu.yaml", SpecChangeLoopTest::moveResponseCustomerToComponents);

        assertNotEquals(0, build.exit());
        // On the wire the move is no break: the spec gate passes it, listed; the Java gate is what fails.
        assertTrue(build.output().contains("[spec-gate] vayu.yaml: changed, compatibly"), build::output);
        assertTrue(build.output().contains("vayu.yaml: dev.contractkit.vayu.client.model.UpdateCustomerResponseCustomer: "
                + "class removed (schema moved to components/schemas/Customer; wire unchanged)"), build::output);
        assertTrue(yourJava("vayu.md").contains("- class dev.contractkit.vayu.client.model.Customer\n"), build::output);
    }

    @Test
    void aRemovedResponseFieldFailsTheGateNamingIt() throws Exception {
        Build build = build("layer.yaml", edited(spec -> {
            properties(spec, "Customer").remove("notes");
            removeValue(schema(spec, "Customer"), "required", "notes");
        }));

        assertNotEquals(0, build.exit());
        assertTrue(build.output().contains("response 200: field data.notes removed"), build::output);
    }

    @Test
    void aRemovedEnumValueFailsTheGateNamingIt() throws Exception {
        Build build = build("vayu.yaml", edited(spec -> removeValue(schema(spec, "Currency"), "enum", "GBP")));

        assertNotEquals(0, build.exit());
        assertTrue(build.output().contains("field currency enum narrowed: [GBP] removed"), build::output);
    }

    @Test
    void aFileThatIsNotOpenApiFailsWithTheParsersMessageAndLine() throws Exception {
        Build build = build("layer.yaml", spec -> spec.replace("paths:\n", "paths:\n  - oops\n bad: [\n"));

        assertNotEquals(0, build.exit());
        assertTrue(build.output().contains("layer.yaml is not valid OpenAPI"), build::output);
        assertTrue(build.output().matches("(?s).*line \\d+, column \\d+.*"), build::output);
    }

    private record Build(int exit, String output) {
    }

    /**
     * A change made on the spec's tree, not its text, so it applies however the file is laid out; the copy
     * is written back as YAML (the gate compares meaning, not layout). The user's spec is never touched.
     */
    private static UnaryOperator<String> edited(Consumer<ObjectNode> edit) {
        return text -> {
            try {
                ObjectNode spec = (ObjectNode) YAML.readTree(text);
                ObjectNode before = spec.deepCopy();
                edit.accept(spec);
                assertNotEquals(before, spec, "the edit changed nothing");
                return YAML.writeValueAsString(spec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static ObjectNode schema(ObjectNode spec, String name) {
        JsonNode schema = spec.at("/components/schemas/" + name);
        assertTrue(schema.isObject(), "the spec has no schema " + name);
        return (ObjectNode) schema;
    }

    private static void removeValue(ObjectNode schema, String keyword, String value) {
        assertTrue(schema.path(keyword).isArray(), "no " + keyword + " list in " + schema);
        ArrayNode array = (ArrayNode) schema.get(keyword);
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
            }
        }
    }

    private static ObjectNode properties(ObjectNode spec, String schemaName) {
        JsonNode properties = schema(spec, schemaName).path("properties");
        assertTrue(properties.isObject(), "schema " + schemaName + " has no properties");
        return (ObjectNode) properties;
    }

    /** A second operation on Layer's customer path: a GET of the customer. */
    private static final String GET_CUSTOMER = """
              /v1/businesses/{business_id}/customers/{customer_id}:
                get:
                  tags:
                    - customers
                  operationId: getCustomer
                  parameters:
                    - name: business_id
                      in: path
                      required: true
                      schema:
                        type: string
                        format: uuid
                    - name: customer_id
                      in: path
                      required: true
                      schema:
                        type: string
                        format: uuid
                  responses:
                    '200':
                      description: The customer
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/CustomerResponse'
            """;

    /** Vayu's inline response customer, moved as it is to components/schemas/Customer: the same wire. */
    private static String moveResponseCustomerToComponents(String spec) {
        String inline = "        customer:\n          type: object\n";
        int start = spec.indexOf(inline);
        int end = spec.indexOf("      required:\n        - customer\n", start);
        String schema = spec.substring(start + inline.length(), end).replaceAll("(?m)^    ", "");
        return spec.substring(0, start) + "        customer:\n          $ref: '#/components/schemas/Customer'\n"
                + spec.substring(end).replace("    Contact:\n", "    Customer:\n      type: object\n" + schema + "    Contact:\n");
    }

    /** The "Your Java" section of a changelog the nested build wrote. */
    private String yourJava(String changelog) throws IOException {
        String text = Files.readString(copy.resolve("spec-gate/target/spec-changes").resolve(changelog));
        int section = text.indexOf("## Your Java");
        assertTrue(section >= 0, text);
        return text.substring(section);
    }

    /** Copies the project's build files and specs, applies the change to one spec, builds the gates and the client. */
    private Build build(String specName, UnaryOperator<String> change) throws Exception {
        for (String file : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "generated-client/pom.xml",
                "generated-server/pom.xml", "impl/pom.xml", "contract-tests/pom.xml", "spec-gate/pom.xml", "api-gate/pom.xml", "codegen/pom.xml")) {
            copyFile(ROOT.resolve(file), copy.resolve(file));
        }
        copyTree(ROOT.resolve("spec-gate/src/main"), copy.resolve("spec-gate/src/main"));
        copyTree(ROOT.resolve("api-gate/src/main"), copy.resolve("api-gate/src/main"));
        copyTree(ROOT.resolve("codegen/src/main"), copy.resolve("codegen/src/main"));
        // The loop is tried on fixed specs of the tests' own, each its own baseline, not on the user's specs/:
        // the edits below must apply, and hold, whatever vendor file a user has dropped in.
        for (String name : List.of("vayu.yaml", "layer.yaml", "stub-admin.yaml")) {
            copyFile(FIXTURES.resolve(name), copy.resolve("specs").resolve(name));
            copyFile(FIXTURES.resolve(name), copy.resolve("specs/baseline").resolve(name));
        }
        Path spec = copy.resolve("specs").resolve(specName);
        String original = Files.readString(spec);
        String changed = change.apply(original);
        assertNotEquals(original, changed, "the change did not apply to " + specName);
        Files.writeString(spec, changed);

        Process maven = new ProcessBuilder(copy.resolve("mvnw").toString(), "-B", "-o", "-f", copy.resolve("pom.xml").toString(),
                "-pl", "spec-gate,codegen,generated-client,api-gate", "package", "-DskipTests").redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "the build must end");
        return new Build(maven.exitValue(), output);
    }

    private static String javap(Path classes, String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out, true), new PrintWriter(out, true), "-cp", classes.toString(), type);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        to.toFile().setExecutable(from.toFile().canExecute());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyFile(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
