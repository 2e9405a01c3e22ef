package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The specs packaged in the stub, each also as one JSON document with its overlay applied, written by the
 * build beside the YAML (NAME.packaged.json). Reading YAML costs a start ~150 ms (SnakeYAML's classes and a
 * slow parser) against ~10 ms for JSON; a test suite pays it at every fresh JVM. The JSON names the SHA-256
 * of the YAML it was made from, so an edited spec whose JSON was not rebuilt (an IDE's copy of the resources)
 * is read from its YAML instead of served stale.
 */
public final class PackagedSpecs {

    private static final String RESOURCES = "/dev/contractkit/stub/specs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackagedSpecs() {
    }

    /** The admin API's spec, packaged beside the vendors' but not one of them. */
    public static final String ADMIN = "stub-admin";

    /** The list of packaged specs' names, one a line: classpath folders cannot be listed from a jar. */
    public static final String INDEX = "index.txt";

    private static volatile List<String> vendors;

    /** The names of the vendors' specs the stub packages (every spec but the admin API's), sorted. */
    public static List<String> vendors() {
        List<String> known = vendors;
        if (known == null) {
            byte[] index = resource(INDEX);
            if (index == null) {
                throw new IllegalStateException("the stub's packaged specs have no " + INDEX
                        + ": the build's packaged-specs step did not run (./mvnw install)");
            }
            known = new String(index, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(n -> !n.isEmpty() && !n.equals(ADMIN)).sorted().toList();
            vendors = known;
        }
        return known;
    }

    /** The packaged spec NAME with its overlay applied: from its JSON when that was made from this YAML. */
    static ObjectNode read(String name) {
        return read(name, PackagedSpecs::resource);
    }

    /** As {@link #read(String)}, with the packaged files (by file name; null when absent) from {@code files}. */
    static ObjectNode read(String name, java.util.function.Function<String, byte[]> files) {
        byte[] spec = files.apply(name + ".yaml");
        if (spec == null) {
            throw new IllegalArgumentException("no spec " + name + " is packaged in the stub");
        }
        byte[] overlay = files.apply(name + ".overlay.yaml");
        byte[] packaged = files.apply(name + ".packaged.json");
        if (packaged != null) {
            try {
                JsonNode json = JSON.readTree(packaged);
                if (sha256(spec, overlay).equals(json.path("source").asText())) {
                    return (ObjectNode) json.get("document");
                }
            } catch (IOException e) {
                // unreadable: read the YAML below
            }
        }
        return applied(spec, overlay, name);
    }

    /** The spec with its overlay (null: none) applied, read from YAML. */
    public static ObjectNode applied(byte[] spec, byte[] overlay, String name) {
        ObjectNode document = (ObjectNode) yaml(spec, name);
        if (overlay != null) {
            Overlay.apply(yaml(overlay, name), document);
        }
        return document;
    }

    static JsonNode yaml(byte[] bytes, String name) {
        try {
            return new YAMLMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + name, e);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = PackagedSpecs.class.getResourceAsStream(RESOURCES + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged spec " + file, e);
        }
    }

    /** What a packaged JSON names as its source: the SHA-256 of the spec and its overlay. */
    public static String sha256(byte[] spec, byte[] overlay) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(spec);
            if (overlay != null) {
                digest.update((byte) 0);
                digest.update(overlay);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
