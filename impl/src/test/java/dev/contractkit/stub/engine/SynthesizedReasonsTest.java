package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.spec.OpenApiSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every synthesized operation says why (the evidence the inference found missing), and no other says anything:
 * for every fixture spec of this folder and for Vayu's whole published file with its overlay.
 */
class SynthesizedReasonsTest {

    private static final Path VENDOR_FILES = Path.of("..", "contract-tests", "src", "test", "resources", "vendor-files");
    private static final Path SPECS = Path.of("..", "specs");

    @TempDir
    static Path vayu;

    @TestFactory
    Stream<DynamicTest> everyFixtureAndVayusWholeFile() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Path folder = folder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".overlay.yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                tests.add(DynamicTest.dynamicTest(name, () -> eachSynthesizedOneSaysWhy(OpenApiSpec.load(folder, name), false)));
            }
        }
        Files.copy(VENDOR_FILES.resolve("vayu-published.yaml"), vayu.resolve("vayu.yaml"));
        Files.copy(SPECS.resolve("vayu.overlay.yaml"), vayu.resolve("vayu.overlay.yaml"));
        tests.add(DynamicTest.dynamicTest("Vayu's whole file", () -> eachSynthesizedOneSaysWhy(OpenApiSpec.load(vayu, "vayu"), true)));
        return tests.stream();
    }

    private static void eachSynthesizedOneSaysWhy(OpenApiSpec spec, boolean someSynthesized) {
        ResourceModel model = new ResourceModel(spec);
        int synthesized = 0;
        for (var operation : spec.operations()) {
            Behaviour behaviour = model.behaviour(operation);
            if (behaviour.kind() == Behaviour.Kind.SYNTHESIZED) {
                synthesized++;
                assertTrue(behaviour.reason() != null && !behaviour.reason().isBlank(), operation.id() + " says no reason");
            } else {
                assertEquals(null, behaviour.reason(), operation.id() + " is " + behaviour.kind() + " yet gives a reason");
            }
        }
        assertFalse(someSynthesized && synthesized == 0, "the file has synthesized operations to check");
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(SynthesizedReasonsTest.class.getResource("hooks.yaml").toURI()).getParent();
    }
}
