package dev.contractkit.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the build generated each vendor's code: META-INF/contract-kit/client.properties and server.properties,
 * which codegen writes into generated-client's and generated-server's jars. Read, not derived, so that the
 * package rule stays written once (codegen's SpecName).
 */
enum GeneratedPackages {
    CLIENT("client"), SERVER("server");

    private final String label;
    private volatile Properties read;

    GeneratedPackages(String label) {
        this.label = label;
    }

    /** The vendor's package setting (package, apiPackage, modelPackage); a clear failure when it was not generated. */
    String of(String vendor, String setting) {
        String value = properties().getProperty(vendor + "." + setting);
        if (value == null) {
            throw new IllegalStateException("no " + label + " code was generated for specs/" + vendor
                    + ".yaml: build the project (./mvnw install) after adding the spec");
        }
        return value;
    }

    private Properties properties() {
        Properties known = read;
        if (known == null) {
            known = new Properties();
            try (InputStream in = GeneratedPackages.class.getResourceAsStream("/META-INF/contract-kit/" + label + ".properties")) {
                if (in == null) {
                    return known; // not cached: a class path that lacks it now may not later (a test's own loader)
                }
                known.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the generated " + label + "'s index", e);
            }
            read = known;
        }
        return known;
    }
}
