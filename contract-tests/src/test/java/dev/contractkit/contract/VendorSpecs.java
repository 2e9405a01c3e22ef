package dev.contractkit.contract;

import dev.contractkit.stub.spec.OpenApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The vendors, as the specs in specs/ name them: every NAME.yaml but overlays and the stub's own admin API.
 * A vendor is its file: its name, its client's package and whether the spec is ours all come from it.
 */
final class VendorSpecs {

    static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));
    /** The kit's own API, not a vendor's: served under /__admin, tested in impl. */
    private static final String ADMIN_SPEC = "stub-admin";
    private static final Map<String, OpenApiSpec> LOADED = new ConcurrentHashMap<>();

    private VendorSpecs() {
    }

    /** The vendor names (file names without .yaml), sorted so tests run in a stable order. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.endsWith(".overlay.yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .filter(name -> !name.equals(ADMIN_SPEC))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the specs in " + SPECS, e);
        }
    }

    /** The vendor's spec with its overlay applied, read once. */
    static OpenApiSpec spec(String vendor) {
        return LOADED.computeIfAbsent(vendor, name -> OpenApiSpec.load(SPECS, name));
    }

    static String fileName(String vendor) {
        return vendor + ".yaml";
    }

    /**
     * Whether we wrote the spec ({@code info: x-contract-kit: {authored: true}}): a defect in it fails the
     * build; in a vendor's own file, which the vendor will not fix for us, it is reported instead.
     */
    static boolean authored(OpenApiSpec spec) {
        return spec.document().at("/info/x-contract-kit/authored").asBoolean(false);
    }

    /** The root package of the spec's generated client, as the build generated it (dev.contractkit.NAME.client). */
    static String clientPackage(String vendor) {
        return dev.contractkit.stub.Vendor.named(vendor).clientPackage();
    }
}
